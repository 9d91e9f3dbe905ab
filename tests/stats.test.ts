/** Intervals and tests against published tables and values worked by hand. */
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf';
import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  compareShares,
  fisherMidP,
  hypergeometric,
  pool,
  sampleOf,
  tInterval,
  twoProportions,
  welch,
  wilson,
  without,
  zTest,
} from '../src/lib/stats/tests.ts';

describe('t-interval of a mean', () => {
  it('uses t(0.975, n − 1) from the tables: 2.262 for 9 degrees of freedom', () => {
    // 10 ± 2.262157 · 2 / √10 = 10 ± 1.430698
    const ci = tInterval({ mean: 10, sd: 2, n: 10 })!;
    expect(ci.low).toBeCloseTo(8.5693, 4);
    expect(ci.high).toBeCloseTo(11.4307, 4);
  });
  it('is wider for a small group: 12.706 for n = 2', () => {
    const ci = tInterval({ mean: 4, sd: Math.SQRT2, n: 2 })!; // values 3 and 5
    expect(ci.high - 4).toBeCloseTo(12.7062, 3);
  });
  it('has none below n = 2', () => {
    expect(tInterval({ mean: 4, sd: NaN, n: 1 })).toBeUndefined();
  });
  it('takes the sample standard deviation (n − 1) from sums', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s² = 32 / 7
    const s = sampleOf(8, 40, 232);
    expect(s.mean).toBe(5);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
  it('pools samples and takes a part out of a whole exactly', () => {
    const a = sampleOf(3, 6, 14); // 1, 2, 3
    const b = sampleOf(2, 9, 41); // 4, 5
    const all = pool(a, b); // 1..5: mean 3, s² = 2.5
    expect(all.mean).toBeCloseTo(3, 12);
    expect(all.sd ** 2).toBeCloseTo(2.5, 12);
    const rest = without(all, a)!;
    expect(rest.mean).toBeCloseTo(4.5, 12);
    expect(rest.sd ** 2).toBeCloseTo(0.5, 12);
  });
});

describe('Wilson interval of a share', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3.
  it.each([
    [81, 263, 25.53, 36.62],
    [15, 148, 6.24, 16.05],
    [0, 10, 0, 27.75],
    [1, 29, 0.61, 17.18],
  ])('%i of %i: %f–%f %%', (x, n, lo, hi) => {
    const ci = wilson(x, n)!;
    expect(ci.low).toBeCloseTo(lo, 2);
    expect(ci.high).toBeCloseTo(hi, 2);
  });
  it('has none for an empty denominator', () => {
    expect(wilson(0, 0)).toBeUndefined();
  });
});

describe('Welch t-test', () => {
  it('matches the hand computation: t = 3 / √(1.6 + 0.75) = 1.957, df = 16.46', () => {
    const t = welch({ mean: 20, sd: 4, n: 10 }, { mean: 17, sd: 3, n: 12 })!;
    expect(t.statistic).toBeCloseTo(1.95698, 4);
    expect(t.df).toBeCloseTo(16.457, 2);
    expect(t.p).toBeCloseTo(0.06753, 4); // not significant at 5 %
    expect(t.diff).toBe(3);
  });
  it('has no test for a sample of one', () => {
    expect(welch({ mean: 20, sd: NaN, n: 1 }, { mean: 17, sd: 3, n: 12 })).toBeUndefined();
  });
});

describe('two-proportion z-test (pooled)', () => {
  it('10 of 20 against 3 of 60: z = 0.45 / 0.0953 = 4.72', () => {
    const t = twoProportions(10, 20, 3, 60)!;
    expect(t.statistic).toBeCloseTo(4.7243, 3);
    expect(t.p).toBeCloseTo(2.309e-6, 8);
    expect(t.diff).toBeCloseTo(45, 10);
  });
  it('30 % against 20 % of 100 each is within chance: z = 1.633, p = 0.102', () => {
    const t = twoProportions(30, 100, 20, 100)!;
    expect(t.statistic).toBeCloseTo(1.63299, 4);
    expect(t.p).toBeCloseTo(0.10247, 4);
  });
  it('z-test of two estimates with standard errors', () => {
    const t = zTest(60, 1.5, 55, 2)!; // 5 / 2.5 = 2
    expect(t.statistic).toBeCloseTo(2, 12);
    expect(t.p).toBeCloseTo(0.0455, 4);
  });
});

describe("Fisher's exact test with Lancaster's mid-p", () => {
  it('1 «2» of 6 against 0 of 38, by hand: P(1) = 6/44, the only table as unlikely; mid-p = 6/44 − 3/44 = 3/44', () => {
    const t = fisherMidP(1, 6, 0, 38)!;
    expect(t.p).toBeCloseTo(3 / 44, 12);
    expect(t.method).toBe('fisher_midp');
    expect(t.statistic).toBeNaN();
    expect(t.diff).toBeCloseTo(100 / 6, 10);
  });
  it.each([
    // x1, n1, x2, n2: mid-p and plain two-sided p (the plain p is scipy.stats.fisher_exact's)
    [2, 6, 1, 38, 0.023029, 0.044548],
    [3, 10, 1, 20, 0.05145, 0.095238],
    [0, 5, 10, 50, 0.396098, 0.571701],
    [5, 8, 2, 30, 0.001032, 0.001997],
  ])('%i of %i against %i of %i: mid-p %f (plain Fisher %f)', (x1, n1, x2, n2, midp, plain) => {
    const t = fisherMidP(x1, n1, x2, n2)!;
    expect(t.p).toBeCloseTo(midp, 6);
    expect(t.p).toBeLessThan(plain);
  });
  it('is chosen when an expected count of the 2 × 2 table is below 5, the z-test otherwise', () => {
    // 2 of 6 against 1 of 38: expected «2» in the school 6 · 3 / 44 = 0.41
    expect(compareShares(2, 6, 1, 38)!.method).toBe('fisher_midp');
    // 30 of 100 against 20 of 100: every expected count is 25 or more
    expect(compareShares(30, 100, 20, 100)!.method).toBe('z_two_proportions');
    // The boundary: 5 of 10 against 5 of 10 — expected 5 in every cell — is still the z-test; 4 of 9 against 5 of 9, expected 4.5, is not.
    expect(compareShares(5, 10, 5, 10)!.method).toBe('z_two_proportions');
    expect(compareShares(4, 9, 5, 9)!.method).toBe('fisher_midp');
  });
});

describe('the hypergeometric distribution over its support', () => {
  it('gives each probability as the library does, also far in the tails, and they add up to 1', () => {
    // A school of 25 against a region's 24 000 pupils; a class against a class; all marked; none; the tests' 6 against 38.
    for (const [total, marked, n] of [
      [24_025, 3_100, 25],
      [50, 20, 25],
      [44, 3, 6],
      [30, 30, 12],
      [30, 0, 12],
      [1_000, 500, 400],
    ]) {
      const h = hypergeometric(total, marked, n);
      expect(h.lo).toBe(Math.max(0, n - (total - marked)));
      expect(h.p.length).toBe(Math.min(n, marked) - h.lo + 1);
      h.p.forEach((q, i) => {
        const want = hypergeometricPmf(h.lo + i, total, marked, n);
        expect(Math.abs(q - want)).toBeLessThanOrEqual(Math.max(1e-300, want * 1e-9));
      });
      expect(h.p.reduce((a, q) => a + q, 0)).toBeCloseTo(1, 9);
    }
  });
});

describe('Benjamini–Hochberg', () => {
  it('keeps the p-values under the line k/m · q (worked by hand, q = 0.05)', () => {
    // sorted: 0.001 ≤ 0.01, 0.012 ≤ 0.02, 0.014 ≤ 0.03, 0.045 > 0.04, 0.5 > 0.05 → the first three
    expect(benjaminiHochberg([0.014, 0.5, 0.001, 0.045, 0.012], 0.05)).toEqual([true, false, true, false, true]);
  });
  it('steps up: a p-value over its own line is kept when a larger one is under its line', () => {
    // 0.02 > 1/3 · 0.05 = 0.0167, but 0.025 ≤ 2/3 · 0.05 = 0.0333: both are discoveries
    expect(benjaminiHochberg([0.02, 0.025, 0.9], 0.05)).toEqual([true, true, false]);
  });
  it('finds nothing when nothing is under the line', () => {
    expect(benjaminiHochberg([0.02, 0.04, 0.9], 0.05)).toEqual([false, false, false]);
    expect(benjaminiHochberg([], 0.1)).toEqual([]);
  });
});
