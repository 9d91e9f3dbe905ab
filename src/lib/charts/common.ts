/** Pieces every chart builder shares: ids, words for a group, interval cells and the legend line. */
import type { IndicatorValue } from '../indicators/compute.ts';
import type { Model } from '../model.ts';
import type { Where } from '../indicators/query.ts';
import { unitOf } from '../indicators/registry.ts';
import type { Indicator } from '../indicators/registry.ts';
import { subjectPrepositional, type Namer } from '../names.ts';
import { CI_COLOR } from './render.ts';
import type { LegendItem } from './types.ts';

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

export type RegionOf = (id: string, year: number, w: Where) => number | undefined;

export function groupWords(names: Namer, where: Where): string {
  const parts: string[] = [];
  if (where.subject) parts.push(subjectPrepositional(names.subject(where.subject)).replace(/^: /, '— '));
  if (where.grade !== undefined) parts.push(`в ${where.grade} классе`);
  if (where.period) parts.push(`(${where.period})`);
  return parts.join(' ');
}

export const unitWord = (def: Indicator, subject?: string) => {
  const u = unitOf(def, subject);
  return u === 'отметка' ? 'средняя отметка' : u;
};

export function taskOrder(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
}

/** More schools than this are drawn as a histogram, not a bar each. */
export const MANY = 40;

/** The legend line of every chart with intervals. */
export const CI_LEGEND: LegendItem = {
  label: '95-процентный доверительный интервал (пределы случайных колебаний)',
  color: CI_COLOR,
  mark: 'interval',
};

export const ciCells = (v: IndicatorValue) =>
  v.suppressed || v.ci_low === undefined ? [undefined, undefined] : [v.ci_low.toFixed(2), v.ci_high!.toFixed(2)];

export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The range an indicator's values can take, for axes that do not exaggerate
 * noise: shares 0–100 %, marks 2–5, a test score 0–100, a primary score 0 to
 * the scale's maximum (latest year). Undefined for counts and unknown scales.
 */
export function naturalRange(m: Model, def: Indicator, where: Where): [number, number] | undefined {
  const unit = unitOf(def, where.subject);
  if (unit === '%') return [0, 100];
  if (unit === 'отметка') return [2, 5];
  if (unit !== 'балл') return undefined;
  if (def.procedure === 'ege') return [0, 100];
  const procedure = def.procedure === 'oge' ? 'oge' : def.procedure === 'vpr' ? 'vpr' : undefined;
  if (!procedure || !where.subject) return undefined;
  const max = m.data.scales
    .filter((s) => s.procedure === procedure && s.subject === where.subject && (s.grade === undefined || s.grade === where.grade))
    .sort((a, b) => b.year - a.year)[0]?.max_score;
  return max === undefined ? undefined : [0, max];
}

/** Point names alphabetically, as people look schools up: `№ 2` before `№ 10`. */
export const byName = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true });
