import { describe, expect, it } from 'vitest';
import { columnNames } from '../src/lib/data/results/file.ts';
import { egeFile } from '../src/lib/data/results/ege.ts';
import { loadData } from '../src/lib/data/load.ts';
import { computeAll } from '../src/lib/indicators/compute.ts';
import { ValueIndex, type Where } from '../src/lib/indicators/query.ts';
import { findRisks } from '../src/lib/analyses/risks.ts';
import { INDICATORS } from '../src/lib/indicators/registry.ts';
import { csv, makeData, SITE_YAML } from './helpers/fixture.ts';
import { compareShares, twoProportions } from '../src/lib/stats/tests.ts';
import type { IndicatorId } from '../src/lib/indicators/registry.ts';

const twoProportionsOf = (a: number, n: number, b: number, m: number) => twoProportions(a, n, b, m)!;

const SCHOOLS3 = 'school_id,name\nA,Школа А\nB,Школа Б\nC,Школа В\nD,Школа Г\nE,Школа Д\n';
const withMin = (n: number) => `${SITE_YAML}privacy:\n  min_group: ${n}\n`;

function compute(files: Record<string, string>, minGroup = 1) {
  const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS3, 'site.yaml': withMin(minGroup), ...files }));
  expect(log.errors).toEqual([]);
  const ix = new ValueIndex(computeAll(data).values);
  const get = (id: IndicatorId, w: Where = {}, year = 2025) => ix.get(id, year, w);
  const val = (id: IndicatorId, w: Where = {}, year = 2025) => {
    const v = get(id, w, year);
    expect(v, `${id} ${JSON.stringify(w)}`).toBeDefined();
    return v!.suppressed ? null : Math.round(v!.value! * 100) / 100;
  };
  return { data, ix, get, val };
}

/** The columns as the ЕГЭ file's spec orders them (src/lib/data/results/ege.ts), pupil codes aside. */
const EGE_HEAD = columnNames(egeFile, ['student_id']);
const ege = csv([
  EGE_HEAD,
  // School A: five graduates of this year in Russian
  ['1', 'A', 'rus', 'ЕГЭ', 'ВТГ', 100, '', '', 5, 1, ''],
  ['2', 'A', 'rus', 'ЕГЭ', 'ВТГ', 20, '', '', 3, '', 1],
  ['3', 'A', 'rus', 'ЕГЭ', 'ВТГ', 81, '', '', 5, '', ''],
  ['4', 'A', 'rus', 'ЕГЭ', 'ВТГ', 96, '', '', 4, 1, ''],
  ['5', 'A', 'rus', 'ЕГЭ', 'ВТГ', 50, '', '', 4, '', ''],
  // …and rows that must stay out of ЕГЭ indicators: a graduate of past years, a ГВЭ participant
  ['6', 'A', 'rus', 'ЕГЭ', 'ВПЛ', 10, '', '', '', '', ''],
  ['7', 'A', 'rus', 'ГВЭ', 'ВТГ', '', '', 2, '', '', 1],
  // School B: four graduates
  ['8', 'B', 'rus', 'ЕГЭ', 'ВТГ', 30, '', '', '', '', ''],
  ['9', 'B', 'rus', 'ЕГЭ', 'ВТГ', 40, '', '', '', '', ''],
  ['10', 'B', 'rus', 'ЕГЭ', 'ВТГ', 50, '', '', '', '', ''],
  ['11', 'B', 'rus', 'ЕГЭ', 'ВТГ', 60, '', '', '', '', ''],
  // School C: only a graduate of past years
  ['12', 'C', 'rus', 'ЕГЭ', 'ВПЛ', 70, '', '', '', '', ''],
  // More subjects for participants 1, 2, 4
  ['1', 'A', 'math_prof', 'ЕГЭ', 'ВТГ', 80, '', '', 5, 1, ''],
  ['1', 'A', 'phys', 'ЕГЭ', 'ВТГ', 70, '', '', '', 1, ''],
  ['2', 'A', 'math_prof', 'ЕГЭ', 'ВТГ', 40, '', '', '', '', 1],
  ['2', 'A', 'soc', 'ЕГЭ', 'ВТГ', 50, '', '', '', '', 1],
  ['4', 'A', 'math_base', 'ЕГЭ', 'ВТГ', '', 15, 4, 5, 1, ''],
  ['3', 'A', 'math_base', 'ЕГЭ', 'ВТГ', '', 19, 5, 5, '', ''],
  ['5', 'A', 'math_base', 'ЕГЭ', 'ВТГ', '', 5, 2, 3, '', ''],
]);

describe('ЕГЭ, per subject', () => {
  const { val, get } = compute({ 'results/2025/ege.csv': ege });
  it('counts only graduates of this year; ВПЛ and ГВЭ rows stay out', () => {
    expect(val('ege.participants', { subject: 'rus' })).toBe(9);
    expect(val('ege.participants', { subject: 'rus', school: 'A' })).toBe(5);
  });
  it('computes the mean, the share below the minimum (24), above 80, and top scorers', () => {
    expect(val('ege.mean', { subject: 'rus', school: 'A' })).toBe(69.4); // 347 / 5
    expect(val('ege.mean', { subject: 'rus' })).toBe(58.56); // 527 / 9
    expect(val('ege.below_min_share', { subject: 'rus', school: 'A' })).toBe(20);
    expect(val('ege.below_min_share', { subject: 'rus' })).toBe(11.11);
    expect(val('ege.high_share', { subject: 'rus' })).toBe(33.33);
    expect(val('ege.top_count', { subject: 'rus' })).toBe(2);
    expect(val('ege.hundred_count', { subject: 'rus' })).toBe(1);
    const share = get('ege.below_min_share', { subject: 'rus' })!;
    expect([share.numerator, share.denominator]).toEqual([1, 9]);
    expect(get('ege.top_count', { subject: 'rus' })!.denominator).toBeUndefined();
  });
  it('uses marks for base maths and has no «above 80» for it', () => {
    expect(val('ege.mean', { subject: 'math_base' })).toBe(3.67); // (4+5+2)/3
    expect(val('ege.below_min_share', { subject: 'math_base' })).toBe(33.33);
    expect(get('ege.high_share', { subject: 'math_base' })).toBeUndefined();
    expect(get('ege.top_count', { subject: 'math_base' })).toBeUndefined();
  });
  it('writes an existing group with no one in it as suppressed, and 0 participants as 0', () => {
    expect(val('ege.participants', { subject: 'rus', school: 'C' })).toBe(0);
    const v = get('ege.mean', { subject: 'rus', school: 'C' })!;
    expect(v).toMatchObject({ suppressed: true, reason: 'empty', n: 0 });
    expect(v.value).toBeUndefined();
  });
  it('gives ГВЭ its own indicators', () => {
    expect(val('gve11.participants', { subject: 'rus' })).toBe(1);
    expect(val('gve11.fail_share', { subject: 'rus' })).toBe(100);
    expect(get('gve11.participants', { subject: 'rus', school: 'B' })).toBeUndefined();
  });
  it('sums the three best scores on the 100-point scale (160+)', () => {
    // participant 1: 100 + 80 + 70 = 250; participant 2: 50 + 40 + 20 = 110; others have fewer than 3 such subjects
    const v = get('ege.sum3_160_share')!;
    expect([v.numerator, v.denominator, v.value]).toEqual([1, 2, 50]);
  });
  it('finds medal candidates who did not confirm their results', () => {
    // candidates 1 (rus 100, prof 80: confirmed) and 4 (rus 96, base «4»: not confirmed)
    const v = get('ege.medal_unconfirmed_share')!;
    expect([v.numerator, v.denominator]).toEqual([1, 2]);
  });
  it('compares exam marks with school marks through ege-marks.csv', () => {
    // rus 2025: 3 from 24, 4 from 50, 5 from 72. A: 100→5 vs 5, 20→2 vs 3, 81→5 vs 5, 96→5 vs 4, 50→4 vs 4
    expect(val('ege.lowered_share', { subject: 'rus', school: 'A' })).toBe(20);
    expect(val('ege.raised_share', { subject: 'rus', school: 'A' })).toBe(20);
    expect(val('ege.confirmed_share', { subject: 'rus', school: 'A' })).toBe(60);
    expect(val('ege.mismatch_share', { subject: 'rus', school: 'A' })).toBe(40);
    expect(get('ege.confirmed_share', { subject: 'rus', school: 'A' })!.denominator).toBe(5);
  });
  it('counts participants with disabilities over ЕГЭ and ГВЭ', () => {
    expect(val('gia11.ovz_participants')).toBe(2); // participant 2 and ГВЭ participant 7
  });
});

describe('privacy', () => {
  const { get } = compute({ 'results/2025/ege.csv': ege }, 5);
  it('publishes a group of 5 and withholds a group of 4, keeping its participant count', () => {
    expect(get('ege.mean', { subject: 'rus', school: 'A' })).toMatchObject({ suppressed: false, n: 5 });
    const b = get('ege.mean', { subject: 'rus', school: 'B' })!;
    expect(b).toMatchObject({ suppressed: true, reason: 'small', n: 4 });
    expect([b.value, b.numerator, b.denominator]).toEqual([undefined, undefined, undefined]);
    expect(get('ege.top_count', { subject: 'rus', school: 'B' })).toMatchObject({ suppressed: true });
    expect(get('ege.participants', { subject: 'rus', school: 'B' })).toMatchObject({ suppressed: false, value: 4 });
  });
  it('withholds 1–4 participants with disabilities at school level only', () => {
    expect(get('gia11.ovz_participants', { school: 'A' })).toMatchObject({ suppressed: true, reason: 'ovz' });
    expect(get('gia11.ovz_participants', { school: 'B' })).toMatchObject({ suppressed: false, value: 0 });
    expect(get('gia11.ovz_participants')).toMatchObject({ suppressed: false, value: 2 });
  });
  it('applies the same rule to the municipality', () => {
    expect(get('ege.mean', { subject: 'phys' })).toMatchObject({ suppressed: true, n: 1 });
  });
});

describe('ОГЭ, ВПР and task-level results', () => {
  const oge = csv([
    ['participant_id', 'school_id', 'subject', 'form', 'primary_score', 'mark', 'school_mark'],
    ['1', 'A', 'rus', 'ОГЭ', 25, 4, 4],
    ['1', 'A', 'math', 'ОГЭ', 10, 3, 4],
    ['1', 'A', 'soc', 'ОГЭ', 15, 3, ''],
    ['1', 'A', 'inf', 'ОГЭ', 12, 4, ''],
    ['2', 'A', 'rus', 'ОГЭ', 30, 5, 5],
    ['2', 'A', 'math', 'ОГЭ', 5, 2, 3],
    ['2', 'A', 'soc', 'ОГЭ', 33, 5, ''],
    ['3', 'A', 'rus', 'ОГЭ', 16, 3, 3],
    ['3', 'A', 'math', 'ОГЭ', 9, 3, 3],
    ['3', 'A', 'soc', 'ОГЭ', 15, 3, ''],
    ['4', 'A', 'rus', 'ОГЭ', 29, 5, ''],
    ['4', 'A', 'math', 'ОГЭ', 24, 5, ''],
    ['5', 'A', 'math', 'ГВЭ', '', 2, ''],
  ]);
  const vpr = csv([
    ['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark', 'journal_mark', 'task_1', 'task_2'],
    ['1', 'A', 'rus', 4, 35, 5, 4, '', ''],
    ['1', 'A', 'math', 4, 3, 4, 4, 1, 2],
    ['1', 'A', 'okr', 4, 20, 3, '', '', ''],
    ['2', 'A', 'rus', 4, 30, 5, 5, '', ''],
    ['2', 'A', 'math', 4, 18, 5, 5, 0, 1],
    ['2', 'A', 'okr', 4, 5, 2, '', '', ''],
    ['3', 'A', 'rus', 4, 20, 3, 3, '', ''],
    ['3', 'A', 'math', 4, 9, 3, 3, 1, ''],
    ['3', 'A', 'okr', 4, 20, 4, '', '', ''],
    ['4', 'A', 'rus', 4, 10, 2, 3, '', ''],
    ['4', 'A', 'math', 4, 12, 4, '', '', ''],
  ]);
  const tasks = csv([
    ['year', 'procedure', 'subject', 'grade', 'task', 'max_score', 'level', 'skill'],
    [2025, 'vpr', 'math', 4, '1', 1, 'базовый', 'Счёт'],
    [2025, 'vpr', 'math', 4, '2', 2, 'повышенный', 'Задачи'],
  ]);
  // scales.csv: oge rus 2025 max 33; vpr rus 4 max 38
  const { val, get } = compute({ 'results/2025/oge.csv': oge, 'results/2025/vpr.csv': vpr, 'reference/tasks.csv': tasks });
  it('computes ОГЭ marks, quality, success and the share of high results', () => {
    expect(val('oge.participants', { subject: 'math' })).toBe(4); // the ГВЭ row is not ОГЭ
    expect(val('oge.mean_mark', { subject: 'math' })).toBe(3.25);
    expect(val('oge.fail_share', { subject: 'math' })).toBe(25);
    expect(val('oge.quality_share', { subject: 'rus' })).toBe(75);
    expect(val('oge.success_share', { subject: 'math' })).toBe(75);
    expect(val('oge.high_share', { subject: 'rus' })).toBe(75); // above 0.75 × 33 = 24.75: 25, 30, 29 of 4
  });
  it('sums rus + math + the best other subject (10+, no «2»)', () => {
    // 1: 4+3+4 = 11 yes; 2: has «2»; 3: 3+3+3 = 9; 4: no third subject (excluded)
    const v = get('oge.sum3_10_share')!;
    expect([v.numerator, v.denominator]).toEqual([1, 3]);
  });
  it('computes степень обученности', () => {
    expect(val('vpr.sou', { subject: 'rus', grade: 4 })).toBe(63); // marks 5, 5, 3, 2: (100 + 100 + 36 + 16) / 4
  });
  it('compares ВПР with the journal and counts only those with both marks', () => {
    // rus: 5/4 raised, 5/5, 3/3 confirmed, 2/3 lowered
    expect(val('vpr.raised_share', { subject: 'rus', grade: 4 })).toBe(25);
    expect(val('vpr.confirmed_share', { subject: 'rus', grade: 4 })).toBe(50);
    expect(val('vpr.lowered_share', { subject: 'rus', grade: 4 })).toBe(25);
    expect(get('vpr.lowered_share', { subject: 'math', grade: 4 })!.denominator).toBe(3);
  });
  it('sums three marks in grade 4 (11+, no «2»)', () => {
    // 1: 5+4+3 = 12 yes; 2: has «2»; 3: 3+3+4 = 10 no; 4: no okr
    const v = get('vpr.sum3_11_share', { grade: 4 })!;
    expect([v.numerator, v.denominator]).toEqual([1, 3]);
  });
  it('computes task success over those who have a score for the task', () => {
    expect(val('vpr.task_success', { subject: 'math', grade: 4, task: '1' })).toBe(66.67); // 2 / (3 × 1)
    expect(val('vpr.task_success', { subject: 'math', grade: 4, task: '2' })).toBe(75); // 3 / (2 × 2)
    expect(get('vpr.task_success', { subject: 'math', grade: 4, task: '2' })!.denominator).toBe(2);
    expect(val('vpr.basic_tasks_success', { subject: 'math', grade: 4 })).toBe(66.67);
    expect(val('vpr.advanced_tasks_success', { subject: 'math', grade: 4 })).toBe(75);
  });
});

describe('95 % intervals (spec §11)', () => {
  const oge = csv([
    ['participant_id', 'school_id', 'subject', 'primary_score', 'mark'],
    ['1', 'A', 'math', 10, 3],
    ['2', 'A', 'math', 16, 4],
    ['3', 'A', 'math', 17, 4],
    ['4', 'A', 'math', 24, 5],
    ['5', 'A', 'math', 25, 5],
  ]);
  const vpr = csv([
    ['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark', 'task_1'],
    ['1', 'A', 'math', 4, 12, 4, 2],
    ['2', 'A', 'math', 4, 10, 3, 1],
    ['3', 'A', 'math', 4, 10, 3, 1],
    ['4', 'A', 'math', 4, 5, 2, 0],
    ['5', 'A', 'math', 4, 20, 5, 2],
  ]);
  const tasks = csv([
    ['year', 'procedure', 'subject', 'grade', 'task', 'max_score', 'level', 'skill'],
    [2025, 'vpr', 'math', 4, '1', 2, 'базовый', 'Счёт'],
  ]);
  const { get } = compute({ 'results/2025/oge.csv': oge, 'results/2025/vpr.csv': vpr, 'reference/tasks.csv': tasks }, 5);
  it('gives a mean its t-interval: 4,2 ± 2,776 · 0,8367 / √5', () => {
    const v = get('oge.mean_mark', { school: 'A', subject: 'math' })!;
    expect(v.value).toBeCloseTo(4.2, 12);
    expect(v.sd).toBeCloseTo(Math.sqrt(0.7), 12);
    expect(v.ci_low).toBeCloseTo(3.16115, 4);
    expect(v.ci_high).toBeCloseTo(5.23885, 4);
  });
  it('gives a share its Wilson interval: 4 of 5 → 37,55–96,38 %', () => {
    const v = get('oge.quality_share', { school: 'A', subject: 'math' })!;
    expect(v.ci_low).toBeCloseTo(37.553, 2);
    expect(v.ci_high).toBeCloseTo(96.378, 2);
  });
  it("gives task success the t-interval of participants' shares of the points, cut at 0–100 %", () => {
    // shares 100, 50, 50, 0, 100: mean 60, s = 41,83; 60 ± 2,7764 · 41,833 / √5 = 60 ± 51,943
    const v = get('vpr.task_success', { school: 'A', subject: 'math', grade: 4, task: '1' })!;
    expect(v.value).toBe(60);
    expect(v.ci_low).toBeCloseTo(60 - 51.94253, 3);
    expect(v.ci_high).toBe(100);
  });
  it('gives counts, participants and withheld values no interval', () => {
    for (const v of [
      get('oge.participants', { school: 'A', subject: 'math' })!,
      get('vpr.mark5_share', { school: 'A', subject: 'rus', grade: 4 }),
    ]) {
      expect(v?.ci_low).toBeUndefined();
    }
  });
});

describe("olympiad privacy (spec §7): a stage's diplomas are withheld when that stage has fewer than min_group participants", () => {
  const rows: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'grade', 'stage', 'status']];
  for (let i = 1; i <= 10; i++) rows.push([`s${i}`, 'A', 'rus', 9, 'школьный', 'участник']);
  for (let i = 1; i <= 4; i++) rows.push([`s${i}`, 'A', 'rus', 9, 'муниципальный', i === 1 ? 'победитель' : 'участник']);
  for (let i = 1; i <= 5; i++) rows.push([`b${i}`, 'B', 'rus', 9, 'муниципальный', i === 1 ? 'призёр' : 'участник']);
  const { get } = compute({ 'results/2025/olympiad.csv': csv(rows) }, 5);
  it('A: 10 participants in all, 4 at the municipal stage: its municipal winners are withheld', () => {
    const w = get('olymp.municipal_winners', { school: 'A', subject: 'rus' })!;
    expect(w.suppressed).toBe(true);
    expect(w.n).toBe(4);
    expect(get('olymp.municipal_participants', { school: 'A', subject: 'rus' })!.value).toBe(4);
  });
  it('B: 5 at the municipal stage: published', () => {
    expect(get('olymp.municipal_prizewinners', { school: 'B', subject: 'rus' })).toMatchObject({ value: 1, suppressed: false, n: 5 });
  });
  it('a stage with no participants in the group withholds its diplomas as empty', () => {
    expect(get('olymp.regional_winners', { school: 'A', subject: 'rus' })).toMatchObject({ suppressed: true, n: 0 });
  });
});

describe('olympiad, essay, graduates, monitoring', () => {
  const olymp = csv([
    ['participant_id', 'school_id', 'subject', 'grade', 'stage', 'status'],
    ['1', 'A', 'rus', 9, 'школьный', 'победитель'],
    ['1', 'A', 'math', 9, 'школьный', 'участник'],
    ['2', 'B', 'rus', 8, 'школьный', 'участник'],
    ['1', 'A', 'rus', 9, 'муниципальный', 'призер'],
    ['3', 'B', 'math', 10, 'муниципальный', 'победитель'],
    ['1', 'A', 'rus', 9, 'региональный', 'участник'],
  ]);
  const essay = csv([
    ['participant_id', 'school_id', 'result', 'attempt'],
    ['1', 'A', 'незачет', 1],
    ['1', 'A', 'зачёт', 2],
    ['2', 'A', 'зачёт', ''],
    ['3', 'B', 'незачёт', 1],
  ]);
  const grads = csv([
    ['school_id', 'grade', 'students', 'certificates', 'repeat', 'not_continuing'],
    ['A', 9, 20, 18, 2, 1],
    ['B', 9, 10, '', '', ''],
    ['A', 11, 8, 8, '', ''],
  ]);
  const mon = csv([
    ['school_id', 'period', 'grade', 'students', 'no_fail', 'good'],
    ['A', 'I', 3, 20, 19, 10],
    ['A', 'I', 5, 30, 27, 12],
  ]);
  const { val, get } = compute({
    'results/2025/olympiad.csv': olymp,
    'results/2025/essay.csv': essay,
    'results/2025/graduates.csv': grads,
    'results/2025/monitoring.csv': mon,
  });
  it('counts distinct people per stage and diplomas per status', () => {
    expect(val('olymp.school_participants')).toBe(2);
    expect(val('olymp.municipal_participants')).toBe(2);
    expect(val('olymp.regional_participants')).toBe(1);
    expect(val('olymp.regional_share')).toBe(50);
    expect(val('olymp.regional_share', { subject: 'rus' })).toBe(100);
    expect(val('olymp.municipal_winners')).toBe(1);
    expect(val('olymp.municipal_prizewinners')).toBe(1);
    expect(val('olymp.municipal_prizewinners', { subject: 'math' })).toBe(0);
    expect(val('olymp.final_participants')).toBe(0);
  });
  it('takes the best attempt for «зачёт» and the first attempt for «с первой попытки»', () => {
    expect(val('essay.participants')).toBe(3);
    expect(val('essay.pass_share')).toBe(66.67);
    expect(val('essay.first_pass_share')).toBe(33.33);
  });
  it('sums aggregate counts over the rows that have them', () => {
    expect(val('grad9.certificate_share')).toBe(90); // B left the count empty
    expect(get('grad9.certificate_share')).toMatchObject({ numerator: 18, denominator: 20 });
    expect(val('grad9.repeat_count')).toBe(2);
    expect(val('grad9.not_continuing_count', { school: 'A' })).toBe(1);
    expect(val('grad11.certificate_share')).toBe(100);
  });
  it('computes monitoring per grade, for all grades and the failing share over grades 4–11', () => {
    expect(val('mon.success_share', { period: '1 полугодие' })).toBe(92); // 46 / 50
    expect(val('mon.quality_share', { period: '1 полугодие', grade: 5 })).toBe(40);
    expect(val('mon.failing_share', { period: '1 полугодие' })).toBe(10); // (30 − 27) / 30, grade 3 left out
  });
});

describe('risk zones', () => {
  /** ВПР maths, grade 5: per school, [mark, journal mark] of each participant. */
  const vprRows = (year: number, marks: Record<string, [number, number][]>) => {
    const rows: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark', 'journal_mark']];
    let id = 0;
    for (const [school, ms] of Object.entries(marks))
      for (const [m, j] of ms) rows.push([`${year}-${++id}`, school, 'math', 5, m * 4, m, j]);
    return csv(rows);
  };
  const times = (k: number, pair: [number, number]) => Array.from({ length: k }, () => pair);
  it('flags low results, objectivity and a decline only when a test says so, never a small group', () => {
    const { ix, data } = compute(
      {
        'results/2023/vpr.csv': vprRows(2023, { A: times(20, [5, 5]) }),
        'results/2024/vpr.csv': vprRows(2024, { A: times(20, [5, 5]) }),
        'results/2025/vpr.csv': vprRows(2025, {
          A: [[2, 2], ...times(19, [4, 4])], // mean 5,0 → 3,9: t = −1,1 / 0,1 = −11
          B: [...times(10, [2, 2]), ...times(10, [4, 4])], // «2»: 50 % against 6 of 44 = 13,6 % in the rest
          C: times(4, [2, 5]), // all «2» and all lowered, but only 4 participants: never tested
          D: [[2, 2], ...times(12, [3, 4]), ...times(7, [4, 4])], // lowered 60 % against 4 of 44 = 9,1 %
        }),
      },
      5,
    );
    expect(ix.get('vpr.mark2_share', 2025, { subject: 'math', grade: 5 })!.value).toBe(25); // 16 of 64
    const risks = findRisks(ix, data.config.risks).filter((r) => r.year === 2025);
    expect(risks.map((r) => [r.school_id, r.rule, r.indicator])).toEqual([
      ['A', 'decline', 'vpr.mean_mark'],
      ['B', 'low', 'vpr.mark2_share'],
      ['D', 'objectivity', 'vpr.lowered_share'],
    ]);
    // B: pooled p = 16/64; se = √(0,25 · 0,75 · (1/20 + 1/44)) = 0,116775; z = (0,5 − 6/44) / se = 3,1140; p = 0,00185.
    // 50 % is exactly 2 × the municipal 25 %: the ratio threshold holds at its boundary.
    expect(risks[1].statistic).toBeCloseTo(3.114, 3);
    expect(risks[1].p).toBeCloseTo(0.001846, 5);
    expect(risks[1].evidence).toContain('50,0\u00a0%');
    expect(risks[1].evidence).toContain('13,6\u00a0%');
    expect(risks[1].evidence).toContain('z = 3,11');
    // D: z = (0,6 − 4/44) / 0,116775 = 4,3596.
    expect(risks[2].statistic).toBeCloseTo(4.3596, 3);
    // A: Welch against a pooled sample without spread: t = (3,9 − 5) / √(0,2/20) = −11.
    expect(risks[0].statistic).toBeCloseTo(-11, 6);
    expect(risks[0].test).toBe('welch_t');
  });
  it('does not flag a low share that a test calls chance', () => {
    // B: 2 «2» of 7 = 28,6 % against 2 of 40 = 5 % (municipality 4 of 47 = 8,5 %): both thresholds hold. The z-test
    // would give z = 2,062, p = 0,039; but 7 · 4 / 47 = 0,6 «2» are expected in B, so the test is Fisher's (mid-p):
    // p = 0,054, and Benjamini–Hochberg over the 3 schools tested would need p ≤ 0,1 / 3 = 0,033 anyway.
    const { ix, data } = compute(
      {
        'results/2025/vpr.csv': vprRows(2025, {
          A: [[2, 2], ...times(19, [4, 4])],
          B: [[2, 2], [2, 2], ...times(5, [4, 4])],
          D: [[2, 2], ...times(19, [4, 4])],
        }),
      },
      5,
    );
    expect(twoProportionsOf(2, 7, 2, 40).p).toBeCloseTo(0.0392, 4);
    const t = compareShares(2, 7, 2, 40)!;
    expect(t.method).toBe('fisher_midp');
    expect(t.p).toBeCloseTo(0.05396, 5);
    expect(findRisks(ix, data.config.risks).filter((r) => r.rule === 'low')).toEqual([]);
  });
  it("judges a small school by Fisher's exact test (mid-p), and says so in the evidence", () => {
    // E: 3 «2» of 6 against 2 of 60 in the rest; expected in E 6 · 5 / 66 = 0,45 < 5.
    // Mid-p = 0,00208 (the probabilities of the tables no more likely than the observed, less half its own); BH: ≤ 0,1 / 3.
    const { ix, data } = compute(
      {
        'results/2025/vpr.csv': vprRows(2025, {
          A: [[2, 2], ...times(29, [4, 4])],
          D: [[2, 2], ...times(29, [4, 4])],
          E: [...times(3, [2, 2]), ...times(3, [4, 4])],
        }),
      },
      5,
    );
    const [r] = findRisks(ix, data.config.risks).filter((x) => x.rule === 'low');
    expect(r.school_id).toBe('E');
    expect(r.test).toBe('fisher_midp');
    expect(r.statistic).toBeNaN();
    expect(r.p).toBeCloseTo(0.002082, 6);
    expect(r.evidence).toContain('точный критерий Фишера');
  });
});

describe('registry', () => {
  it('has unique ids, a unit, a Russian method and a source for every indicator', () => {
    const ids = INDICATORS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of INDICATORS) {
      expect(d.method, d.id).toMatch(/[а-я]/);
      expect(d.source.length, d.id).toBeGreaterThan(0);
    }
  });
});
