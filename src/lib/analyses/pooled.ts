/**
 * A small school's results over several years together. Each year alone is
 * withheld (fewer than `min_group` participants), but the years whose groups
 * were withheld, taken as one group, may pass the threshold: that group is
 * published, labelled as pooled. Only withheld years are pooled, so no
 * published value can be subtracted from it to reveal a withheld one.
 */
import type { Where } from '../indicators/query.ts';
import { finish, type HiddenGroup } from '../indicators/compute.ts';
import { indicator, type IndicatorId } from '../indicators/registry.ts';
import type { Measured } from '../indicators/types.ts';

/** The indicators of a school's summary that small schools get pooled values of. */
export const POOLED: ReadonlySet<IndicatorId> = new Set([
  'ege.mean',
  'oge.mean_mark',
  'vpr.mean_mark',
  'essay.pass_share',
  'interview.pass_share',
]);

export interface PooledValue {
  years: number[];
  n: number;
  value: number;
  ci_low?: number;
  ci_high?: number;
}

/** Sums of several groups as one: shares add their counts, means their Σx, Σx² and n. */
function add(a: Measured, b: Measured): Measured | undefined {
  if (a.kind === 'share' && b.kind === 'share') return { kind: 'share', num: a.num + b.num, den: a.den + b.den };
  if (a.kind === 'mean' && b.kind === 'mean') return { kind: 'mean', sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq, n: a.n + b.n };
  return undefined;
}

/**
 * The pooled value of a school's group over the withheld years among the
 * `years` given (at least two of them), when together they reach `minGroup`.
 */
export function pooledValue(
  hidden: readonly HiddenGroup[],
  id: IndicatorId,
  school: string,
  where: Where,
  years: readonly number[],
  minGroup: number,
): PooledValue | undefined {
  const groups = hidden.filter(
    (h) =>
      h.indicator === id &&
      h.school_id === school &&
      h.subject === (where.subject ?? '') &&
      h.grade === where.grade &&
      h.period === (where.period ?? '') &&
      years.includes(h.year),
  );
  if (groups.length < 2) return undefined;
  let total: Measured | undefined = groups[0].measured;
  for (const g of groups.slice(1)) total = total && add(total, g.measured);
  if (!total) return undefined;
  const f = finish(total, indicator(id), 'school', minGroup);
  if (f.suppressed || f.value === undefined) return undefined;
  return { years: groups.map((g) => g.year).sort((a, b) => a - b), n: f.n, value: f.value, ci_low: f.ci_low, ci_high: f.ci_high };
}
