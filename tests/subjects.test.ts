/** The subject analysis of spec §14, on small hand-computed fixtures. */
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/issues.ts';
import { subjectGroups } from '../src/lib/analyses/subjects/rows.ts';
import { masteryThreshold, schoolsTable, subjectRows, type SubjectRow } from '../src/lib/analyses/subjects/tables.ts';
import { SUBJECT_COLUMNS, subjectCsvRow } from '../src/lib/opendata/write.ts';
import { toCsv } from '../src/lib/files/csv.ts';
import { csv, makeData } from './helpers/fixture.ts';
import { SubjectStore } from '../src/lib/analyses/subjects/store.ts';

const SCHOOLS = 'school_id,name,kind\nA,Школа А,СОШ\nB,Школа Б,гимназия\nC,Школа В,\n';
const HEAD = ['participant_id', 'school_id', 'subject', 'form', 'category', 'test_score', 'mark', 'ovz', 'task_1', 'task_2'];
/** Wilson's interval at 95 %, written out independently of the engine. */
function wilson(x: number, n: number) {
  const z = 1.959964;
  const p = x / n;
  const c = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const h = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [100 * Math.max(0, c - h), 100 * Math.min(1, c + h)];
}

// Twelve pupils of school A in Russian (minimum 24 in 2025): 2 below it, 3 from it to 60, 3 in 61–80, 4 in 81–100.
const scores = [20, 23, 24, 50, 60, 61, 70, 80, 81, 90, 95, 100];
const task1 = [0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]; // basic, max 2
const task2 = [0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1]; // advanced, max 4
const pupils = scores.map((s, i) => [`P${i}`, 'A', 'rus', 'ЕГЭ', 'ВТГ', s, undefined, i === 0 ? 'да' : '', task1[i], task2[i]]);
const files = {
  'schools.csv': SCHOOLS,
  'reference/tasks.csv':
    'year,procedure,subject,grade,task,max_score,level,skill\n2025,ege,rus,,1,2,базовый,Орфография\n2025,ege,rus,,2,4,повышенный,Сочинение\n',
  'results/2025/ege.csv': csv([
    HEAD,
    ...pupils,
    // Not in the bands: a ВПЛ graduate (counted among participants) and a ГВЭ row.
    ['V1', 'A', 'rus', 'ЕГЭ', 'ВПЛ', 90, undefined, '', 2, 4],
    ['G1', 'A', 'rus', 'ГВЭ', 'ВТГ', undefined, 4, '', undefined, undefined],
    // School B: four pupils — its bands are withheld (privacy threshold 5).
    ...[30, 40, 50, 70].map((s, i) => [`B${i}`, 'B', 'rus', 'ЕГЭ', 'ВТГ', s, undefined, '', 1, 0]),
  ]),
};

function rowsOf(f: Record<string, string>, minGroup = 5): SubjectRow[] {
  const { data, log } = loadData(makeData(f));
  expect(log.errors.map((e) => e.message)).toEqual([]);
  return subjectRows(data, subjectGroups(data), { minGroup, fdr: 0.1, listMin: 10 });
}

describe('the subject analysis of a 12-pupil subject', () => {
  const rows = rowsOf(files);
  const get = (table: string, group: string, band = '', task = '') =>
    rows.find((r) => r.table === table && r.group === group && r.band === band && r.task === task);

  it('counts participants of every category, and the procedure’s distinct participants as the denominator', () => {
    // 12 + 4 of category ВТГ and the ВПЛ graduate; the ГВЭ row is no ЕГЭ.
    expect(get('participants', 'all')).toMatchObject({ value: 17, denominator: 17 });
    expect(get('participants', 'ВТГ')!.value).toBe(16);
    expect(get('participants', 'ВПЛ')!.value).toBe(1);
    expect(get('participants', 'ovz')!.value).toBe(1);
  });
  it('puts each pupil of the population in its band, with the share’s Wilson interval', () => {
    // A and B together: 16 pupils of form ЕГЭ, category ВТГ; the ВПЛ graduate and the ГВЭ row are out.
    const expected = { below_min: 2, min_60: 3 + 3, '61_80': 3 + 1, '81_100': 4 };
    for (const [band, x] of Object.entries(expected)) {
      const r = get('bands', 'all', band)!;
      expect([r.numerator, r.denominator], band).toEqual([x, 16]);
      expect(r.value).toBeCloseTo((100 * x) / 16, 10);
      const [lo, hi] = wilson(x, 16);
      expect(r.ci_low).toBeCloseTo(lo, 8);
      expect(r.ci_high).toBeCloseTo(hi, 8);
    }
    expect(get('bands', 'school:A', 'below_min')).toMatchObject({ numerator: 2, denominator: 12 });
    expect(get('bands', 'kind:гимназия', 'min_60')).toMatchObject({ suppressed: true });
    expect(get('bands', 'ovz', 'below_min')).toMatchObject({ suppressed: true });
  });
  it('withholds a 4-pupil school: its rows carry no numbers', () => {
    const b = rows.filter((r) => r.table === 'bands' && r.group === 'school:B');
    expect(b.length).toBe(4);
    for (const r of b) expect([r.suppressed, r.value, r.numerator, r.denominator]).toEqual([true, undefined, undefined, undefined]);
    const line = toCsv([...SUBJECT_COLUMNS], [subjectCsvRow(b[0])]).split('\n')[1];
    expect(line).toBe('2025,ege,rus,,bands,school:B,61_80,,,,,1,,');
  });
  it('completes each task by band: 100 · Σ score / (n · max), with the t-interval; at exactly 50 % and 15 % a task is mastered', () => {
    // Task 1 over school A's 12 and B's 4: Σ = 16 + 4 = 20 of 16 · 2 → 62,5 %.
    expect(get('tasks', 'all', 'all', '1')!.value).toBeCloseTo(62.5, 10);
    // min_60 band: A's 24, 50, 60 (1, 1, 1) and B's 30, 40, 50 (1, 1, 1): 6 of 12 → exactly 50 %.
    expect(get('tasks', 'all', 'min_60', '1')).toMatchObject({ value: 50, denominator: 6 });
    expect(masteryThreshold('базовый')).toBe(50);
    // With a threshold of 4 the small bands show — 81_100: task 2 scores 0, 1, 1, 1 of 4 each: 3 of 16 → 18,75 %;
    // 61_80: 0, 0, 1 (A) and 0 (B): 1 of 16 → 6,25 %.
    const four = rowsOf(files, 4);
    const t = (band: string) => four.find((r) => r.table === 'tasks' && r.band === band && r.task === '2')!;
    expect(t('81_100').value).toBeCloseTo(18.75, 10);
    expect(t('61_80').value).toBeCloseTo(6.25, 10);
    // Its interval: the t-interval of the four shares 0, 25, 25, 25 %.
    const xs = [0, 25, 25, 25];
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - 18.75) ** 2, 0) / 3);
    expect(t('81_100').ci_high! - 18.75).toBeCloseTo((3.182446305284263 * sd) / 2, 6);
    expect(masteryThreshold('повышенный')).toBe(15);
    // below_min has 2 pupils: withheld.
    expect(get('tasks', 'all', 'below_min', '1')).toMatchObject({ suppressed: true });
  });
  it('counts the distribution of test scores at each score', () => {
    expect(get('distribution', 'all', '50')!.value).toBe(2);
    expect(get('distribution', 'all', '100')!.value).toBe(1);
  });
  it('sorts rows by year, procedure, subject, grade, table, group, band, task in code-point order', () => {
    const keys = rows.map((r) => [r.table, r.group, r.band, r.task].join('\u0000'));
    expect(keys).toEqual([...keys].sort());
  });
});

describe('the school lists', () => {
  it('list, by Benjamini–Hochberg over the three schools tested, only those beyond chance; a school under 10 pupils is not tested', () => {
    // Three schools of 20: A with 18 of 20 in 61–100 (the rest below the minimum), B with 10, C with 2; D with 8 pupils all high is not tested.
    const make = (school: string, n: number, high: number) =>
      Array.from({ length: n }, (_, i) => [
        `${school}${i}`,
        school,
        'rus',
        'ЕГЭ',
        'ВТГ',
        i < high ? 85 : 20,
        undefined,
        '',
        undefined,
        undefined,
      ]);
    const rows = rowsOf({
      'schools.csv': `${SCHOOLS}D,Школа Г,СОШ\n`,
      'results/2025/ege.csv': csv([HEAD, ...make('A', 20, 18), ...make('B', 20, 10), ...make('C', 20, 2), ...make('D', 8, 8)]),
    });
    const lists = rows.filter((r) => r.table === 'schools').map((r) => [r.group, r.band, r.numerator, r.denominator]);
    expect(lists).toEqual([
      ['school:A', 'high', 18, 20],
      ['school:C', 'low', 18, 20],
    ]);
  });
  it('lists nobody when the differences are within chance', () => {
    const { data } = loadData(
      makeData({
        'schools.csv': SCHOOLS,
        'results/2025/ege.csv': csv([
          HEAD,
          ...['A', 'B', 'C'].flatMap((s) =>
            Array.from({ length: 12 }, (_, i) => [
              `${s}${i}`,
              s,
              'rus',
              'ЕГЭ',
              'ВТГ',
              i % 2 ? 85 : 40,
              undefined,
              '',
              undefined,
              undefined,
            ]),
          ),
        ]),
      }),
    );
    const g = [...subjectGroups(data)].find((x) => x.subject === 'rus')!;
    expect(schoolsTable(g, { minGroup: 5, fdr: 0.1, listMin: 10 })).toEqual([]);
  });
});

describe('bad task and scale input', () => {
  const messages = (f: Record<string, string>) => loadData(makeData(f)).log.errors.map(formatIssue);
  it('a task score above its maximum: file, row, column', () => {
    const m = messages({ ...files, 'results/2025/ege.csv': csv([HEAD, ['P1', 'A', 'rus', 'ЕГЭ', 'ВТГ', 70, undefined, '', 3, 0]]) });
    expect(m).toContain(
      'data/results/2025/ege.csv, строка 2, столбец «task_1»: Балл за задание 1 больше максимального. Найдено: «3». Ожидалось: не больше 2.',
    );
  });
  it('a task column missing from tasks.csv', () => {
    const m = messages({
      ...files,
      'reference/tasks.csv': 'year,procedure,subject,grade,task,max_score,level,skill\n2025,ege,rus,,1,2,базовый,Орфография\n',
    });
    expect(m.join('\n')).toMatch(
      /^data\/reference\/tasks\.csv: Нет описания задания 2 \(2025, ege, rus\); оно нужно для data\/results\/2025\/ege\.csv, строка 2\./m,
    );
  });
  it('a scale missing for a year', () => {
    const m = messages({
      'schools.csv': SCHOOLS,
      'results/2031/ege.csv': csv([HEAD.slice(0, 7), ['P1', 'A', 'rus', 'ЕГЭ', 'ВТГ', 70, undefined]]),
    });
    expect(m.join('\n')).toMatch(
      /^data\/reference\/scales\.csv: Нет шкалы для 2031 года \(ege, rus\); она нужна для data\/results\/2031\/ege\.csv, строка 2\./m,
    );
  });
});

describe('the rows kept as columns', () => {
  const row = (o: Partial<SubjectRow>): SubjectRow => ({
    year: 2025,
    procedure: 'vpr',
    subject: 'math',
    grade: 4,
    table: 'bands',
    group: 'school:A',
    band: 'mark_5',
    task: '',
    value: 12.5,
    numerator: 3,
    denominator: 24,
    suppressed: false,
    n: 24,
    ci_low: 4.34,
    ci_high: 31.0,
    ...o,
  });
  it('reads back every field as it was given, «none» as undefined', () => {
    const store = new SubjectStore();
    const given = [
      row({}),
      row({
        grade: undefined,
        procedure: 'ege',
        value: undefined,
        ci_low: undefined,
        ci_high: undefined,
        suppressed: true,
        secondary: true,
        n: undefined,
      }),
    ];
    const kept = given.map((r) => store.add(r));
    for (const [i, r] of given.entries()) for (const k of Object.keys(r) as (keyof SubjectRow)[]) expect(kept[i][k], k).toBe(r[k]);
    expect(kept[0].secondary).toBeUndefined();
    expect(kept[1].grade).toBeUndefined();
  });
  it('withholds a row in place: the store keeps what secondary suppression writes', () => {
    const r = new SubjectStore().add(row({}));
    r.suppressed = true;
    r.secondary = true;
    r.value = r.numerator = r.denominator = r.ci_low = r.ci_high = undefined;
    expect([r.suppressed, r.secondary, r.value, r.numerator, r.denominator, r.ci_low, r.ci_high, r.n]).toEqual([
      true,
      true,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      24,
    ]);
  });
  it('keeps rows past one block apart', () => {
    const store = new SubjectStore();
    const kept = Array.from({ length: 40000 }, (_, i) => store.add(row({ numerator: i, group: `school:${i % 7}` })));
    expect(kept.map((r) => r.numerator)).toEqual(Array.from({ length: 40000 }, (_, i) => i));
    expect(kept[39999].group).toBe('school:1');
  });
});
