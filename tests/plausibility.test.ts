/** Plausibility review: each warning on a fixture that should raise it, with its numbers; none on a clean season. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/lib/data/load.ts';
import { csv, makeData } from './helpers/fixture.ts';

const SCHOOLS = 'school_id,name,closed\nA,Школа А,\nB,Школа Б,\nC,Школа В,2024\n';
const HEAD = ['participant_id', 'school_id', 'subject', 'test_score'];
/** `n` ЕГЭ results of a school in a subject around `mean` (±3, the same every year unless `shift`). */
const rows = (year: number, school: string, n: number, mean: number, subject = 'rus', shift = 0) =>
  Array.from({ length: n }, (_, i) => [`${year}-${school}${subject}${i}`, school, subject, mean + ((i % 7) - 3) + shift]);
const warnings = (files: Record<string, string>) =>
  loadData(makeData({ 'schools.csv': SCHOOLS, ...files })).log.warnings.map((w) => `${w.file}: ${w.message}`);
const season = (r2024: (string | number)[][], r2025: (string | number)[][]) => ({
  'results/2024/ege.csv': csv([HEAD, ...r2024]),
  'results/2025/ege.csv': csv([HEAD, ...r2025]),
});

describe('plausibility warnings', () => {
  const base = [...rows(2024, 'A', 20, 75), ...rows(2024, 'B', 20, 55)];
  it('raises none on a season like the one before', () => {
    expect(warnings(season(base, [...rows(2025, 'A', 21, 75, 'rus', 1), ...rows(2025, 'B', 19, 55)]))).toEqual([]);
  });
  it('names a school whose participants changed by more than half, with both counts', () => {
    const w = warnings(season(base, [...rows(2025, 'A', 8, 75, 'rus', 1), ...rows(2025, 'B', 20, 55, 'rus', 1)]));
    expect(w).toEqual([
      'results/2025/ege.csv: Участников ЕГЭ в школе «Школа А» 8, а в 2024 году было 20 (−60\u00a0%). Проверьте, весь ли файл школы попал в выгрузку и не перепутан ли код школы.',
    ]);
  });
  it('names a school whose mean jumped beyond its chance while the municipality stood still (codes swapped)', () => {
    const w = warnings(season(base, [...rows(2025, 'B', 20, 75, 'rus', 1), ...rows(2025, 'A', 20, 55, 'rus', 1)]));
    expect(w).toHaveLength(2);
    // A in 2024: 75 + offsets −3…3 twice and −3…2 once = 75 − 3/20 = 74,85; in 2025 (B's rows, +1): 55,85.
    expect(w[0]).toMatch(
      /^results\/2025\/ege\.csv: Средний балл ЕГЭ \(русский язык\) в школе «Школа А» 55,9, а в 2024 году был 74,9: изменение в \d+,\d раза больше стандартной ошибки, а по муниципалитету — в 0,\d\./,
    );
  });
  it('names a school and a subject present last year and missing now; not a school closed since', () => {
    const w = warnings(
      season([...base, ...rows(2024, 'A', 12, 60, 'math_prof'), ...rows(2024, 'C', 15, 60)], [...rows(2025, 'A', 20, 75, 'rus', 1)]),
    );
    expect(w).toEqual([
      'results/2025/ege.csv: Нет результатов ЕГЭ школы «Школа Б», а в 2024 году было 20 участников. Проверьте, попала ли школа в выгрузку и верен ли её код.',
      'results/2025/ege.csv: Нет результатов ЕГЭ (математика (профильный уровень)), а в 2024 году было 12. Если предмет сдавали, проверьте выгрузку.',
    ]);
  });
  it("names a school whose rows are last year's (the same subjects and scores)", () => {
    const copied = base.map((r) => [String(r[0]).replace('2024', '2025'), ...r.slice(1)]);
    const w = warnings(season(base, copied));
    expect(w).toContain(
      'results/2025/ege.csv: Строки школы «Школа А» (20) совпадают со строками 2024 года: те же предметы и те же баллы. Не скопирован ли файл прошлого года?',
    );
  });
  it('names a year folder whose participant codes carry another year', () => {
    const w = warnings(season(base, [...rows(2024, 'A', 21, 75, 'rus', 1), ...rows(2024, 'B', 19, 55)]));
    expect(w).toContain(
      'results/2025/ege.csv: Коды участников начинаются с 2024 года (40 из 40), а файл лежит в папке 2025 года. Не файл ли это другого года?',
    );
  });
});

describe('the demo data', () => {
  it('is a clean season: no plausibility warning', () => {
    const w = loadData('data').log.warnings.filter((i) => !i.file.startsWith('roadmap/'));
    expect(w.map((i) => i.message)).toEqual([]);
  });
});

describe('last year’s file copied, found by its content', () => {
  it('names each results file that repeats last year’s rows, and the demo season has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copies-'));
    cpSync('data', dir, { recursive: true });
    const copies = (d: string) =>
      loadData(d)
        .log.warnings.filter((w) => w.slip && /совпадает с файлом/.test(w.message))
        .map((w) => w.file);
    expect(copies(dir)).toEqual([]);
    const copied = ['graduates', 'monitoring', 'interview', 'context'];
    for (const f of copied) cpSync(join(dir, 'results', '2024', `${f}.csv`), join(dir, 'results', '2025', `${f}.csv`));
    expect(copies(dir).sort()).toEqual(copied.map((f) => `results/2025/${f}.csv`).sort());
    const [w] = loadData(dir).log.warnings.filter((x) => x.file === 'results/2025/graduates.csv' && x.slip);
    expect(w.message).toMatch(
      /^Файл «[^»]+» 2025 года совпадает с файлом 2024 года: все \d+\s(?:строка|строки|строк) те же \(школы и числа\)\. Не скопирован ли файл прошлого года\?/,
    );
    // A real next year shares a row or two with the last (a school with the same counts), never nearly all.
    const real = readFileSync(join('data', 'results', '2024', 'graduates.csv'), 'utf8').split('\n');
    writeFileSync(
      join(dir, 'results', '2025', 'graduates.csv'),
      [...real.slice(0, 3), ...real.slice(3).map((l) => l.replace(/,(\d+)(\r?)$/, (_, n, cr) => `,${Number(n) + 1}${cr}`))].join('\n'),
    );
    expect(copies(dir)).not.toContain('results/2025/graduates.csv');
  });
});
