import { lookup, readNumber, type Cell } from './cells.ts';
import { normKey } from './normalize.ts';

/** The 8 mechanisms of quality management (indicators spec §9), in their official order. */
export const MECHANISMS = [
  'Система оценки качества подготовки обучающихся',
  'Работа со школами с низкими результатами обучения и/или функционирующими в неблагоприятных социальных условиях',
  'Выявление, поддержка и развитие способностей и талантов',
  'Самоопределение и профессиональная ориентация',
  'Мониторинг эффективности руководителей',
  'Профессиональное развитие педагогических работников',
  'Организация воспитания',
  'Мониторинг качества дошкольного образования',
] as const;

/** A mechanism by number (1–8), by name, or by the start of its name (at least 10 letters). */
export function findMechanism(raw: string): number | undefined {
  const s = normKey(raw).replace(/^система\s+/, '');
  if (/^[1-8]$/.test(s)) return Number(s);
  const letters = s.replace(/[^a-zа-я]/g, '');
  if (letters.length < 10) return undefined;
  const i = MECHANISMS.findIndex((m) => {
    const name = normKey(m);
    return name.startsWith(s) || name.replace(/^система\s+/, '').startsWith(s);
  });
  return i < 0 ? undefined : i + 1;
}

/** A cell naming a mechanism by its number or name (roadmaps' `direction`, the book of mechanism indicators). */
export const mechanismCell = (): Cell<number> =>
  lookup(`номер механизма 1–8 или начало его названия (не менее 10 букв): ${MECHANISMS.map((m, i) => `${i + 1} — ${m}`).join('; ')}`, findMechanism);

/** Addresses of the mechanisms' pages, in the order of MECHANISMS. */
export const MECHANISM_SLUGS = ['assessment', 'low-results', 'talents', 'career', 'heads', 'teachers', 'upbringing', 'preschool'] as const;

/** Preschool organisations in the register: `kind` ДОУ or детский сад (also МБДОУ, «Детский сад № 5» and the like). */
export const isKindergarten = (kind: string | undefined) => kind !== undefined && /(^|[^а-яё])[а-яё]{0,3}доу([^а-яё]|$)|детск\S*\s+сад/i.test(kind);

/** Open-data ids of the mechanisms' indicators: `mech.<id of the book>`. */
export const MECH_PREFIX = 'mech.';

/** A book's indicator by its id or by its code (the regulation's number, «2.3» or «2.3.»); codes shared by two indicators answer both. */
export function bookIndex<T extends { id: string; code: string }>(book: readonly T[]) {
  const byId = new Map(book.map((b) => [b.id, b]));
  const byCode = new Map<string, T[]>();
  const codeKey = (raw: string) => normKey(raw).replace(/\.$/, '').replace(/\s+/g, '');
  for (const b of book) byCode.set(codeKey(b.code), [...(byCode.get(codeKey(b.code)) ?? []), b]);
  return (raw: string): T[] => {
    const s = raw.trim();
    const id = byId.get(s.startsWith(MECH_PREFIX) ? s.slice(MECH_PREFIX.length) : s);
    return id ? [id] : (byCode.get(codeKey(s)) ?? []);
  };
}

/** A cell's value in an indicator's unit: a percentage or count as a number, presence as 1 or 0; undefined when it does not fit. */
export function readMechanismValue(unit: 'процент' | 'количество' | 'наличие', raw: string): number | undefined {
  const s = raw.trim().toLowerCase();
  if (unit === 'наличие') return /^(да|есть|1|\+)$/.test(s) ? 1 : /^(нет|0|-|—)$/.test(s) ? 0 : undefined;
  const n = readNumber(s.replace(/\s*%$/, ''));
  if (n === undefined || n < 0) return undefined;
  return unit === 'процент' && n > 100 ? undefined : n;
}

/**
 * The organisations a mechanism's indicator is counted over in a year that are not among `given`:
 * kindergartens for preschool education, schools for the other mechanisms, leaving out those closed
 * before the year. A municipal share is pooled only when none is missing.
 */
export function missingOrganisations<T extends { school_id: string; kind?: string; closed?: number }>(
  register: readonly T[],
  mechanism: number,
  year: number,
  given: ReadonlySet<string>,
): T[] {
  const preschool = mechanism === MECHANISMS.length;
  return register.filter((s) => isKindergarten(s.kind) === preschool && (s.closed === undefined || s.closed >= year) && !given.has(s.school_id));
}
