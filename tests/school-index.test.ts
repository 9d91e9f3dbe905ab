/** The school index of spec §9 and the place it gives (§11), on examples worked by hand. */
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/lib/data/load.ts';
import { computeAll } from '../src/lib/indicators/compute.ts';
import { computePlaces, schoolIndices } from '../src/lib/analyses/place.ts';
import { ValueIndex } from '../src/lib/indicators/query.ts';
import { csv, makeData, SITE_YAML } from './helpers/fixture.ts';

const SCHOOLS = 'school_id,name\nA,Школа А\nB,Школа Б\nC,Школа В\nD,Школа Г\n';

function places(files: Record<string, string>, minGroup = 3) {
  const { data, log } = loadData(
    makeData({ 'schools.csv': SCHOOLS, 'site.yaml': `${SITE_YAML}privacy:\n  min_group: ${minGroup}\n`, ...files }),
  );
  expect(log.errors).toEqual([]);
  const ix = new ValueIndex(computeAll(data).values);
  return computePlaces(schoolIndices(data, ix));
}

/** ЕГЭ Russian scores per school (everyone above the minimum, so «ЕГЭ: выше минимума» is 100 everywhere and left out). */
const ege = (year: number, groups: Record<string, number[]>) => {
  const rows: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'test_score']];
  for (const [school, scores] of Object.entries(groups)) scores.forEach((x, i) => rows.push([`${year}-${school}-${i}`, school, 'rus', x]));
  return csv(rows);
};

describe('the school index: standardised components, 100 = the typical school, a jackknife standard error', () => {
  // Means 70, 60, 80: m = 70, sd = 10 → z = 0, −1, +1 → index 100, 85, 115.
  const p = places({ 'results/2025/ege.csv': ege(2025, { A: [60, 70, 80], B: [58, 60, 62], C: [78, 80, 82] }) });
  const of = (s: string) => p.find((x) => x.school_id === s)!;
  it('rescales the z-score of each school: 100 + 15 z', () => {
    expect(of('A').index).toBeCloseTo(100, 10);
    expect(of('B').index).toBeCloseTo(85, 10);
    expect(of('C').index).toBeCloseTo(115, 10);
    expect(of('A').components).toEqual({ ege_mean: 70, ege_pass: 100, oge_success: undefined, oge_quality: undefined });
  });
  it('leaves one pupil out at a time, m and sd held: A → 75, 70, 65 → indices 107,5, 100, 92,5; se = √(2/3 · 112,5) = 8,660', () => {
    expect(of('A').se).toBeCloseTo(Math.sqrt((2 / 3) * 112.5), 10);
    expect(of('A').n).toBe(3);
    // B: 61, 60, 59 → 86,5, 85, 83,5: se = √(2/3 · 4,5) = 1,732
    expect(of('B').se).toBeCloseTo(Math.sqrt(3), 10);
  });
  it('gives each place the range of schools significantly higher and lower', () => {
    // C vs A: z = 15 / √(8,660² + 1,732²) = 1,70 (p = 0,09); B vs C: z = 30 / 2,449 = 12,2.
    expect(p.map((x) => [x.school_id, x.place, x.low, x.high])).toEqual([
      ['C', 1, 1, 2],
      ['A', 2, 1, 3],
      ['B', 3, 2, 3],
    ]);
  });
});

describe('components on different scales, and schools with only some of them', () => {
  // ЕГЭ Russian in A, B, C; ОГЭ maths in A, B, C and D (D has no 11th grade).
  const oge = (groups: Record<string, number[]>) => {
    const rows: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'primary_score', 'mark']];
    for (const [school, marks] of Object.entries(groups))
      marks.forEach((m, i) => rows.push([`o-${school}-${i}`, school, 'math', m * 5, m]));
    return csv(rows);
  };
  const p = places({
    'results/2025/ege.csv': ege(2025, { A: [60, 70, 80], B: [58, 60, 62], C: [78, 80, 82] }),
    // «3» or better: A 3/3, B 2/3, C 3/3, D 1/3 → success 100, 66,67, 100, 33,33; «4» or better: A 2/3, B 0, C 3/3, D 0.
    'results/2025/oge.csv': oge({ A: [3, 4, 5], B: [2, 3, 3], C: [4, 4, 5], D: [2, 2, 3] }),
  });
  const of = (s: string) => p.find((x) => x.school_id === s)!;
  it('standardises each component over the schools that have it and averages the school’s own', () => {
    // success: 100, 66,67, 100, 33,33 → m = 75, sd = 31,914; quality: 66,67, 0, 100, 0 → m = 41,667, sd = 50
    const success = [100, 200 / 3, 100, 100 / 3];
    const m = success.reduce((a, b) => a + b) / 4;
    const sd = Math.sqrt(success.reduce((a, x) => a + (x - m) ** 2, 0) / 3);
    expect(sd).toBeCloseTo(31.914, 3);
    const quality = [200 / 3, 0, 100, 0];
    const mq = quality.reduce((a, b) => a + b) / 4;
    const sq = Math.sqrt(quality.reduce((a, x) => a + (x - mq) ** 2, 0) / 3);
    expect(sq).toBeCloseTo(50, 10);
    // D has ОГЭ only: it is compared on the ОГЭ components, on the same footing.
    expect(of('D').index).toBeCloseTo(100 + 15 * (((100 / 3 - m) / sd + (0 - mq) / sq) / 2), 10);
    // A has all three: ЕГЭ mean z = 0.
    expect(of('A').index).toBeCloseTo(100 + 15 * ((0 + (100 - m) / sd + (200 / 3 - mq) / sq) / 3), 10);
    expect(of('D').components.ege_mean).toBeUndefined();
  });
  it('counts in the jackknife every pupil of ЕГЭ and ОГЭ whose results make the index', () => {
    expect(of('A').n).toBe(6);
    expect(of('D').n).toBe(3);
  });
});

describe('the place over years', () => {
  it('gives equal indices the same place and says how the place moved, a rise only when the index changed significantly', () => {
    const p = places({
      'results/2024/ege.csv': ege(2024, { A: [50, 51, 49], B: [80, 81, 79], C: [90, 91, 89] }),
      'results/2025/ege.csv': ege(2025, { A: [70, 71, 69], B: [70, 71, 69], C: [60, 61, 59] }),
    }).filter((x) => x.year === 2025);
    expect(p.map((x) => [x.school_id, x.place, x.of])).toEqual([
      ['A', 1, 3],
      ['B', 1, 3],
      ['C', 3, 3],
    ]);
    const a = p.find((x) => x.school_id === 'A')!;
    expect(a.change).toBe(2); // 3rd in 2024 → 1st
    expect(a.changeSignificant).toBe(true);
    expect(p.find((x) => x.school_id === 'C')!.change).toBe(-2);
  });
});
