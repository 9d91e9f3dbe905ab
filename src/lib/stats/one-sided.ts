/**
 * One-sided tests of spec §16 (signs of biased results): a sign has a
 * direction — more pupils just over a threshold, hard tasks better than easy
 * ones, results below what the earlier test promised — so each test asks
 * only whether the school differs in that direction.
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { hypergeometric, type Sample } from './tests.ts';

/**
 * Fisher's exact test of `[[k, m − k], [k₀, m₀ − k₀]]`, one-sided (the first
 * row's share greater), with Lancaster's mid-p: P(X > k) + ½ P(X = k), X
 * hypergeometric — m + m₀ in all, k + k₀ of them marked, m drawn.
 */
export function fisherMidPGreater(k: number, m: number, k0: number, m0: number): number {
  const h = hypergeometric(m + m0, k + k0, m);
  let p = 0.5 * h.p[k - h.lo];
  for (let i = k + 1 - h.lo; i < h.p.length; i++) p += h.p[i];
  return Math.min(1, Math.max(0, p));
}

/** Welch's t-test, one-sided: is `a`'s mean greater than `b`'s? None when either has fewer than 2 values or neither spread. */
export function welchGreater(a: Sample, b: Sample): { t: number; df: number; p: number } | undefined {
  if (a.n < 2 || b.n < 2) return undefined;
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (!(se > 0)) return undefined;
  const t = (a.mean - b.mean) / se;
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  return { t, df, p: 1 - tCdf(t, df) };
}

/** The one-sample t-test, one-sided: is the mean below `mu`? n − 1 degrees of freedom; none for fewer than 2 values or no spread. */
export function tBelow(s: Sample, mu = 0): { t: number; p: number } | undefined {
  if (s.n < 2 || !(s.sd > 0)) return undefined;
  const t = (s.mean - mu) / (s.sd / Math.sqrt(s.n));
  return { t, p: tCdf(t, s.n - 1) };
}
