/** Subjects in the forms Russian text needs after a procedure's name. */

/** Dative-free short subject names for chart titles: «по русскому языку». */
export function subjectPrepositional(name: string): string {
  const map: Record<string, string> = {
    'Русский язык': 'по русскому языку',
    Математика: 'по математике',
    'Математика (базовый уровень)': 'по математике (базовый уровень)',
    'Математика (профильный уровень)': 'по математике (профильный уровень)',
    Физика: 'по физике',
    Химия: 'по химии',
    Информатика: 'по информатике',
    Биология: 'по биологии',
    История: 'по истории',
    География: 'по географии',
    Обществознание: 'по обществознанию',
    Литература: 'по литературе',
    'Английский язык': 'по английскому языку',
    'Немецкий язык': 'по немецкому языку',
    'Французский язык': 'по французскому языку',
    'Испанский язык': 'по испанскому языку',
    'Китайский язык': 'по китайскому языку',
    'Окружающий мир': 'по окружающему миру',
  };
  return map[name] ?? `: ${name}`;
}

/** «по русскому языку», or «— Астрономия» for a subject without a known form: for text after a procedure's name. */
export const aboutSubject = (name: string) => subjectPrepositional(name).replace(/^: /, '— ');
