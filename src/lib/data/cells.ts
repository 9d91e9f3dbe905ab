/**
 * A cell type: reads the raw text of a cell (never empty; empty cells are
 * handled by the table reader) into a value, or undefined when it does not
 * fit, and says in Russian what is expected, for error messages.
 *
 * Plain functions, not zod: a region has tens of millions of cells, and a zod
 * parse per cell made reading ten times slower (measured: 1,9 s against 0,19 s
 * for 360 000 rows). zod describes site.yaml, where its paths name the key.
 */
import { count } from '../words/format.ts';

export interface Cell<T> {
  read: (raw: string) => T | undefined;
  expected: string;
  /** A number is expected: a date or an exponent in its place gets a hint about Excel's formats. */
  numeric?: boolean;
  /** Free text a person typed: looked at for personal data (a phone, a СНИЛС) before it is published. */
  free?: boolean;
  /** A code: a date in its place gets a hint that Excel turned «1.4» or «01-02» into a date. */
  code?: boolean;
}

const cell = <T,>(expected: string, read: (raw: string) => T | undefined, numeric = false): Cell<T> => ({ expected, read, numeric });

const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
/** Thousands apart by a space, a no-break or a narrow no-break space, as Russians and Excel write them: `1 234,5`. */
const GROUPED = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;

/** Reads `72,5` and `72.5`, and `1 234` with spaces between thousands (never `7 0`). */
export function readNumber(raw: string): number | undefined {
  if (NUMBER.test(raw)) return Number(raw.replace(',', '.'));
  return GROUPED.test(raw) ? Number(raw.replace(/[ \u00a0\u202f]/g, '').replace(',', '.')) : undefined;
}

export const text = (): Cell<string> => ({ ...cell('текст', (raw) => raw), free: true });

/** An identifier that is never published as a path (a participant's code): read as it is, not scanned as free text. */
export const ident = (): Cell<string> => cell('код', (raw) => raw);

/**
 * Codes become parts of file names and addresses (`schools/<code>/`, `charts/school-<code>-….svg`), so a code is
 * letters, digits, `-`, `_` and `.` (not first), short: `../public/favicon` or `a/b` is refused as data, never
 * followed as a path. Windows' device names (CON, NUL, COM1 …) cannot be folder names there.
 */
const SAFE_CODE = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,63}$/u;
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
export const CODE_FORM = 'код из букв, цифр, «-», «_» и «.» (не первой), не длиннее 64 знаков, например 105 или sch-12';
export const isSafeCode = (s: string): boolean => SAFE_CODE.test(s) && !DEVICE.test(s);
export const code = (): Cell<string> => ({
  // A date is no code: a workbook's date cell arrives as 2026-04-01, and a school is not coded so.
  ...cell(CODE_FORM, (raw) => (isSafeCode(raw.trim()) && !looksLikeDate(raw.trim()) ? raw.trim() : undefined)),
  code: true,
});

const DATE = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{4}$/;
export const looksLikeDate = (raw: string) => DATE.test(raw.trim());

/** Why a code reads as a date: Excel's automatic formats, and how to stop them. */
export const EXCEL_DATE_HINT =
  ' Похоже на дату: Excel превращает коды вида «1.4» или «01-02» в даты. Задайте столбцу формат «Текстовый» (Формат ячеек → Текстовый) и впишите коды заново, затем сохраните файл.';

export function int(min: number, max = Infinity): Cell<number> {
  const expected =
    max === Infinity ? `целое число не меньше ${min}` : `целое число от ${min} до ${max}`;
  return cell(
    expected,
    (raw) => {
      const n = readNumber(raw);
      return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    },
    true,
  );
}

export function num(min = -Infinity, max = Infinity): Cell<number> {
  const expected =
    min === -Infinity ? 'число (дробная часть через запятую или точку)' : `число от ${min} до ${max}`;
  return cell(
    expected,
    (raw) => {
      const n = readNumber(raw);
      return n !== undefined && n >= min && n <= max ? n : undefined;
    },
    true,
  );
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

/** Links the site publishes: web pages and mail only, never `javascript:` or `data:`. */
export const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

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

/** The longest value a cell may hold: a roadmap item's text fits many times over. */
const MAX_CELL = 10_000;
/** Excel's error values (Russian and English), which a formula leaves in its cell. */
const EXCEL_ERROR = /^#(?:Н\/Д|N\/A|ДЕЛ\/0!|DIV\/0!|ЗНАЧ!|VALUE!|ССЫЛКА!|REF!|ИМЯ\?|NAME\?|ЧИСЛО!|NUM!|ПУСТО!|NULL!|ПЕРЕНОС!|SPILL!|CALC!|ВЫЧИСЛ!)$/i;

/** Why a cell cannot be used in any column, or undefined. */
export function unusable(raw: string): string | undefined {
  if (raw.length > MAX_CELL)
    return `Слишком длинное значение: в ячейке ${count(raw.length, ['символ', 'символа', 'символов'])}, а больше ${count(MAX_CELL, ['символа', 'символов', 'символов'])} не бывает ни в одном столбце. Похоже, в ячейку попал текст целого файла: проверьте кавычки и разделители.`;
  if (EXCEL_ERROR.test(raw))
    return 'В ячейке ошибка формулы Excel вместо значения: исправьте формулу в исходной таблице или впишите значение и сохраните файл заново.';
  return undefined;
}

/** What a wrong number probably is, for a person who typed or exported it. */
export function hint(raw: string, cell: Cell<unknown>): string {
  if (cell.code && looksLikeDate(raw)) return EXCEL_DATE_HINT;
  if (!cell.numeric) return '';
  if (/^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/.test(raw))
    return ' Число записано в экспоненциальной форме (так Excel показывает длинные числа): задайте столбцу формат «Числовой» или «Общий», впишите число полностью и сохраните файл заново.';
  if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(raw))
    return ' Похоже на дату: Excel мог превратить число в дату. Задайте столбцу формат «Общий» или «Числовой» и впишите числа заново.';
  if (/^\d+(?:[\s\u00a0\u202f]+\d+)+$/.test(raw))
    return ' Цифры разделены пробелом не по разрядам: пробел допускается только между тысячами (1 234).';
  return '';
}

