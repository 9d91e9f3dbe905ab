/** Pieces every chart kind shares: ids, interval cells, the legend line, how a point shows in a table and a CSV. */
import { SECONDARY_REASON } from '../indicators/present.ts';
import { byRussian, DIGITS, formatInterval, formatNumber, formatValue, type UnitKind } from '../words/format.ts';
import type { TableCell } from '../words/cells.ts';
import { CI_COLOR } from './render.ts';
import type { LegendItem, Point } from './types.ts';

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** A URL-safe id from codes: `ege.mean` + `math_prof` → `ege-mean-math-prof`; Cyrillic codes are transliterated. */
export const slug = (...parts: (string | number | undefined)[]) =>
  parts
    .filter((p) => p !== undefined && p !== '')
    .join('-')
    .toLowerCase()
    .replace(/[а-яё]/g, (ch) => TRANSLIT[ch] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export const drawn = (draw: (width?: number) => string) => ({ draw: (w: number) => draw(w), svg: draw(undefined) });

export function taskOrder(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
}

/** The notes of withheld years, one per reason: «2024 и 2025: скрыто, …», not the same sentence twice under a chart. */
export function whyNotes(years: { year: number; why?: string }[]): string[] {
  const by = new Map<string, number[]>();
  for (const { year, why } of years) if (why !== undefined) by.set(why, [...(by.get(why) ?? []), year]);
  return [...by].map(([why, ys]) => `${ys.length > 1 ? `${ys.slice(0, -1).join(', ')} и ${ys.at(-1)}` : ys[0]}: ${why}`);
}

/** More schools than this are drawn as a histogram, not a bar each. */
export const MANY = 40;

/** The legend line of every chart with intervals. */
export const CI_LEGEND: LegendItem = {
  label: '95-процентный доверительный интервал (пределы случайных колебаний)',
  color: CI_COLOR,
  mark: 'interval',
};

/** A point's interval as a CSV writes it. */
export const ciCells = (p: Point) =>
  p.why !== undefined || p.lo === undefined ? [undefined, undefined] : [p.lo.toFixed(2), p.hi!.toFixed(2)];

/** A point's value, withheld flag and size as a CSV writes them. */
export const pointCsv = (p: Point) => [
  p.why === undefined ? p.value?.toFixed(2) : undefined,
  p.n,
  p.why === undefined ? 0 : p.why === SECONDARY_REASON ? 2 : 1,
];

/** value, n, suppressed, ci_low, ci_high: a point's columns in every chart CSV. */
export const pointColumns = (p: Point) => [...pointCsv(p), ...ciCells(p)];

export const shown = (p: Point): p is Point & { value: number } => p.why === undefined && p.value !== undefined;

/** A point in a table: the value with its interval, or «—» with why it is withheld. */
export function pointCell(p: Point, unit: UnitKind): TableCell {
  if (!shown(p)) return { text: p.why === undefined ? '' : '—', num: true, why: p.why };
  return { text: formatValue(p.value, unit), num: true, ci: formatInterval({ ci_low: p.lo, ci_high: p.hi }, unit) };
}

/** A group size in a table; «—» where it is itself withheld. */
export const nCell = (p: Point): TableCell => ({ text: p.n === undefined ? '—' : formatNumber(p.n, 0), num: true });

/** The digits a unit is written with. */
export const digitsOf = (unit: UnitKind) => DIGITS[unit];

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Point names alphabetically, as people look schools up: `№ 2` before `№ 10`. */
export const byName = byRussian;
