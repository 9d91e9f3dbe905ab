import type { Dataset } from './data/tables.ts';

/** Human names of codes: subjects, schools, works, groups. */
export function namer(data: Dataset) {
  const subjects = new Map(data.subjects.map((s) => [s.code, s.name]));
  const schools = new Map(data.schools.map((s) => [s.school_id, s]));
  const works = data.workNames;
  const subject = (code: string) => subjects.get(code) ?? works.get(code) ?? code;
  const school = (id: string) => schools.get(id)?.name ?? id;
  /** «Русский язык, 4 класс», «1 полугодие, 5 класс», «Всего». */
  const group = (v: { subject: string; grade?: number; period: string; task: string }) => {
    const parts: string[] = [];
    if (v.subject) parts.push(subject(v.subject));
    if (v.period) parts.push(v.period);
    if (v.grade !== undefined) parts.push(`${v.grade} класс`);
    if (v.task) parts.push(`задание ${v.task}`);
    return parts.length ? parts.join(', ') : 'Всего';
  };
  /** Items about schools in the order of the schools' names (№ 2 before № 10): lists of schools are never rankings. */
  const bySchoolName = <T>(items: Iterable<T>, id: (x: T) => string): T[] =>
    [...items].sort((a, b) => school(id(a)).localeCompare(school(id(b)), 'ru', { numeric: true }));
  return { subject, school, group, bySchoolName, schoolInfo: (id: string) => schools.get(id) };
}
export type Namer = ReturnType<typeof namer>;

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
