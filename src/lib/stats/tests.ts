/**
 * Intervals and tests of spec §11. Distribution functions come from stdlib
 * (a maintained numerical library), not from hand-written special functions.
 */
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { deviation, mean as d3mean } from 'd3';

/** The 97.5 % quantile of the standard normal distribution, as the spec fixes it. */
export const Z95 = 1.959964;
/** Two-sided significance level of every test. */
export const ALPHA = 0.05;

export interface Interval {
  low: number;
  high: number;
}

/** What a mean stands on: enough to build its interval and to test it. */
export interface Sample {
  mean: number;
  /** Sample standard deviation (denominator n − 1). */
  sd: number;
  n: number;
}

export interface TestResult {
  /** t or z. */
  statistic: number;
  /** Two-sided p-value. */
  p: number;
  /** Degrees of freedom of a t-test (Welch–Satterthwaite). */
  df?: number;
  /** a − b, in the values' units (percentage points for shares). */
  diff: number;
  /** Which test gave p: Fisher's exact test with mid-p has no statistic (NaN). */
  method?: 'welch_t' | 'z_two_proportions' | 'fisher_midp';
}

/** The t-interval of a mean: mean ± t(0.975, n − 1) · s / √n; none when n < 2. */
export function tInterval(s: Sample): Interval | undefined {
  if (!(s.n >= 2) || !Number.isFinite(s.sd)) return undefined;
  const h = tQuantile(0.975, s.n - 1) * (s.sd / Math.sqrt(s.n));
  return { low: s.mean - h, high: s.mean + h };
}

/** The Wilson score interval of a share at 95 %, in percent; none when the denominator is 0 or the share is not a proportion. */
export function wilson(num: number, den: number): Interval | undefined {
  if (!(den > 0) || num < 0 || num > den) return undefined;
  const p = num / den;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * den)) / (1 + z2 / den);
  const half = (Z95 / (1 + z2 / den)) * Math.sqrt((p * (1 - p)) / den + z2 / (4 * den * den));
  return { low: 100 * Math.max(0, centre - half), high: 100 * Math.min(1, centre + half) };
}

/** Sample statistics from sums: n, Σx, Σx². */
export function sampleOf(n: number, sum: number, sumSq: number): Sample {
  const mean = n > 0 ? sum / n : NaN;
  // Rounding can make a zero variance slightly negative.
  const v = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : NaN;
  return { mean, sd: Math.sqrt(v), n };
}

/** The sums a sample stands for, to pool samples or take one out of another. */
export function sumsOf(s: Sample): { n: number; sum: number; sumSq: number } {
  const sum = s.mean * s.n;
  return { n: s.n, sum, sumSq: (s.n > 1 ? s.sd * s.sd * (s.n - 1) : 0) + s.mean * sum };
}

/** Two samples as one (e.g. the two years before). */
export function pool(a: Sample, b: Sample): Sample {
  const x = sumsOf(a);
  const y = sumsOf(b);
  return sampleOf(x.n + y.n, x.sum + y.sum, x.sumSq + y.sumSq);
}

/** The whole without a part: the rest of the municipality without one school. */
export function without(whole: Sample, part: Sample): Sample | undefined {
  const x = sumsOf(whole);
  const y = sumsOf(part);
  const n = x.n - y.n;
  return n > 0 ? sampleOf(n, x.sum - y.sum, x.sumSq - y.sumSq) : undefined;
}

/** Welch's two-sample t-test; none when either sample has fewer than 2 values or both have no spread. */
export function welch(a: Sample, b: Sample): TestResult | undefined {
  if (a.n < 2 || b.n < 2) return undefined;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  const diff = a.mean - b.mean;
  if (!(se > 0)) return diff === 0 ? { statistic: 0, p: 1, diff, df: a.n + b.n - 2, method: 'welch_t' } : undefined;
  const statistic = diff / se;
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { statistic, df, p: Math.min(1, 2 * tCdf(-Math.abs(statistic), df)), diff, method: 'welch_t' };
}

/** The pooled two-proportion z-test; diff in percentage points. */
export function twoProportions(x1: number, n1: number, x2: number, n2: number): TestResult | undefined {
  if (!(n1 > 0 && n2 > 0)) return undefined;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  const diff = 100 * (p1 - p2);
  if (!(se > 0)) return { statistic: 0, p: 1, diff, method: 'z_two_proportions' };
  const statistic = (p1 - p2) / se;
  return { statistic, p: Math.min(1, 2 * normalCdf(-Math.abs(statistic), 0, 1)), diff, method: 'z_two_proportions' };
}

/**
 * The hypergeometric distribution — `n` drawn from `total`, `marked` of them marked — over its support `lo`…: one
 * probability from the library at the mode, the others from it by the ratio of neighbours. A region's thousands of
 * exact tests spent some 3 s in log-gamma, a library call per table of each test.
 */
export function hypergeometric(total: number, marked: number, n: number): { lo: number; p: Float64Array } {
  const lo = Math.max(0, n - (total - marked));
  const hi = Math.min(n, marked);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n + 1) * (marked + 1)) / (total + 2))));
  // In logarithms, so that a far tail goes to 0 smoothly; the mode's probability is never that small.
  const log = new Float64Array(hi - lo + 1);
  log[mode - lo] = Math.log(hypergeometricPmf(mode, total, marked, n));
  for (let x = mode; x < hi; x++)
    log[x + 1 - lo] = log[x - lo] + Math.log(((marked - x) * (n - x)) / ((x + 1) * (total - marked - n + x + 1)));
  for (let x = mode; x > lo; x--)
    log[x - 1 - lo] = log[x - lo] + Math.log((x * (total - marked - n + x)) / ((marked - x + 1) * (n - x + 1)));
  return { lo, p: log.map(Math.exp) };
}

/**
 * Fisher's exact test of a 2 × 2 table (x1 of n1 against x2 of n2) with
 * Lancaster's mid-p: the probabilities of all tables with the same margins
 * that are no more likely than the observed one (relative tolerance 1e-7),
 * less half the observed table's own probability. Plain Fisher is too
 * conservative for discrete data; mid-p keeps its size close to 5 %.
 */
export function fisherMidP(x1: number, n1: number, x2: number, n2: number): TestResult | undefined {
  if (!(n1 > 0 && n2 > 0)) return undefined;
  const h = hypergeometric(n1 + n2, x1 + x2, n1);
  const observed = h.p[x1 - h.lo];
  let p = 0;
  for (const q of h.p) if (q <= observed * (1 + 1e-7)) p += q;
  return { statistic: NaN, p: Math.min(1, Math.max(0, p - observed / 2)), diff: 100 * (x1 / n1 - x2 / n2), method: 'fisher_midp' };
}

/**
 * Two shares compared as spec §11 says: the pooled z-test, or Fisher's exact
 * test with mid-p when any expected count of the 2 × 2 table is below 5 (a
 * school of 6 pupils with 2 «2»), where the z-test's normal approximation fails.
 */
export function compareShares(x1: number, n1: number, x2: number, n2: number): TestResult | undefined {
  if (!(n1 > 0 && n2 > 0)) return undefined;
  const total = n1 + n2;
  const yes = x1 + x2;
  const expected = [n1 * yes, n1 * (total - yes), n2 * yes, n2 * (total - yes)].map((e) => e / total);
  return expected.some((e) => e < 5) ? fisherMidP(x1, n1, x2, n2) : twoProportions(x1, n1, x2, n2);
}

/** A difference of two estimates with known standard errors (the place index): z-test. */
export function zTest(a: number, seA: number, b: number, seB: number): TestResult | undefined {
  const se = Math.sqrt(seA * seA + seB * seB);
  if (!(se > 0)) return undefined;
  const statistic = (a - b) / se;
  return { statistic, p: Math.min(1, 2 * normalCdf(-Math.abs(statistic), 0, 1)), diff: a - b };
}

/**
 * Benjamini–Hochberg: which of the p-values are discoveries with the false
 * discovery rate kept at q. Returns a flag per p-value, in the given order.
 */
export function benjaminiHochberg(ps: number[], q: number): boolean[] {
  const m = ps.length;
  const order = ps.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let k = -1;
  order.forEach(([p], rank) => {
    if (p <= ((rank + 1) / m) * q) k = rank;
  });
  const out = new Array<boolean>(m).fill(false);
  for (let r = 0; r <= k; r++) out[order[r][1]] = true;
  return out;
}

/** The mean (d3); NaN for no values. */
export const mean = (xs: readonly number[]) => d3mean(xs) ?? NaN;
/** Sample standard deviation, denominator n − 1 (d3); NaN for fewer than 2 values. */
export const sampleSd = (xs: readonly number[]) => deviation(xs) ?? NaN;

/** Two-sided p-value of a standard normal statistic. */
export const normalP = (z: number) => Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));

/** The least-squares line y = a + b·x, with what its standard errors need. */
export interface Line {
  a: number;
  b: number;
  /** Number of points. */
  n: number;
  xbar: number;
  /** Σ(x − x̄)². */
  sxx: number;
  /** Residual standard deviation, s² = Σ residual² / (n − 2). */
  s: number;
  /** Share of the spread of y the line explains. */
  r2: number;
}

export function leastSquares(xs: readonly number[], ys: readonly number[]): Line {
  const n = xs.length;
  const xbar = mean(xs);
  const ybar = mean(ys);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - xbar) ** 2;
    sxy += (xs[i] - xbar) * (ys[i] - ybar);
    syy += (ys[i] - ybar) ** 2;
  }
  const b = sxx > 0 ? sxy / sxx : 0;
  const a = ybar - b * xbar;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += (ys[i] - a - b * xs[i]) ** 2;
  return { a, b, n, xbar, sxx, s: n > 2 ? Math.sqrt(sse / (n - 2)) : NaN, r2: syy > 0 ? 1 - sse / syy : 0 };
}

/** The standard error of the line's value at x: s·√(1/n + (x − x̄)²/Sxx). */
export const seFit = (l: Line, x: number) => l.s * Math.sqrt(1 / l.n + (x - l.xbar) ** 2 / l.sxx);

/** The slope's t-test (df n − 2). */
export function slopeTest(l: Line): TestResult {
  const se = l.s / Math.sqrt(l.sxx);
  const statistic = l.b / se;
  const df = l.n - 2;
  return { statistic, df, p: Math.min(1, 2 * tCdf(-Math.abs(statistic), df)), diff: l.b };
}

/** The t quantile of a two-sided 95 % interval (a regression line's band). */
export const t975 = (df: number) => tQuantile(0.975, df);
