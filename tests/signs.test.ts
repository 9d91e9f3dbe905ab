/**
 * Signs of biased results (spec §16) on small hand-computed cases: the
 * threshold window and its one-sided Fisher mid-p with Bonferroni, the task
 * gap and its one-sided Welch test, the intersection–union test of a ВПР
 * result the next exam does not confirm; honest strong and weak schools not
 * flagged, and each test's direction reversed failing them.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/lib/model/build.ts';
import { fisherMidPGreater, tBelow, welchGreater } from '../src/lib/stats/one-sided.ts';
import { leastSquares, welch, type Sample } from '../src/lib/stats/tests.ts';
import { thresholds, thresholdTest, type Histogram } from '../src/lib/analyses/signs/threshold.ts';
import { gapOf, Gaps, taskPlan, tasksTest } from '../src/lib/analyses/signs/tasks.ts';
import type { Scale, TaskInfo } from '../src/lib/data/tables.ts';
import { csv, makeData, SCHOOLS } from './helpers/fixture.ts';

const sample = (xs: number[]): Sample => {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return { mean, n: xs.length, sd: Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) };
};

describe('one-sided tests', () => {
  it('Fisher mid-p: P(X > k) + ½ P(X = k), and the other direction', () => {
    // 8 pupils, 4 in the middle, 4 drawn: P(X = x) = C(4, x)² / 70. k = 3: P(4) + ½ P(3) = 1/70 + 8/70.
    expect(fisherMidPGreater(3, 4, 1, 4)).toBeCloseTo(9 / 70, 12);
    // k = 1: P(2) + P(3) + P(4) + ½ P(1) = (36 + 16 + 1)/70 + 8/70 — a school below the rest is no sign.
    expect(fisherMidPGreater(1, 4, 3, 4)).toBeCloseTo(61 / 70, 12);
  });

  it('Welch one-sided is half the two-sided p in the direction of the difference', () => {
    const a = { mean: 5, sd: 2, n: 10 };
    const b = { mean: 4, sd: 1, n: 20 };
    const two = welch(a, b)!.p;
    expect(welchGreater(a, b)!.p).toBeCloseTo(two / 2, 12);
    expect(welchGreater(b, a)!.p).toBeCloseTo(1 - two / 2, 12);
  });

  it('the one-sample t-test below zero: t = −2 with 15 degrees of freedom gives 0,03197', () => {
    expect(tBelow({ mean: -0.5, sd: 1, n: 16 })!.p).toBeCloseTo(0.031972, 5);
    expect(tBelow({ mean: 0.5, sd: 1, n: 16 })!.p).toBeCloseTo(1 - 0.031972, 5);
  });
});

describe('threshold', () => {
  const scale = { year: 2025, procedure: 'vpr', subject: 'rus', max_score: 20, min_score: 4, mark4_from: 10, mark5_from: 18 } as Scale;

  it('tests the marks whose window c − 2 … c + 3 fits the scale', () => {
    expect(thresholds(scale)).toEqual([
      { mark: 3, c: 4 },
      { mark: 4, c: 10 },
    ]);
    expect(thresholds({ ...scale, min_score: 1 })).toEqual([{ mark: 4, c: 10 }]);
  });

  // The school: around «3» (c = 4, window 2…7) 8 pupils, 2 in the middle; around «4» (c = 10, window 8…13) 10, 7 in the
  // middle. The rest: 10 pupils at every score 2…13, so 60 in each window, 20 in its middle.
  const school: Histogram = [];
  for (const [s, n] of [
    [2, 3],
    [3, 3],
    [4, 1],
    [5, 1],
    [8, 2],
    [9, 1],
    [10, 4],
    [11, 3],
  ])
    school[s] = n;
  const all: Histogram = [];
  for (let s = 2; s <= 13; s++) all[s] = 10 + (school[s] ?? 0);

  it('takes the smallest p over the thresholds, times their number (Bonferroni)', () => {
    const t = thresholdTest(thresholds(scale), school, all)!;
    // «4»: X hypergeometric (70 pupils, 27 in the middle, 10 drawn): P(X > 7) + ½ P(X = 7) = 0,005583 + ½ · 0,027626 = 0,019396.
    expect(t.window).toMatchObject({ mark: 4, c: 10, m: 10, k: 7, m0: 60, k0: 20 });
    expect(t.window.p).toBeCloseTo(0.0193955, 6);
    // «3»: (68 pupils, 22 in the middle, 8 drawn), k = 2: 0,659045. Two thresholds: p = 2 · 0,019396.
    expect(t.p).toBeCloseTo(2 * 0.0193955, 6);
    expect(t.tested).toBe(2);
    // No window holds 30 of the school's pupils: tested, but not checked.
    expect(t.checked).toBe(false);
  });

  it('needs 8 of the school and 30 of the rest in a window; 30 of the school to count as checked', () => {
    const seven = [...school];
    seven[8] = 1;
    seven[2] = 2;
    // Around «3» only 7 of the school now: «4» alone is tested.
    const t = thresholdTest(thresholds(scale), seven, all)!;
    expect(t.tested).toBe(1);
    expect(t.window.mark).toBe(4);
    const thin: Histogram = [];
    for (let s = 2; s <= 13; s++) thin[s] = (school[s] ?? 0) + 4;
    expect(thresholdTest(thresholds(scale), school, thin)).toBeUndefined();
    const big = school.map((n) => (n ?? 0) * 4);
    expect(
      thresholdTest(
        thresholds(scale),
        big,
        all.map((n, s) => n - (school[s] ?? 0) + big[s]),
      )!.checked,
    ).toBe(true);
  });
});

describe('tasks', () => {
  const task = (t: string, max: number, level: TaskInfo['level']) => ({ task: t, max_score: max, level }) as TaskInfo;
  const plan = taskPlan([task('1', 1, 'базовый'), task('2', 2, 'базовый'), task('3', 3, 'высокий')])!;

  it('needs two basic tasks and one harder; b, a and d in percent of their maximum', () => {
    expect(taskPlan([task('1', 1, 'базовый'), task('3', 3, 'высокий')])).toBeUndefined();
    // Basic: 1 + 1 of 3 points = 66,67 %; hard: 3 of 3 = 100 %; d = 33,33.
    const g = gapOf({ '1': 1, '2': 1, '3': 3 }, plan)!;
    expect(g.b).toBeCloseTo(200 / 3, 10);
    expect(g.a).toBe(100);
    expect(g.d).toBeCloseTo(100 / 3, 10);
    expect(gapOf({ '1': 1, '3': 3 }, plan)).toBeUndefined();
  });

  // Ten pupils of the school, thirty of the rest, each given as (basic points of 3, hard points of 3).
  const gaps = (rows: [number, number][]) => {
    const g = new Gaps();
    for (const [b, a] of rows) g.add({ b: (100 * b) / 3, a: (100 * a) / 3, d: (100 * (a - b)) / 3 });
    return g;
  };
  const rest: [number, number][] = Array.from({ length: 30 }, (_, i) => [2 + (i % 2), i % 3 === 0 ? 1 : 0]);
  const test = (mine: [number, number][]) => {
    const all = gaps([...mine, ...rest]);
    return tasksTest(gaps(mine), all, 0.2)!;
  };

  it('marks easy tasks below the rest and hard ones above, with the one-sided Welch test', () => {
    const odd: [number, number][] = Array.from({ length: 10 }, (_, i) => [1 + (i % 2), 2 + (i % 2)]);
    const t = test(odd);
    expect(t.matters).toBe(true);
    const d = (rows: [number, number][]) => sample(rows.map(([b, a]) => (100 * (a - b)) / 3));
    expect(t.p).toBeCloseTo(welchGreater(d(odd), d(rest))!.p, 10);
    expect(t.school.n).toBe(10);
    expect(t.rest.n).toBe(30);
  });

  it('does not mark a strong school (easy and hard both better) or a weak one (both worse)', () => {
    const strong: [number, number][] = Array.from({ length: 10 }, (_, i) => [3, 2 + (i % 2)]);
    const weak: [number, number][] = Array.from({ length: 10 }, (_, i) => [1 + (i % 2), 0]);
    expect(test(strong).matters).toBe(false);
    expect(test(weak).matters).toBe(false);
    // A weak school has less to lose on easy tasks: its gap is «better» than the rest's and the Welch test alone would
    // flag it — only the two directions keep it out.
    expect(test(weak).p).toBeLessThan(0.01);
  });

  it('needs 10 pupils of the school and 30 of the rest', () => {
    const nine: [number, number][] = Array.from({ length: 9 }, () => [1, 3]);
    expect(tasksTest(gaps(nine), gaps([...nine, ...rest]), 0.2)).toBeUndefined();
    expect(tasksTest(gaps(nine.concat([[1, 3]])), gaps([...nine, [1, 3], ...rest.slice(1)]), 0.2)).toBeUndefined();
  });
});

describe('confirmation', () => {
  // ВПР 2024, Russian, grade 8 (max 51; «3» from 25, «4» 35, «5» 44) → ОГЭ 2025, Russian (max 33; 15, 22, 29).
  const mark = (s: number, [m3, m4, m5]: number[]) => (s >= m5 ? 5 : s >= m4 ? 4 : s >= m3 ? 3 : 2);
  const build = (aOge: (vpr: number, i: number) => number) => {
    const vpr: (string | number)[][] = [['participant_id', 'student_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark']];
    const oge: (string | number)[][] = [['participant_id', 'student_id', 'school_id', 'subject', 'primary_score', 'mark']];
    const pupils: { school: string; vpr: number; oge: number }[] = [];
    for (let i = 0; i < 40; i++) pupils.push({ school: 'B', vpr: 20 + (i % 21), oge: Math.round(0.6 * (20 + (i % 21))) + ((i % 3) - 1) });
    for (let i = 0; i < 12; i++) pupils.push({ school: 'A', vpr: 38 + i, oge: aOge(38 + i, i) });
    pupils.forEach((p, i) => {
      vpr.push([`V${i}`, `S-${1000 + i}`, p.school, 'rus', 8, p.vpr, mark(p.vpr, [25, 35, 44])]);
      oge.push([`O${i}`, `S-${1000 + i}`, p.school, 'rus', p.oge, mark(p.oge, [15, 22, 29])]);
    });
    const { model, log } = buildModel(
      makeData({ 'schools.csv': SCHOOLS, 'results/2024/vpr.csv': csv(vpr), 'results/2025/oge.csv': csv(oge) }),
    );
    expect(log.errors).toEqual([]);
    return { model, pupils };
  };

  it('flags a ВПР above the rest whose pupils then fall below the line: p = max(p₁, p₂)', () => {
    const { model, pupils } = build((v, i) => Math.round(0.6 * v) - 5 + (i % 2));
    const flag = model.risks.find((r) => r.rule === 'confirmation')!;
    expect(flag).toMatchObject({
      year: 2024,
      school_id: 'A',
      procedure: 'vpr',
      grade: 8,
      indicator: 'vpr.confirmation',
      test: 'intersection_union',
    });
    // p₁: Welch on the ВПР scores (standardising by the municipality's mean and sd changes no t); p₂: the one-sample t
    // of A's residuals from the line over all 52 pupils (dividing by their sd changes no t either).
    const a = pupils.filter((p) => p.school === 'A');
    const b = pupils.filter((p) => p.school === 'B');
    const p1 = welchGreater(sample(a.map((p) => p.vpr)), sample(b.map((p) => p.vpr)))!.p;
    const line = leastSquares(
      pupils.map((p) => p.vpr),
      pupils.map((p) => p.oge),
    );
    const e = pupils.map((p) => p.oge - (line.a + line.b * p.vpr));
    const eA = e.slice(40);
    const p2 = tBelow(sample(eA))!.p;
    expect(flag.p).toBeCloseTo(Math.max(p1, p2), 12);
    expect(flag.value).toBeCloseTo(sample(eA).mean / sample(e).sd, 10);
    expect(flag.reference).toMatch(/^ВПР: на \d+,\d+\sстандартного отклонения выше остальных школ$/);
  });

  it('does not flag a strong school whose ОГЭ confirms its ВПР', () => {
    const { model } = build((v, i) => Math.round(0.6 * v) + (i % 3) - 1);
    expect(model.risks.filter((r) => r.rule === 'confirmation')).toEqual([]);
    // It was tested, and counts as checked.
    expect(model.signs.rules.find((r) => r.rule === 'confirmation')).toMatchObject({ year: 2024, tested: 2, checked: 2 });
  });
});

describe('what could not be checked', () => {
  it('says so for a scale without thresholds, a work without task levels and pupils without codes — never an error', () => {
    const vpr: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark']];
    const oge: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'primary_score', 'mark']];
    for (let i = 0; i < 60; i++) {
      vpr.push([`V${i}`, i < 20 ? 'A' : 'B', 'rus', 8, 20 + (i % 25), 3]);
      oge.push([`O${i}`, i < 20 ? 'A' : 'B', 'rus', 10 + (i % 20), 3]);
    }
    const scales =
      'year,procedure,subject,grade,max_score,min_score,mark4_from,mark5_from\n2024,vpr,rus,8,51,,,\n2025,oge,rus,,33,15,22,29\n';
    const { model, log } = buildModel(
      makeData({
        'schools.csv': SCHOOLS,
        'reference/scales.csv': scales,
        'results/2024/vpr.csv': csv(vpr),
        'results/2025/oge.csv': csv(oge),
      }),
    );
    expect(log.errors).toEqual([]);
    const a = model.signs.schools.find((s) => s.school_id === 'A' && s.year === 2024)!;
    expect(a).toMatchObject({ checked: 0, unchecked: { scale: 1, tasks: 1, link: 1 } });
    expect(model.risks.filter((r) => ['threshold', 'tasks', 'confirmation'].includes(r.rule))).toEqual([]);
  });
});

describe('the demo', () => {
  const { model } = buildModel('data');
  const signs = model.risks.filter((r) => ['threshold', 'tasks', 'confirmation'].includes(r.rule));

  it('shows each planted sign in its school, and no other', () => {
    expect(signs.map((r) => [r.year, r.school_id, r.rule, r.indicator])).toEqual([
      [2024, '112', 'confirmation', 'vpr.confirmation'],
      [2025, '103', 'threshold', 'vpr.threshold_4'],
      [2025, '104', 'tasks', 'vpr.tasks_gap'],
    ]);
  });

  it('flags no honest strong or weak school', () => {
    for (const id of ['101', '102', '105', '108']) expect(signs.filter((r) => r.school_id === id)).toEqual([]);
    // They were checked: the strong gymnasium's groups and the weak school's.
    for (const id of ['101', '105'])
      expect(model.signs.schools.find((s) => s.school_id === id && s.year === 2025)!.checked).toBeGreaterThan(0);
  });
});
