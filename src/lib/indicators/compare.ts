/**
 * Honest comparison (spec §11): two values of an indicator are called
 * different only when a test says so. Shares: the pooled two-proportion
 * z-test, or Fisher's exact test with mid-p when an expected count is below 5;
 * means and task success: Welch's t-test on participants' values;
 * counts are exact numbers and are compared as they are.
 */
import { ALPHA, compareShares, pool, welch, without, type Sample, type TestResult } from '../stats/tests.ts';
import type { IndicatorValue } from './compute.ts';
import type { ValueIndex } from './query.ts';

export interface Comparison {
  /** a − b in the values' units (percentage points for shares). */
  diff: number;
  /** The test, when the values are estimates. */
  test?: TestResult;
  significant: boolean;
  /** Counts and participant numbers: exact, no test needed. */
  exact: boolean;
}

/** What a value stands on for a test: a share's counts or a mean's sample. */
export type Basis = { kind: 'share'; num: number; den: number } | { kind: 'mean'; sample: Sample } | { kind: 'exact'; value: number };

export const published = (v: IndicatorValue | undefined): v is IndicatorValue & { value: number } =>
  !!v && !v.suppressed && v.value !== undefined;

export function basisOf(v: IndicatorValue | undefined): Basis | undefined {
  if (!published(v)) return undefined;
  if (v.numerator !== undefined && v.denominator !== undefined) return { kind: 'share', num: v.numerator, den: v.denominator };
  if (v.sd !== undefined) return { kind: 'mean', sample: { mean: v.value, sd: v.sd, n: v.n } };
  if (v.denominator === undefined) return { kind: 'exact', value: v.value };
  return undefined;
}

/** Tests a − b. Undefined when either side is withheld or they are of different kinds. */
export function compareBases(a: Basis, b: Basis): Comparison | undefined {
  if (a.kind === 'share' && b.kind === 'share')
    return verdict(compareShares(a.num, a.den, b.num, b.den), 100 * (a.num / a.den - b.num / b.den));
  if (a.kind === 'mean' && b.kind === 'mean') return verdict(welch(a.sample, b.sample), a.sample.mean - b.sample.mean);
  if (a.kind === 'exact' && b.kind === 'exact') return { diff: a.value - b.value, significant: false, exact: true };
  return undefined;
}

function verdict(test: TestResult | undefined, diff: number): Comparison {
  return { diff, test, significant: test !== undefined && test.p < ALPHA && test.diff !== 0, exact: false };
}

export function compare(a: IndicatorValue | undefined, b: IndicatorValue | undefined): Comparison | undefined {
  const x = basisOf(a);
  const y = basisOf(b);
  return x && y ? compareBases(x, y) : undefined;
}

/** The municipality without one school: the comparison group of §11. */
export function restOf(muni: IndicatorValue, school: IndicatorValue): Basis | undefined {
  const m = basisOf(muni);
  const s = basisOf(school);
  if (!m || !s) return undefined;
  if (m.kind === 'share' && s.kind === 'share')
    return m.den - s.den > 0 ? { kind: 'share', num: m.num - s.num, den: m.den - s.den } : undefined;
  if (m.kind === 'mean' && s.kind === 'mean') {
    const rest = without(m.sample, s.sample);
    return rest && rest.n >= 2 ? { kind: 'mean', sample: rest } : undefined;
  }
  return undefined;
}

/** A school against the rest of the municipality. */
export function compareWithRest(school: IndicatorValue | undefined, muni: IndicatorValue | undefined): Comparison | undefined {
  const s = basisOf(school);
  const rest = school && muni && restOf(muni, school);
  return s && rest ? compareBases(s, rest) : undefined;
}

/** This year against the previous year present, for the same group. */
export function changeFromPrevious(ix: ValueIndex, v: IndicatorValue): Comparison | undefined {
  return compare(v, ix.previous(v));
}

/** A published fixed number (the region's value) against a value: different when outside its interval. */
export function compareWithFixed(v: IndicatorValue | undefined, x: number): Comparison | undefined {
  if (!published(v)) return undefined;
  if (v.ci_low === undefined || v.ci_high === undefined)
    return { diff: v.value - x, significant: false, exact: basisOf(v)?.kind === 'exact' };
  return { diff: v.value - x, significant: x < v.ci_low || x > v.ci_high, exact: false };
}

/** Several published means as one sample (pooled years). */
export function pooledSample(values: IndicatorValue[]): Sample | undefined {
  const samples = values.map(basisOf).flatMap((b) => (b?.kind === 'mean' ? [b.sample] : []));
  if (samples.length === 0) return undefined;
  return samples.reduce((a, b) => pool(a, b));
}
