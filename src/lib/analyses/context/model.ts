/**
 * Results against the school's conditions (indicators spec §12): each
 * school's index of ГИА results against what schools in the same conditions
 * get — the line of the other schools at its context index — with a test of
 * the difference, and the groups ШНСУ, ШНОР and «effective in difficult
 * conditions». The conditions explain; they never change a raw value.
 */
import type { SchoolIndex } from '../place.ts';
import {
  benjaminiHochberg,
  leastSquares,
  mean,
  normalP,
  seFit,
  slopeTest,
  t975,
  Z95,
  ALPHA,
  type Line,
  type TestResult,
} from '../../stats/tests.ts';
import type { ContextYear } from './conditions.ts';
import { count } from '../../words/format.ts';

/** Fewer other schools than this leave the line of the others too uncertain for an expectation. */
export const MIN_OTHERS = 6;

export interface ContextSchool {
  school_id: string;
  context: number;
  /** The school's ГИА index and its standard error, when it has one. */
  gia?: number;
  se?: number;
  /** The line of the other schools at this school's context index, and its standard error. */
  expected?: number;
  seFit?: number;
  residual?: number;
  z?: number;
  p?: number;
  verdict?: 'above' | 'expected' | 'below';
  /** ШНСУ: context index in the lowest quarter of the year's schools. */
  unfavourable: boolean;
  /** ШНОР: ГИА index significantly below the rest this year and the year before. */
  lowResults: boolean;
  /** This year's test of «below the rest» (unadjusted two-sided p). */
  lowP?: number;
  /** ШНСУ and above its expectation, with the false discovery rate kept over the year's schools. */
  effective: boolean;
}

export interface ContextModelYear {
  year: number;
  variables: ContextYear['variables'];
  /** Each school's shares of the conditions (published only when site.yaml allows it). */
  shares: ContextYear['shares'];
  schools: ContextSchool[];
  /** The line over all schools with both indices, for the chart and the method: R² and the slope's test. */
  line?: Line;
  slope?: TestResult;
  /** Why there are no expected values, in Russian. */
  noModel?: string;
}

/** ШНОР's test of each ranked school of a year: its index against the unweighted mean of the others. */
function belowRest(indices: SchoolIndex[], fdr: number): Map<string, { p: number; low: boolean }> {
  const k = indices.length;
  const tests = indices.map((i) => {
    const rest = indices.filter((j) => j !== i);
    const yRest = mean(rest.map((j) => j.index));
    const seRest = Math.sqrt(rest.reduce((a, j) => a + j.se ** 2, 0)) / (k - 1);
    const d = Math.sqrt(i.se ** 2 + seRest ** 2);
    const z = d > 0 ? (i.index - yRest) / d : 0;
    return { school: i.school_id, z, p: d > 0 ? normalP(z) : 1 };
  });
  const found = benjaminiHochberg(
    tests.map((t) => t.p),
    fdr,
  );
  return new Map(tests.map((t, n) => [t.school, { p: t.p, low: found[n] && t.z < 0 }]));
}

/** The ⌈share · k⌉ least favourable context indices of a year, ties included. */
export function unfavourable(index: Map<string, number>, share: number): Set<string> {
  const sorted = [...index.values()].sort((a, b) => a - b);
  const cut = sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
  return new Set([...index].filter(([, x]) => x <= cut + 1e-9).map(([s]) => s));
}

/**
 * The expected index of each school from the line of the other schools
 * (leave-one-out), its standard error, and the test of the residual.
 */
function expectations(pairs: { school: string; x: number; y: number; se: number }[]) {
  return pairs.map((p) => {
    const others = pairs.filter((q) => q !== p);
    const line = leastSquares(
      others.map((q) => q.x),
      others.map((q) => q.y),
    );
    const expected = line.a + line.b * p.x;
    const fit = seFit(line, p.x);
    const residual = p.y - expected;
    const z = residual / Math.sqrt(p.se ** 2 + fit ** 2);
    return { school: p.school, expected, seFit: fit, residual, z, p: normalP(z) };
  });
}

export function contextModel(
  contexts: ContextYear[],
  indices: SchoolIndex[],
  cfg: { unfavourable_share: number; fdr: number },
): ContextModelYear[] {
  const low = new Map<number, Map<string, { p: number; low: boolean }>>();
  const lowOf = (year: number) => {
    if (!low.has(year)) {
      const ranked = indices.filter((i) => i.year === year);
      low.set(year, ranked.length >= 2 ? belowRest(ranked, cfg.fdr) : new Map());
    }
    return low.get(year)!;
  };
  return contexts.map((c) => {
    const gia = new Map(indices.filter((i) => i.year === c.year).map((i) => [i.school_id, i]));
    const poor = unfavourable(c.index, cfg.unfavourable_share);
    const pairs = [...c.index].filter(([s]) => gia.has(s)).map(([s, x]) => ({ school: s, x, y: gia.get(s)!.index, se: gia.get(s)!.se }));
    const enough = pairs.length - 1 >= MIN_OTHERS;
    const expected = enough
      ? new Map(expectations(pairs).map((e) => [e.school, e]))
      : new Map<string, ReturnType<typeof expectations>[number]>();
    // «Effective» is a claim about a list of schools: the false discovery rate is kept over the year's residual tests.
    const tests = [...expected.values()];
    const found = benjaminiHochberg(
      tests.map((t) => t.p),
      cfg.fdr,
    );
    const above = new Set(tests.filter((t, i) => found[i] && t.z > 0).map((t) => t.school));
    const line =
      pairs.length >= 3
        ? leastSquares(
            pairs.map((p) => p.x),
            pairs.map((p) => p.y),
          )
        : undefined;
    const schools: ContextSchool[] = [...c.index].map(([school_id, context]) => {
      const g = gia.get(school_id);
      const e = expected.get(school_id);
      const thisYear = lowOf(c.year).get(school_id);
      return {
        school_id,
        context,
        gia: g?.index,
        se: g?.se,
        expected: e?.expected,
        seFit: e?.seFit,
        residual: e?.residual,
        z: e?.z,
        p: e?.p,
        verdict: e ? (e.p < ALPHA ? (e.z > 0 ? 'above' : 'below') : 'expected') : undefined,
        unfavourable: poor.has(school_id),
        lowResults: thisYear?.low === true && lowOf(c.year - 1).get(school_id)?.low === true,
        lowP: thisYear?.p,
        effective: poor.has(school_id) && above.has(school_id),
      };
    });
    return {
      year: c.year,
      variables: c.variables,
      shares: c.shares,
      schools,
      line,
      slope: line && line.n > 2 ? slopeTest(line) : undefined,
      noModel: enough
        ? undefined
        : `в ${c.year} году индекс условий и индекс результатов ГИА есть ${pairs.length === 0 ? 'ни у одной школы' : `только у ${count(pairs.length, ['школы', 'школ', 'школ'])}`}, а для ожидаемого результата каждой школы нужны ещё не меньше ${MIN_OTHERS} других`,
    };
  });
}

/** The line's 95 % band at x (the leave-all-in line of the chart). */
export const band = (l: Line, x: number) => t975(l.n - 2) * seFit(l, x);

/** The 95 % intervals of open data (spec §12). */
export const intervals = {
  gia: (s: { se?: number }) => Z95 * (s.se ?? 0),
  expected: (s: ContextSchool) => Z95 * (s.seFit ?? 0),
  residual: (s: ContextSchool) => Z95 * Math.sqrt((s.se ?? 0) ** 2 + (s.seFit ?? 0) ** 2),
};

/** A school against its expectation in words (§11, §12): «выше» or «ниже» only beyond chance. */
export const VERDICT: Record<'above' | 'expected' | 'below', string> = {
  above: 'выше ожидаемого с учётом условий',
  expected: 'на уровне ожидаемого с учётом условий',
  below: 'ниже ожидаемого с учётом условий',
};
