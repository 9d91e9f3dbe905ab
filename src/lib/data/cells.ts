/**
 * A cell type: reads the raw text of a cell (never empty; empty cells are
 * handled by the table reader) into a value, or undefined when it does not
 * fit, and says in Russian what is expected, for error messages.
 *
 * Plain functions, not zod: a region has tens of millions of cells, and a zod
 * parse per cell made reading ten times slower (measured: 1,9 s against 0,19 s
 * for 360 000 rows). zod describes site.yaml, where its paths name the key.
 */
export interface Cell<T> {
  read: (raw: string) => T | undefined;
  expected: string;
}

const cell = <T,>(expected: string, read: (raw: string) => T | undefined): Cell<T> => ({ expected, read });

const NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Reads `72,5` and `72.5`, and tolerates spaces as thousands separators. */
export function readNumber(raw: string): number | undefined {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  return NUMBER.test(s) ? Number(s.replace(',', '.')) : undefined;
}

export const text = (): Cell<string> => cell('текст', (raw) => raw);

export function int(min: number, max = Infinity): Cell<number> {
  const expected =
    max === Infinity ? `целое число не меньше ${min}` : `целое число от ${min} до ${max}`;
  return cell(expected, (raw) => {
    const n = readNumber(raw);
    return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  });
}

export function num(min = -Infinity, max = Infinity): Cell<number> {
  const expected =
    min === -Infinity ? 'число (дробная часть через запятую или точку)' : `число от ${min} до ${max}`;
  return cell(expected, (raw) => {
    const n = readNumber(raw);
    return n !== undefined && n >= min && n <= max ? n : undefined;
  });
}

const TRUE = new Set(['1', 'да', 'true', '+', 'д', 'yes']);
const FALSE = new Set(['0', 'нет', 'false', '-', 'н', 'no']);
export const bool = (): Cell<boolean> =>
  cell('1 или 0, да или нет, true или false, + или −', (raw) => {
    const s = raw.trim().toLowerCase();
    return TRUE.has(s) ? true : FALSE.has(s) ? false : undefined;
  });

/** One of fixed values; `synonyms` maps other spellings (lower case, ё→е) to them. */
export function oneOf<T extends string | number>(values: readonly T[], synonyms: Record<string, T> = {}): Cell<T> {
  const key = (s: string | number) => String(s).trim().toLowerCase().replace(/ё/g, 'е');
  const map = new Map<string, T>();
  for (const v of values) map.set(key(v), v);
  for (const [k, v] of Object.entries(synonyms)) map.set(key(k), v);
  return cell(`одно из: ${values.join(', ')}`, (raw) => map.get(key(raw)));
}

export const isoDate = (): Cell<string> =>
  cell('дата в виде ГГГГ-ММ-ДД (или ДД.ММ.ГГГГ)', (raw) => {
    const s = raw.trim();
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    let iso: string | undefined;
    if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
    m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
    if (m) iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    if (!iso) return undefined;
    const d = new Date(`${iso}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
  });

export const url = (): Cell<string> =>
  cell('адрес сайта, начинающийся с http:// или https://', (raw) => {
    const s = raw.trim();
    const withScheme = /^https?:\/\//i.test(s) ? s : /^[\w.-]+\.[a-zа-я]{2,}(\/.*)?$/i.test(s) ? `https://${s}` : '';
    try {
      return withScheme ? new URL(withScheme).href : undefined;
    } catch {
      return undefined;
    }
  });

/** A code looked up in a dictionary built at run time (subjects, schools, mechanisms). */
export function lookup<T = string>(expected: string, find: (raw: string) => T | undefined): Cell<T> {
  return cell(expected, find);
}
