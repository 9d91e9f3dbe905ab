/** The indicators not covered elsewhere, each on a small fixture worked by hand. */
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/lib/data/load.ts';
import { computeAll } from '../src/lib/indicators/compute.ts';
import { ValueIndex, type Where } from '../src/lib/indicators/query.ts';
import { csv, makeData, SITE_YAML } from './helpers/fixture.ts';
import type { IndicatorId } from '../src/lib/indicators/registry.ts';

function compute(files: Record<string, string>) {
  // Groups of 2–4 participants: the privacy threshold is set to 1 so that every value is computed.
  const { data, log } = loadData(
    makeData({ 'schools.csv': 'school_id,name\nA,Школа А\n', 'site.yaml': `${SITE_YAML}privacy:\n  min_group: 1\n`, ...files }),
  );
  expect(log.errors).toEqual([]);
  const ix = new ValueIndex(computeAll(data).values);
  return (id: IndicatorId, w: Where = {}) => {
    const v = ix.get(id, 2025, w);
    expect(v, `${id} ${JSON.stringify(w)}`).toBeDefined();
    return v!.suppressed ? null : Math.round(v!.value! * 100) / 100;
  };
}

describe('ОГЭ and ГВЭ-9', () => {
  const val = compute({
    'results/2025/oge.csv': csv([
      ['participant_id', 'school_id', 'subject', 'form', 'primary_score', 'mark', 'school_mark'],
      ['1', 'A', 'rus', 'ОГЭ', 25, 4, 4],
      ['2', 'A', 'rus', 'ОГЭ', 30, 5, 5],
      ['3', 'A', 'rus', 'ОГЭ', 16, 3, 3],
      ['4', 'A', 'rus', 'ОГЭ', 29, 5, ''],
      ['1', 'A', 'math', 'ОГЭ', 10, 3, 4],
      ['2', 'A', 'math', 'ОГЭ', 5, 2, 3],
      ['3', 'A', 'math', 'ОГЭ', 9, 3, 3],
      ['4', 'A', 'math', 'ОГЭ', 24, 5, ''],
      ['5', 'A', 'math', 'ГВЭ', '', 2, ''],
      ['6', 'A', 'math', 'ГВЭ', '', 4, ''],
    ]),
  });
  it('mean primary score and степень обученности', () => {
    expect(val('oge.mean_score', { subject: 'rus' })).toBe(25); // (25 + 30 + 16 + 29) / 4
    expect(val('oge.sou', { subject: 'rus' })).toBe(75); // marks 4, 5, 3, 5: (64 + 100 + 36 + 100) / 4
  });
  it('exam against school marks: only participants with both', () => {
    // math: 3 vs 4 and 2 vs 3 lowered, 3 vs 3 confirmed; participant 4 has no school mark
    expect(val('oge.confirmed_share', { subject: 'math' })).toBe(33.33);
    expect(val('oge.raised_share', { subject: 'math' })).toBe(0);
    expect(val('oge.mismatch_share', { subject: 'math' })).toBe(66.67);
    expect(val('oge.confirmed_share', { subject: 'rus' })).toBe(100);
  });
  it('ГВЭ-9 apart from ОГЭ', () => {
    expect(val('gve9.participants', { subject: 'math' })).toBe(2);
    expect(val('gve9.mean_mark', { subject: 'math' })).toBe(3); // (2 + 4) / 2
    expect(val('gve9.fail_share', { subject: 'math' })).toBe(50);
    expect(val('gia9.ovz_participants')).toBe(0); // no ОВЗ column: nobody
  });
});

describe('ВПР', () => {
  const val = compute({
    'results/2025/vpr.csv': csv([
      ['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark', 'journal_mark'],
      ['1', 'A', 'rus', 4, 35, 5, 4],
      ['2', 'A', 'rus', 4, 30, 5, 5],
      ['3', 'A', 'rus', 4, 20, 3, 3],
      ['4', 'A', 'rus', 4, 10, 2, 3],
      ['1', 'A', 'math', 4, 12, 4, 4],
      ['2', 'A', 'math', 4, 18, 5, 5],
      ['3', 'A', 'math', 4, 9, 3, 3],
      ['4', 'A', 'math', 4, 12, 4, ''],
    ]),
  });
  const rus = { subject: 'rus', grade: 4 };
  const math = { subject: 'math', grade: 4 };
  it('participants, mean score, marks, quality and success', () => {
    expect(val('vpr.participants', rus)).toBe(4);
    expect(val('vpr.mean_score', rus)).toBe(23.75); // 95 / 4
    expect(val('vpr.mark3_share', rus)).toBe(25);
    expect(val('vpr.mark4_share', rus)).toBe(0);
    expect(val('vpr.mark4_share', math)).toBe(50);
    expect(val('vpr.quality_share', math)).toBe(75); // 4, 5, 4 of 4
    expect(val('vpr.success_share', rus)).toBe(75); // all but the «2»
  });
  it('high results above 75 % of the maximum (rus, grade 4: 38 → above 28,5)', () => {
    expect(val('vpr.high_share', rus)).toBe(50); // 35 and 30
  });
  it('mismatch with the journal: raised plus lowered', () => {
    expect(val('vpr.mismatch_share', rus)).toBe(50); // 5 vs 4 raised, 2 vs 3 lowered
  });
});

describe('task success of ЕГЭ and ОГЭ', () => {
  const tasks = csv([
    ['year', 'procedure', 'subject', 'grade', 'task', 'max_score', 'level', 'skill'],
    [2025, 'ege', 'rus', '', '1', 1, 'базовый', ''],
    [2025, 'ege', 'rus', '', '2', 2, 'высокий', ''],
    [2025, 'oge', 'math', '', '1', 1, 'базовый', ''],
    [2025, 'oge', 'math', '', '2', 2, 'повышенный', ''],
  ]);
  const val = compute({
    'reference/tasks.csv': tasks,
    'results/2025/ege.csv': csv([
      ['participant_id', 'school_id', 'subject', 'test_score', 'task_1', 'task_2'],
      ['1', 'A', 'rus', 70, 1, 2],
      ['2', 'A', 'rus', 50, 0, 1],
      ['3', 'A', 'rus', 60, 1, 0],
    ]),
    'results/2025/oge.csv': csv([
      ['participant_id', 'school_id', 'subject', 'primary_score', 'mark', 'task_1', 'task_2'],
      ['1', 'A', 'math', 20, 4, 1, 2],
      ['2', 'A', 'math', 10, 3, 0, 1],
      ['3', 'A', 'math', 15, 4, 1, 0],
    ]),
  });
  for (const p of ['ege', 'oge'] as const) {
    const where = { subject: p === 'ege' ? 'rus' : 'math' };
    it(`${p}: per task, and over basic and advanced tasks`, () => {
      expect(val(`${p}.task_success`, { ...where, task: '1' })).toBe(66.67); // 2 / (3 × 1)
      expect(val(`${p}.task_success`, { ...where, task: '2' })).toBe(50); // 3 / (3 × 2)
      expect(val(`${p}.basic_tasks_success`, where)).toBe(66.67);
      expect(val(`${p}.advanced_tasks_success`, where)).toBe(50);
    });
  }
});

describe('diagnostics, ГВЭ-11, olympiad, graduates, interview', () => {
  const val = compute({
    'results/2025/diagnostics.csv': csv([
      ['participant_id', 'school_id', 'work', 'grade', 'primary_score', 'max_score', 'min_score'],
      ['1', 'A', 'fg', 8, 12, 20, 7],
      ['2', 'A', 'fg', 8, 5, 20, 7],
      ['3', 'A', 'fg', 8, 16, 20, 7],
    ]),
    'results/2025/ege.csv': csv([
      ['participant_id', 'school_id', 'subject', 'form', 'mark'],
      ['1', 'A', 'rus', 'ГВЭ', 3],
      ['2', 'A', 'rus', 'ГВЭ', 4],
    ]),
    'results/2025/olympiad.csv': csv([
      ['participant_id', 'school_id', 'subject', 'grade', 'stage', 'status'],
      ['1', 'A', 'rus', 9, 'региональный', 'призёр'],
      ['2', 'A', 'rus', 9, 'региональный', 'участник'],
      ['3', 'A', 'math', 9, 'региональный', 'призёр'],
    ]),
    'results/2025/graduates.csv': csv([
      ['school_id', 'grade', 'students', 'certificates', 'honours'],
      ['A', 11, 8, 8, 2],
    ]),
    'results/2025/interview.csv': csv([
      ['participant_id', 'school_id', 'result', 'attempt'],
      ['1', 'A', 'незачёт', 1],
      ['1', 'A', 'зачёт', 2],
      ['2', 'A', 'зачёт', ''],
      ['3', 'A', 'незачёт', 1],
    ]),
  });
  it('diagnostics: participants, below the minimum, high results', () => {
    const w = { subject: 'fg', grade: 8 };
    expect(val('diag.participants', w)).toBe(3);
    expect(val('diag.below_min_share', w)).toBe(33.33); // 5 < 7
    expect(val('diag.high_share', w)).toBe(33.33); // 16 > 15
  });
  it('ГВЭ-11 mean mark', () => {
    expect(val('gve11.mean_mark', { subject: 'rus' })).toBe(3.5);
  });
  it('regional prize-winners are diplomas: two subjects, two diplomas', () => {
    expect(val('olymp.regional_prizewinners')).toBe(2);
    expect(val('olymp.regional_prizewinners', { subject: 'rus' })).toBe(1);
  });
  it('graduates with honours', () => {
    expect(val('grad11.honours_count')).toBe(2);
  });
  it('interview: participants, best result, first attempt', () => {
    expect(val('interview.participants')).toBe(3);
    expect(val('interview.pass_share')).toBe(66.67); // 1 (second attempt) and 2
    expect(val('interview.first_pass_share')).toBe(33.33); // only 2
  });
});
