import type { Dataset } from './tables.ts';
import { byRussian } from '../words/format.ts';

/**
 * Human names of codes (subjects, schools, works, groups), made once per dataset (and again if its lists are replaced): pages ask for them
 * in every table, and making the maps of a region's thousand schools each time took 2 s of its pages.
 */
export function namer(data: Dataset): Namer {
  const key = [data.subjects, data.schools, data.kindergartens, data.workNames];
  const hit = made.get(data);
  if (hit && hit.key.every((k, i) => k === key[i])) return hit.namer;
  const n = makeNamer(data);
  made.set(data, { key, namer: n });
  return n;
}
const made = new WeakMap<Dataset, { key: unknown[]; namer: Namer }>();

function makeNamer(data: Dataset) {
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
  // Every school's place in that order, worked out once: a page sorts by these numbers.
  let order: Map<string, number> | undefined;
  const place = (id: string) => {
    order ??= new Map([...schools.keys()].sort((a, b) => byRussian(school(a), school(b)) || (a < b ? -1 : 1)).map((s, i) => [s, i]));
    return order.get(id) ?? Infinity;
  };
  const bySchoolName = <T>(items: Iterable<T>, id: (x: T) => string): T[] =>
    [...items].sort((a, b) => place(id(a)) - place(id(b)) || byRussian(school(id(a)), school(id(b))));
  return { subject, school, group, bySchoolName, schoolInfo: (id: string) => schools.get(id) };
}
export type Namer = ReturnType<typeof makeNamer>;
