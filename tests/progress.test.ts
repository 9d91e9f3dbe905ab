/**
 * Pupils' progress (spec §13), worked by hand: the least-squares line of 10
 * pupils and their residuals, a school's mean residual and its t-interval,
 * linking across a missing year, a pupil who changed school, coverage; and
 * the input rules (codes that look like a СНИЛС or a passport, one code at
 * two schools, pairs that cannot follow each other).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/lib/data/issues.ts';
import { loadData } from '../src/lib/data/load.ts';
import { brotliDecompressSync } from 'node:zlib';
import { buildModel } from '../src/lib/model/build.ts';
import { openDataFiles } from '../src/lib/opendata/write.ts';
import { numbersOf, packNumbers } from '../src/lib/releases/changes.ts';
import { MIN_LINKED, progressYear } from '../src/lib/analyses/progress/model.ts';
import { progressValues } from '../src/lib/analyses/progress/values.ts';
import { progressVerdict } from '../src/lib/analyses/progress/words.ts';
import { leastSquares } from '../src/lib/stats/tests.ts';
import { csv, makeData, OGE_EGE_RUS, SCHOOLS } from './helpers/fixture.ts';

const PAIR = OGE_EGE_RUS;
// Ten pupils: ОГЭ primary score → ЕГЭ test score.
const X = [10, 12, 14, 15, 16, 18, 20, 22, 24, 25];
const Y = [50, 55, 52, 60, 58, 66, 63, 70, 74, 72];

describe('the municipal line', () => {
  it('fits 10 pupils by least squares, with their residuals', () => {
    // x̄ = 176/10 = 17,6; ȳ = 620/10 = 62; Sxx = Σ(x − x̄)² = 232,4; Sxy = Σ(x − x̄)(y − ȳ) = 368
    // b = 368 / 232,4 = 1,583477; a = 62 − 1,583477 · 17,6 = 34,130809
    const l = leastSquares(X, Y);
    expect(l.b).toBeCloseTo(1.583477, 5);
    expect(l.a).toBeCloseTo(34.130809, 5);
    // e = y − (a + b·x): the first pupil 50 − (34,130809 + 15,834768) = 0,034423; the third 52 − 56,298 = −4,2995
    const e = X.map((x, i) => Y[i] - (l.a + l.b * x));
    expect(e.map((r) => Number(r.toFixed(4)))).toEqual([0.0344, 1.8675, -4.2995, 2.117, -1.4664, 3.3666, -2.8003, 1.0327, 1.8657, -1.7177]);
    expect(e.reduce((a, r) => a + r, 0)).toBeCloseTo(0, 10);
  });

  it("gives a school the mean of its pupils' residuals with the t-interval", () => {
    // The 10 pupils three times (30, the least a line needs): the same line. School A has pupils 1–5 (15 rows),
    // mean residual (0,0344 + 1,8675 − 4,2995 + 2,117 − 1,4664) / 5 = −0,349398; s = 2,449319 (n = 15);
    // t(0,975; 14) = 2,144787; half-width 2,144787 · 2,449319 / √15 = 1,356387 → −1,705785 … 1,006990.
    const linked = [0, 1, 2].flatMap(() => X.map((x, i) => ({ school_id: i < 5 ? 'A' : 'B', earlier: x, later: Y[i] })));
    const y = progressYear(PAIR, 2025, linked, linked);
    expect(y.line!.b).toBeCloseTo(1.583477, 5);
    const a = y.schools.find((s) => s.school_id === 'A')!;
    expect(a.residuals!.mean).toBeCloseTo(-0.349398, 5);
    expect(a.residuals!.sd).toBeCloseTo(2.449319, 5);
    const v = progressValues([y], 5).find((r) => r.indicator === 'progress.oge-ege-rus' && r.school_id === 'A')!;
    expect(v).toMatchObject({ scope: 'school', subject: 'rus', grade: 11, n: 15, denominator: 15, suppressed: false });
    expect(v.ci_low).toBeCloseTo(-1.705785, 5);
    expect(v.ci_high).toBeCloseTo(1.00699, 5);
    // The interval holds 0: «как у учащихся с такими же стартовыми результатами».
    expect(progressVerdict(v)).toBe('same');
  });

  it('needs 30 linked pupils in the municipality, and withholds a school below the privacy threshold', () => {
    const few = X.map((x, i) => ({ school_id: 'A', earlier: x, later: Y[i] }));
    const y = progressYear(PAIR, 2025, few, few);
    expect(y.line).toBeUndefined();
    expect(y.noModel).toContain(`не меньше ${MIN_LINKED}`);
    expect(progressValues([y], 5)).toEqual([]);
    // 30 pupils, school C has 4 of them: its progress is withheld, its share of linked pupils too (4 participants).
    const many = [0, 1, 2].flatMap((k) => X.map((x, i) => ({ school_id: k === 0 && i < 4 ? 'C' : 'B', earlier: x, later: Y[i] })));
    const rows = progressValues([progressYear(PAIR, 2025, many, many)], 5);
    expect(rows.find((r) => r.indicator === 'progress.oge-ege-rus' && r.school_id === 'C')).toMatchObject({
      suppressed: true,
      reason: 'small',
      value: undefined,
    });
    expect(rows.find((r) => r.indicator === 'progress.oge-ege-rus.linked_share' && r.school_id === 'C')).toMatchObject({
      suppressed: true,
    });
  });
});

// 32 pupils: ОГЭ in 2023 (no 2024 folder at all), ЕГЭ in 2025. Pupil 0 sat ОГЭ at school A and ЕГЭ at school B.
const N = 32;
const start = (i: number) => 12 + (i % 20);
const end = (i: number) => 40 + 2 * (i % 20) + (i % 3);
const oge = csv([
  ['participant_id', 'student_id', 'school_id', 'subject', 'primary_score', 'mark'],
  ...Array.from({ length: N }, (_, i) => [`o${i}`, `S-${i}`, i < 16 ? 'A' : 'B', 'rus', start(i), 4]),
]);
const ege = (rows: (string | number)[][]) => csv([['participant_id', 'Код обучающегося', 'school_id', 'subject', 'test_score'], ...rows]);
const egeRows = [
  ...Array.from({ length: N }, (_, i) => [`e${i}`, `S-${i}`, i === 0 || i >= 16 ? 'B' : 'A', 'rus', end(i)]),
  // Two pupils without a code (came from elsewhere): participants, not linked.
  ['e98', '', 'A', 'rus', 61],
  ['e99', '', 'B', 'rus', 70],
];

describe('linking pupils by their code', () => {
  const { model } = buildModel(makeData({ 'schools.csv': SCHOOLS, 'results/2023/oge.csv': oge, 'results/2025/ege.csv': ege(egeRows) }), {
    SOURCE_DATE_EPOCH: '1790000000',
  });
  const y = model.progress.find((p) => p.pair.id === 'oge-ege-rus' && p.year === 2025)!;
  it('links across a missing year (lag 2 looks two years back, whatever lies between)', () => {
    expect(y).toMatchObject({ participants: 34, linked: 32 });
    expect(y.line).toBeDefined();
  });
  it('counts a pupil who changed school at the later school', () => {
    // A: pupils 1–15 and e98 (16 participants, 15 linked); B: pupil 0, 16–31 and e99 (18, 17 linked).
    expect(y.schools.map((s) => [s.school_id, s.participants, s.linked])).toEqual([
      ['A', 16, 15],
      ['B', 18, 17],
    ]);
  });
  it('writes coverage with its Wilson interval, and no municipal progress row', () => {
    const share = model.ix.get('progress.oge-ege-rus.linked_share', 2025, { subject: 'rus', grade: 11 })!;
    // 32 / 34 = 94,12 %; Wilson: centre (p + z²/2n)/(1 + z²/n), z = 1,959964 → 80,91 … 98,37 %
    expect(share.value).toBeCloseTo(94.1176, 3);
    expect(share.ci_low).toBeCloseTo(80.91, 1);
    expect(share.ci_high).toBeCloseTo(98.37, 1);
    expect(model.ix.get('progress.oge-ege-rus', 2025, { subject: 'rus', grade: 11 })).toBeUndefined();
  });
  it('keeps no pupil code in what a release freezes or open data writes', () => {
    const frozen = brotliDecompressSync(packNumbers(numbersOf(model.ix.values, model.data.schools, model.ix.years))).toString('utf8');
    expect(frozen).not.toMatch(/S-\d/);
    for (const [name, text] of openDataFiles(model)) expect(text, name).not.toMatch(/S-\d/);
  });
  it('has no progress for a pair whose earlier year is not in the data', () => {
    expect(model.progress.filter((p) => p.pair.id.startsWith('vpr8'))).toEqual([]);
  });
});

const errorsOf = (files: Record<string, string>) => loadData(makeData({ 'schools.csv': SCHOOLS, ...files })).log.errors;

describe('pupil codes are codes, not personal data', () => {
  it('refuses codes written as a СНИЛС, naming the file, line and column but not the number', () => {
    const e = errorsOf({
      'results/2025/ege.csv': ege([
        ['e1', '112-233-445 95', 'A', 'rus', 70],
        ['e2', 'S-2', 'A', 'rus', 71],
      ]),
    });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: 'results/2025/ege.csv', line: 2, column: 'Код обучающегося' });
    expect(formatIssue(e[0])).toContain('похожи на СНИЛС');
    expect(formatIssue(e[0])).not.toContain('112-233-445');
  });
  it('refuses a column of bare 11-digit numbers whose check digits are those of a СНИЛС, but not random 11-digit codes', () => {
    // 112 233 445: 1·9 + 1·8 + 2·7 + 2·6 + 3·5 + 3·4 + 4·3 + 4·2 + 5·1 = 95 → check digits 95.
    const snils = errorsOf({
      'results/2025/ege.csv': ege([
        ['e1', '11223344595', 'A', 'rus', 70],
        ['e2', '11223344595', 'B', 'math_prof', 71],
      ]),
    });
    expect(snils.some((i) => /СНИЛС/.test(i.message))).toBe(true);
    const codes = errorsOf({
      'results/2025/ege.csv': ege([
        ['e1', '11223344500', 'A', 'rus', 70],
        ['e2', '11223344501', 'A', 'rus', 71],
      ]),
    });
    expect(codes).toEqual([]);
  });
  it('refuses passport numbers', () => {
    const e = errorsOf({ 'results/2025/ege.csv': ege([['e1', '4510 123456', 'A', 'rus', 70]]) });
    expect(formatIssue(e[0])).toContain('номер паспорта');
  });
  it('names both rows when one code is at two schools in a file', () => {
    const e = errorsOf({
      'results/2025/ege.csv': ege([
        ['e1', 'S-7', 'A', 'rus', 70],
        ['e2', 'S-7', 'B', 'math_prof', 71],
      ]),
    });
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ line: 3, column: 'Код обучающегося', found: 'S-7' });
    expect(e[0].message).toContain('в строке 2 — «Школа А», в строке 3 — «Школа Б»');
  });
  it('refuses two results of one code in one subject', () => {
    const e = errorsOf({
      'results/2025/ege.csv': ege([
        ['e1', 'S-7', 'A', 'rus', 70],
        ['e2', 'S-7', 'A', 'rus', 71],
      ]),
    });
    expect(e[0].message).toContain('строки 2 и 3');
  });
});

describe('reference/progress-pairs.csv', () => {
  const pairs = (rows: string) =>
    errorsOf({ 'reference/progress-pairs.csv': `id,from_procedure,from_grade,from_subject,lag,to_procedure,to_subject\n${rows}` });
  it('ships four pairs and takes the ИМЦ rows over them', () => {
    const { data } = loadData(
      makeData({
        'schools.csv': SCHOOLS,
        'reference/progress-pairs.csv':
          'id,from_procedure,from_grade,from_subject,lag,to_procedure,to_subject\nvpr7-oge-math,ВПР,7,Математика,2,ОГЭ,Математика\n',
      }),
    );
    expect(data.progressPairs.map((p) => p.id).sort()).toEqual([
      'oge-ege-math',
      'oge-ege-rus',
      'vpr7-oge-math',
      'vpr8-oge-math',
      'vpr8-oge-rus',
    ]);
  });
  it('refuses a lag that does not reach the later grade, ВПР without a grade, an unknown subject', () => {
    const e = pairs('a,oge,,rus,1,ege,rus\nb,vpr,,rus,1,oge,rus\nc,oge,,физкультура,2,ege,rus\n');
    expect(e.map((i) => [i.line, i.column]).sort()).toEqual([
      [2, 'lag'],
      [3, 'from_grade'],
      [4, 'from_subject'],
    ]);
    expect(e.find((i) => i.line === 2)!.message).toContain('из 9 класса через 1 год ученик будет в 10 классе');
  });
});
