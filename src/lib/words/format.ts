/**
 * Russian formatting for every number, date and word the site prints: `72,5`,
 * `1 234` (thin space), `12,3 %`, plural forms, dates. Used by pages, charts
 * and tables alike.
 */

/**
 * Russian alphabetical order with numbers as numbers (№ 2 before № 10). One collator for the whole build:
 * `localeCompare` with options makes a new one at every call, and sorting a region's thousand schools on each
 * of its pages took seconds.
 */
export const byRussian: (a: string, b: string) => number = new Intl.Collator('ru', { numeric: true }).compare;

const THIN = '\u202f';
const NBSP = '\u00a0';

/** Rounds half away from zero (the rule of the spec), tolerating binary noise. */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  const y = Math.abs(x) * f;
  // The noise (1,005 · 100 = 100,49999999999999) is taken off at 12 significant digits, a change below 5·10⁻⁴ for
  // y under 10⁹: a y farther than that from a half rounds the same without it. Most numbers skip the string round
  // trip, which took 5 of a region's seconds.
  const r = y < 1e9 && Math.abs(y - Math.floor(y) - 0.5) > 1e-3 ? Math.round(y) : Math.round(Number(y.toPrecision(12)));
  return (Math.sign(x) * r) / f;
}

/** `1234.5` → `1 234,5` with a narrow no-break space, decimals as given (trailing zeros kept). */
export function formatNumber(x: number, digits = 1): string {
  const r = round(x, digits);
  const [int, frac] = Math.abs(r).toFixed(digits).split('.');
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, THIN) : int;
  return `${r < 0 ? '−' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

export type UnitKind = 'чел.' | '%' | 'балл' | 'отметка' | 'дипл.';

/** Decimals shown on the site for a unit (open data always has 2). */
export const DIGITS: Record<UnitKind, number> = { 'чел.': 0, 'дипл.': 0, '%': 1, балл: 1, отметка: 2 };

/** A value with its unit as Russians write it: `12,3 %`, `72,5`, `1 234 чел.`. */
export function formatValue(x: number, unit: UnitKind, withUnit = true): string {
  const s = formatNumber(x, DIGITS[unit]);
  if (!withUnit) return s;
  if (unit === '%') return `${s}${NBSP}%`;
  if (unit === 'чел.' || unit === 'дипл.') return `${s}${NBSP}${unit}`;
  return s;
}

/** A 95 % interval as «(69,8–72,8)», in the value's digits; undefined when there is none. */
export function formatInterval(v: { ci_low?: number; ci_high?: number; suppressed?: boolean }, unit: UnitKind): string | undefined {
  if (v.suppressed || v.ci_low === undefined || v.ci_high === undefined) return undefined;
  return `(${formatNumber(v.ci_low, DIGITS[unit])}–${formatNumber(v.ci_high, DIGITS[unit])})`;
}

/** A signed change: `+2,3`, `−1,0`, `0,0`; for %, in percentage points. */
export function formatChange(d: number, unit: UnitKind): string {
  const r = round(d, DIGITS[unit]);
  const s = formatNumber(Math.abs(r), DIGITS[unit]);
  const sign = r > 0 ? '+' : r < 0 ? '−' : '±';
  return `${sign}${s}${unit === '%' ? `${NBSP}п.${NBSP}п.` : ''}`;
}

/** Ends a sentence with a full stop unless it already ends with one («чел.», «г.»): never «..». */
export const sentence = (s: string) => (/[.!?…]$/.test(s.trimEnd()) ? s.trimEnd() : `${s.trimEnd()}.`);

/** Russian plural: plural(5, ['участник', 'участника', 'участников']). */
export function plural(n: number, forms: [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b > 1 && b < 5) return forms[1];
  if (b === 1) return forms[0];
  return forms[2];
}

/** Forms of «участник» after a number. */
export const PARTICIPANTS: [string, string, string] = ['участник', 'участника', 'участников'];

export const count = (n: number, forms: [string, string, string]) => `${formatNumber(n, 0)}${NBSP}${plural(n, forms)}`;

const MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** `2026-11-23` → `23 ноября 2026 г.` */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}${NBSP}${MONTHS_GEN[Number(m[2]) - 1]} ${m[1]}${NBSP}г.`;
}

/** A moment (ISO) in this computer's time, as a person reads it: `20:41, 1 декабря 2026 г.` */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}, ${formatDate(`${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`)}`;
}

/** `2026-Q3` → `III квартал 2026 г.`; `2026` → `2026 г.` */
export function formatPeriod(p: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(p);
  if (!m) return p;
  return m[2] ? `${['I', 'II', 'III', 'IV'][Number(m[2]) - 1]} квартал ${m[1]}${NBSP}г.` : `${m[1]}${NBSP}г.`;
}

/** Words for a change: «вырос на 2,3 балла», «снизилась на 1,5 п. п.», «не изменился». */
export type Gender = 'm' | 'f' | 'n';

/** Grammatical gender of an indicator's name by its first word: «Доля» f, «Число» n, «Средний балл» m. */
export function genderOf(name: string): Gender {
  const w = name.split(/\s/)[0].toLowerCase();
  if (/(я|ь)$/.test(w) && w !== 'процент') return 'f';
  if (/о$/.test(w)) return 'n';
  return 'm';
}

const ENDINGS: Record<Gender, [string, string, string]> = {
  m: ['вырос', 'снизился', 'не изменился'],
  f: ['выросла', 'снизилась', 'не изменилась'],
  n: ['выросло', 'снизилось', 'не изменилось'],
};

/** The amount of a change in words: «2,3 балла», «1,5 п. п.», «3 человека». */
function amountOf(d: number, unit: UnitKind): string {
  const digits = DIGITS[unit];
  const amount = formatNumber(Math.abs(round(d, digits)), digits);
  if (unit === '%') return `${amount}${NBSP}п.${NBSP}п.`;
  // A decimal fraction takes the genitive singular: «на 2,0 балла».
  if (unit === 'балл') return `${amount}${NBSP}балла`;
  // After «на»: «на 1 человека», «на 2 человека», «на 5 человек».
  if (unit === 'чел.') return count(Math.abs(round(d, 0)), ['человека', 'человека', 'человек']);
  if (unit === 'дипл.') return count(Math.abs(round(d, 0)), ['диплом', 'диплома', 'дипломов']);
  return amount;
}

export function describeChange(d: number, unit: UnitKind, gender: Gender = 'm'): string {
  const r = round(d, DIGITS[unit]);
  if (r === 0) return ENDINGS[gender][2];
  return `${r > 0 ? ENDINGS[gender][0] : ENDINGS[gender][1]} на ${amountOf(r, unit)}`;
}

/** What a comparison needs for words (structurally a Comparison of indicators/compare.ts). */
export interface Compared {
  diff: number;
  significant: boolean;
  exact: boolean;
}

/**
 * A change over time in honest words (spec §11): «вырос на 2,3 балла за год»
 * only when the change is significant; otherwise «на уровне прошлого года
 * (−1,9 балла — в пределах случайных колебаний)». Counts are exact: their
 * change is stated without a verdict. `since`: the year compared with, when
 * not the year before.
 */
export function describeComparison(c: Compared, unit: UnitKind, gender: Gender = 'm', since?: number): string {
  const r = round(c.diff, DIGITS[unit]);
  const than = since === undefined ? 'чем годом ранее' : `чем в ${since}${NBSP}году`;
  if (c.exact) {
    if (r === 0) return `столько же, ${than.replace('чем', 'сколько')}`;
    return `на ${amountOf(r, unit)} ${r > 0 ? 'больше' : 'меньше'}, ${than}`;
  }
  if (c.significant && r !== 0) {
    const verb = describeChange(r, unit, gender);
    return since === undefined ? `${verb} за год` : `с ${since}${NBSP}года ${verb}`;
  }
  const level = since === undefined ? 'на уровне прошлого года' : `на уровне ${since}${NBSP}года`;
  if (r === 0) return level;
  return `${level} (${r > 0 ? '+' : '−'}${amountOf(r, unit)} — в пределах случайных колебаний)`;
}

/** A school against the rest of the municipality in words: «выше, чем в остальных школах муниципалитета» only when significant. */
export function describeStanding(c: Compared | undefined): { word: 'выше' | 'ниже' | 'на уровне' | undefined; text: string } {
  if (!c || c.exact) return { word: undefined, text: '' };
  if (!c.significant || round(c.diff, 2) === 0) return { word: 'на уровне', text: 'на уровне остальных школ муниципалитета' };
  return c.diff > 0
    ? { word: 'выше', text: 'выше, чем в остальных школах муниципалитета' }
    : { word: 'ниже', text: 'ниже, чем в остальных школах муниципалитета' };
}

/** Points of a score, one decimal; a bound that would round to 0 keeps two, so «от 0,0» never stands beside «как у всех». */
export const points = (x: number) => formatNumber(x, x !== 0 && Math.abs(x) < 0.05 ? 2 : 1);
export const signedPoints = (x: number) => `${x > 0 ? '+' : ''}${points(x)}`;

/** An abbreviation keeps its capitals in running text: ЕГЭ, ОГЭ, ВПР, ГВЭ-11, ОВЗ. */
const ABBR = /^[А-ЯЁA-Z]{2,}(?:-\d+)?$/;

/** Lower case for running text, abbreviations kept: «Русский язык, 4 класс» → «русский язык, 4 класс», «ОГЭ» stays. */
export const lower = (s: string) => s.replace(/[^\s,;:()«»]+/g, (w) => (ABBR.test(w) ? w : w.toLowerCase()));

/** The first letter lowered for the middle of a sentence, unless the first word is an abbreviation («ВПР: …» stays). */
export const lowerFirst = (s: string) => (ABBR.test(s.split(/[\s,:;]/)[0]) ? s : s.charAt(0).toLowerCase() + s.slice(1));
