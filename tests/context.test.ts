/** Results against the schools' conditions (spec §12), on examples worked by hand, and the social passport as input (data format §5.5). */
import { describe, expect, it } from 'vitest';
import { contextIndices, type ContextYear } from '../src/lib/analyses/context/conditions.ts';
import { contextModel, MIN_OTHERS, unfavourable } from '../src/lib/analyses/context/model.ts';
import { plainP } from '../src/lib/opendata/context.ts';
import { loadData } from '../src/lib/data/load.ts';
import type { SchoolIndex } from '../src/lib/analyses/place.ts';
import { csv, makeData } from './helpers/fixture.ts';

const IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const SCHOOLS = `school_id,name\n${IDS.map((s) => `${s},Школа ${s}`).join('\n')}\n`;

function contexts(files: Record<string, string | Uint8Array>) {
  const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, ...files }));
  return { years: contextIndices(data), log };
}

describe('the context index: 6 schools worked by hand', () => {
  // Shares of 100 pupils (C has 200, with every count doubled: the same shares).
  //   higher_ed_parents 60 50 40 30 20 10 %: mean 35, sd = √(1750/5) = 18,708 → z = ±1,336, ±0,802, ±0,267 (sign +)
  //   low_income        10 10 20 20 30 30 %: mean 20, sd = √(400/5) = 8,944  → z = ∓1,118, ∓1,118, 0, 0 (sign −: +1,118 …)
  //   non_native        5 at every school: equal everywhere, left out
  //   ovz               empty at F: not filled for every school, left out (with a warning naming F)
  // mean of signed z: A 1,22717, B 0,95991, C 0,13363, D −0,13363, E −0,95991, F −1,22717; mean 0, sd 0,988985
  // index = 100 + 15 · x / 0,988985: A 118,613, B 114,559, C 102,027, D 97,973, E 85,441, F 81,387
  const rows = [
    ['school_id', 'students', 'higher_ed_parents', 'low_income', 'non_native', 'ovz'],
    ['A', 100, 60, 10, 5, 3],
    ['B', 100, 50, 10, 5, 3],
    ['C', 200, 80, 40, 10, 6],
    ['D', 100, 30, 20, 5, 3],
    ['E', 100, 20, 30, 5, 3],
    ['F', 100, 10, 30, 5, ''],
  ];
  const { years, log } = contexts({ 'results/2025/context.csv': csv(rows) });
  it('standardises each share, signs it, averages, and rescales to mean 100 and SD 15', () => {
    expect(years).toHaveLength(1);
    const index = years[0].index;
    const expected = { A: 118.6126, B: 114.559, C: 102.0268, D: 97.9732, E: 85.441, F: 81.3874 };
    for (const [s, x] of Object.entries(expected)) expect(index.get(s), s).toBeCloseTo(x, 3);
  });
  it('leaves out a condition equal everywhere and one not filled for every school, and says which schools lack it', () => {
    expect(years[0].variables).toEqual(['higher_ed_parents', 'low_income']);
    const w = log.warnings.filter((i) => i.file === 'results/2025/context.csv');
    expect(w).toHaveLength(1);
    expect(w[0].column).toBe('ovz');
    expect(w[0].message).toContain('Не заполнен у: Школа F');
  });
  it('turns round with the signs: more parents with higher education is more favourable, more low-income families less', () => {
    const flipped = contexts({
      'results/2025/context.csv': csv(rows.map((r, i) => (i === 0 ? r : [r[0], r[1], r[3], r[2]]))),
    }).years[0].index;
    // Swapping the two columns swaps the signs of both z-scores: every school's index mirrors about 100.
    for (const s of ['A', 'B', 'C', 'D', 'E', 'F']) expect(flipped.get(s)! - 100).toBeCloseTo(100 - years[0].index.get(s)!, 9);
  });
  it('needs 3 schools in a year', () => {
    expect(contexts({ 'results/2025/context.csv': csv(rows.slice(0, 3)) }).years).toEqual([]);
  });
});

const year = (index: Record<string, number>, y = 2025): ContextYear => ({
  year: y,
  variables: ['low_income'],
  index: new Map(Object.entries(index)),
  shares: new Map(),
});
const gia = (y: number, values: Record<string, number>, se: number | Record<string, number> = 2): SchoolIndex[] =>
  Object.entries(values).map(([school_id, index]) => ({
    year: y,
    school_id,
    index,
    se: typeof se === 'number' ? se : se[school_id],
    components: {},
    n: 30,
  }));
const CFG = { unfavourable_share: 0.25, fdr: 0.1 };

describe('the expected result: the line of the other schools, worked by hand', () => {
  // Context x and ГИА index y of 7 schools (se 3 each). G is compared with the line of A–F:
  //   x̄ = 290/3, ȳ = 97, Sxx = 1750/3, Sxy = 440 → b = 132/175 = 0,754286, a = 843/35 = 24,0857
  //   expected(G) = a + 120 b = 114,6; SSE = 1544/35, s² = SSE/4 = 11,0286
  //   se_fit = s · √(1/6 + (120 − 290/3)² / Sxx) = √(11,0286 · 1,1) = 3,48302
  //   residual = 118 − 114,6 = 3,4; z = 3,4 / √(3² + 3,48302²) = 0,73963; p = 0,4595 → «на уровне ожидаемого»
  const x = { A: 80, B: 90, C: 95, D: 100, E: 105, F: 110, G: 120 };
  const y = { A: 85, B: 95, C: 90, D: 100, E: 104, F: 108, G: 118 };
  const [m] = contextModel([year(x)], gia(2025, y, 3), CFG);
  const g = m.schools.find((s) => s.school_id === 'G')!;
  it('fits the other schools and evaluates the line at the school', () => {
    expect(g.expected).toBeCloseTo(114.6, 9);
    expect(g.seFit).toBeCloseTo(3.48302, 5);
  });
  it('tests the residual against √(se² + se_fit²)', () => {
    expect(g.residual).toBeCloseTo(3.4, 9);
    expect(g.z).toBeCloseTo(0.73963, 5);
    expect(g.p).toBeCloseTo(0.45952, 5);
    expect(g.verdict).toBe('expected');
    expect(plainP(g.p)).toBe('0.460');
  });
  it('states how much the conditions explain over all schools, and tests the slope', () => {
    // All 7: b = 0,819048, R² = 0,934192; t = 8,4249 on 5 df, p = 0,000386.
    expect(m.line!.b).toBeCloseTo(0.819048, 6);
    expect(m.line!.r2).toBeCloseTo(0.934192, 6);
    expect(m.slope!.statistic).toBeCloseTo(8.4249, 4);
    expect(m.slope!.p).toBeCloseTo(0.000386, 6);
  });
  it('says «выше» only when the test does: a school 12 points above a tight line', () => {
    const [m2] = contextModel([year(x)], gia(2025, { ...y, D: 112 }, 1), CFG);
    // The line of the others at D (x = 100) is about 99,3 with se_fit under 1: z ≈ 9.
    expect(m2.schools.find((s) => s.school_id === 'D')!.verdict).toBe('above');
  });
  it(`needs ${MIN_OTHERS} other schools: with 6 in all, no expected values and a reason`, () => {
    const six = Object.fromEntries(Object.entries(x).slice(0, 6));
    const [m3] = contextModel([year(six)], gia(2025, y, 3), CFG);
    expect(m3.schools.every((s) => s.expected === undefined && s.verdict === undefined)).toBe(true);
    expect(m3.noModel).toContain('только у 6\u00a0школ');
    expect(m3.line).toBeDefined(); // the chart still shows the line of all
  });
});

describe('ШНСУ: the lowest quarter of context indices, ties included', () => {
  it('takes ⌈0,25 · k⌉ schools', () => {
    const idx = (xs: number[]) => new Map(xs.map((v, i) => [IDS[i], v]));
    expect([...unfavourable(idx([90, 80, 100, 110, 120, 85, 95, 105]), 0.25)].sort()).toEqual(['B', 'F']); // k = 8 → 2
    expect([...unfavourable(idx([90, 80, 100, 110, 120, 85]), 0.25)].sort()).toEqual(['B', 'F']); // k = 6 → ⌈1,5⌉ = 2
    expect([...unfavourable(idx([90, 80, 100]), 0.25)]).toEqual(['B']); // k = 3 → 1
  });
  it('takes in a school tied with the last one', () => {
    const idx = new Map([...'ABCDEFGH'].map((s, i) => [s, [90, 80, 100, 110, 120, 85, 85, 105][i]]));
    expect([...unfavourable(idx, 0.25)].sort()).toEqual(['B', 'F', 'G']);
  });
});

describe('ШНОР: significantly below the rest this year and the year before, with Benjamini–Hochberg', () => {
  // 8 schools, se 2 each: se_rest = √(7 · 4) / 7 = 0,75593, √(se² + se_rest²) = 2,13809.
  // 2024: A–F 100, G 94, H 90.
  //   H: ȳ_rest = 694/7 = 99,1429, z = (90 − 99,1429)/2,13809 = −4,2762, p = 0,000019 — kept by BH (rank 1: ≤ 0,1/8).
  //   G: ȳ_rest = 690/7 = 98,5714, z = (94 − 98,5714)/2,13809 = −2,1381, p = 0,0325:
  //      below 0,05 alone, but BH (rank 2) needs p ≤ 2/8 · 0,1 = 0,025 — not flagged.
  //   A–F: z = +1,069, p = 0,285 — above, never low.
  // 2025: A–F 100, G 90, H 90: both z = −4,0089 — both flagged this year.
  // So in 2025 only H is ШНОР: G was low one year only (2024 not confirmed). 2024 has no ШНОР: no year before.
  const ctx = Object.fromEntries(IDS.map((s, i) => [s, 90 + 3 * i]));
  const rest = { A: 100, B: 100, C: 100, D: 100, E: 100, F: 100 };
  const models = contextModel(
    [year(ctx, 2024), year(ctx, 2025)],
    [...gia(2024, { ...rest, G: 94, H: 90 }), ...gia(2025, { ...rest, G: 90, H: 90 })],
    CFG,
  );
  const of = (y: number, s: string) => models.find((m) => m.year === y)!.schools.find((x) => x.school_id === s)!;
  it('tests each school against the unweighted mean of the others', () => {
    expect(of(2024, 'G').lowP).toBeCloseTo(0.032509, 6);
    expect(of(2024, 'H').lowP).toBeCloseTo(0.000019, 6);
    expect(of(2025, 'G').lowP).toBeCloseTo(0.000061, 6);
  });
  it('flags only a school low in both years, after the correction', () => {
    expect(IDS.filter((s) => of(2025, s).lowResults)).toEqual(['H']);
    expect(IDS.filter((s) => of(2024, s).lowResults)).toEqual([]);
  });
  it('never flags a school above the rest (H: z = +9,35; the others: z = −1,34, p = 0,18)', () => {
    const up = contextModel(
      [year(ctx, 2024), year(ctx, 2025)],
      [...gia(2024, { ...rest, G: 100, H: 120 }), ...gia(2025, { ...rest, G: 100, H: 120 })],
      CFG,
    );
    expect(up.flatMap((m) => m.schools.filter((s) => s.lowResults))).toEqual([]);
  });
});

describe('«effective in difficult conditions»: ШНСУ and above expectation after Benjamini–Hochberg', () => {
  // A is in the lowest quarter (context 80) and 25 points above a line the others fit within a point.
  const x = { A: 80, B: 85, C: 90, D: 95, E: 100, F: 105, G: 110, H: 115 };
  const line = (v: number) => 40 + 0.6 * v;
  const close = Object.fromEntries(Object.entries(x).map(([s, v], i) => [s, line(v) + (i % 2 ? 0.5 : -0.5)]));
  it('labels a ШНСУ school far above its expectation', () => {
    const [m] = contextModel([year(x)], gia(2025, { ...close, A: line(80) + 25 }, 1), CFG);
    const a = m.schools.find((s) => s.school_id === 'A')!;
    expect([a.unfavourable, a.verdict, a.effective]).toEqual([true, 'above', true]);
  });
  it('does not label a school above expectation in favourable conditions', () => {
    const [m] = contextModel([year(x)], gia(2025, { ...close, H: line(115) + 25 }, 1), CFG);
    const h = m.schools.find((s) => s.school_id === 'H')!;
    expect([h.unfavourable, h.verdict, h.effective]).toEqual([false, 'above', false]);
  });
  it('does not label a ШНСУ school whose excess is within chance', () => {
    const [m] = contextModel([year(x)], gia(2025, { ...close, A: line(80) + 3 }, 4), CFG);
    const a = m.schools.find((s) => s.school_id === 'A')!;
    expect([a.unfavourable, a.verdict, a.effective]).toEqual([true, 'expected', false]);
  });
});

describe('the social passport as an ИМЦ prepares it', () => {
  const head = ['Код ОО', 'Обучающихся', 'Хотя бы один родитель с высшим образованием', 'Из малоимущих семей', 'С ОВЗ'];
  const load = (rows: (string | number)[][]) =>
    loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/context.csv': csv([head, ...rows]) })).log;
  it('reads Russian headers', () => {
    const log = load([
      ['A', 500, 300, 20, 10],
      ['B', 400, 100, 80, 12],
      ['C', 300, 150, 30, 9],
    ]);
    expect(log.errors).toEqual([]);
  });
  it('names the file, line and column of a count above the pupils, a negative or non-numeric count, and an unknown school', () => {
    const log = load([
      ['A', 500, 510, 20, 10],
      ['B', 400, -3, 80, 12],
      ['C', 300, 150, 'много', 9],
      ['Z', 300, 150, 30, 9],
    ]);
    const at = (line: number) => log.errors.find((e) => e.line === line)!;
    expect(at(2)).toMatchObject({
      file: 'results/2025/context.csv',
      column: 'Хотя бы один родитель с высшим образованием',
      found: '510',
      expected: 'не больше 500',
    });
    expect(at(2).message).toContain('больше, чем обучающихся');
    expect(at(3)).toMatchObject({ column: 'Хотя бы один родитель с высшим образованием', found: '-3' });
    expect(at(4)).toMatchObject({ column: 'Из малоимущих семей', found: 'много' });
    expect(at(5)).toMatchObject({ column: 'Код ОО', found: 'Z' });
    expect(at(5).message).toContain('нет в реестре');
  });
  it('names the schools where a column is empty, and keeps the rest of the year', () => {
    const log = load([
      ['A', 500, 300, 20, 10],
      ['B', 400, 100, '', 12],
      ['C', 300, 150, '', 9],
    ]);
    expect(log.errors).toEqual([]);
    expect(log.warnings.map((w) => [w.column, w.message])).toEqual([
      ['Из малоимущих семей', expect.stringMatching(/Не заполнен у: Школа B, Школа C\.$/)],
    ]);
  });
});
