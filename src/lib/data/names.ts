import type { Dataset } from './tables.ts';

/** Human names of codes: subjects, schools, works, groups. */
export function namer(data: Dataset) {
  const subjects = new Map(data.subjects.map((s) => [s.code, s.name]));
  // Kindergartens are named too: the mechanisms' values name them.
  const schools = new Map([...data.schools, ...(data.kindergartens ?? [])].map((s) => [s.school_id, s]));
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
