/** Excel workbooks in place of CSV files: the same numbers, messages that name the sheet, row and column. */
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/lib/data/issues.ts';
import { loadData } from '../src/lib/data/load.ts';
import { buildModel } from '../src/lib/model/build.ts';
import { openDataFiles } from '../src/lib/opendata/write.ts';
import { csv, makeData, SCHOOLS } from './helpers/fixture.ts';
import { independentMunicipality } from './helpers/independent.ts';
import { toWorkbook } from './helpers/workbook.ts';

const env = { SOURCE_DATE_EPOCH: '1790000000' };

/** Every CSV of a data folder (but reference/) saved as a workbook with a title row, in a copy of the folder. */
async function asWorkbooks(dir: string): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'msoko-xlsx-'));
  cpSync(dir, out, { recursive: true });
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  for (const f of walk(out)) {
    const rel = relative(out, f);
    if (!f.endsWith('.csv') || rel.startsWith('reference')) continue;
    writeFileSync(
      f.replace(/\.csv$/, '.xlsx'),
      await toWorkbook(readFileSync(f), { sheet: 'Данные', title: [`Таблица ${rel}`, 'Выгрузка РЦОИ'], extraSheetFirst: false }),
    );
    rmSync(f);
  }
  return out;
}

describe('a municipality whose files are all workbooks', () => {
  it('gives byte-identical open data to the same tables saved as CSV', async () => {
    const dir = independentMunicipality();
    const books = await asWorkbooks(dir);
    const a = buildModel(dir, env);
    const b = buildModel(books, env);
    expect(a.log.errors).toEqual([]);
    expect(b.log.errors).toEqual([]);
    const fa = openDataFiles(a.model);
    const fb = openDataFiles(b.model);
    for (const name of fa.keys()) if (name !== 'meta.json') expect(fb.get(name), name).toBe(fa.get(name));
    expect(JSON.parse(fb.get('meta.json')!).sources.some((s: { path: string }) => s.path.endsWith('.xlsx'))).toBe(true);
  });
});

describe('workbook messages', () => {
  const ege = (rows: (string | number)[][]) => csv([['participant_id', 'school_id', 'subject', 'test_score'], ...rows]);
  it('names the sheet, the Excel row number and the column by letter and header', async () => {
    const book = await toWorkbook(
      ege([
        ['1', 'A', 'rus', 72],
        ['2', 'A', 'rus', 'сто'],
      ]),
      { sheet: 'ЕГЭ', title: ['Результаты ЕГЭ'] },
    );
    const { log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.xlsx': book }));
    // Title, blank row, header on row 3: the bad score is on Excel row 5, column D.
    expect(log.errors.map(formatIssue)).toEqual([
      expect.stringMatching(
        /^data\/results\/2025\/ege\.xlsx, лист «ЕГЭ», строка 5, столбец D «test_score»: Значение не подходит\. Найдено: «сто»\./,
      ),
    ]);
  });
  it('stops at a «ФИО» column before reading any row', async () => {
    const book = await toWorkbook(
      csv([
        ['participant_id', 'ФИО', 'school_id', 'subject', 'test_score'],
        ['1', 'Иванов Иван', 'Z', 'rus', 'x'],
      ]),
      { sheet: 'ege' },
    );
    const { log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.xlsx': book }));
    expect(log.errors).toHaveLength(1);
    expect(formatIssue(log.errors[0])).toMatch(/лист «ege», строка 1, столбец B «ФИО»: Столбец похож на персональные данные/);
  });
  it('refuses the same file given as CSV and as a workbook', async () => {
    const rows = ege([['1', 'A', 'rus', 72]]);
    const { log } = loadData(
      makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.csv': rows, 'results/2025/ege.xlsx': await toWorkbook(rows) }),
    );
    expect(log.errors.map(formatIssue)).toEqual([
      expect.stringContaining('Один и тот же файл дан дважды: results/2025/ege.csv и results/2025/ege.xlsx'),
    ]);
  });
  it('reads a cell Excel shows as a percentage as the percent it shows, not its fraction', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('region');
    ws.addRow(['indicator', 'year', 'subject', 'value']);
    ws.addRow(['ege.below_min_share', 2025, 'rus', 0.917]).getCell(4).numFmt = '0.0%';
    ws.addRow(['ege.mean', 2025, 'rus', 70.5]);
    const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'region.xlsx': Buffer.from(await wb.xlsx.writeBuffer()) }));
    expect(log.errors).toEqual([]);
    expect(data.region.map((r) => r.value)).toEqual([91.7, 70.5]);
  });
  it('gives one message for tasks.xlsx beside tasks.csv, not one per work whose tasks seem undescribed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'msoko-tasks-twice-'));
    cpSync(join(import.meta.dirname, '..', 'data'), dir, { recursive: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('tasks');
    for (const line of readFileSync(join(dir, 'reference', 'tasks.csv'), 'utf8')
      .trim()
      .split('\n'))
      ws.addRow(line.split(','));
    writeFileSync(join(dir, 'reference', 'tasks.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const { log } = loadData(dir);
    expect(log.errors.map(formatIssue)).toEqual([expect.stringMatching(/^data\/reference\/tasks\.csv: Один и тот же файл дан дважды/)]);
  });
  it('reads the sheet named like the file when it is not the first', async () => {
    const book = await toWorkbook(ege([['1', 'A', 'rus', 72]]), { sheet: 'ege', extraSheetFirst: true });
    const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.xlsx': book }));
    expect(log.errors).toEqual([]);
    expect(data.years.get(2025)!.ege!.map((r) => r.test_score)).toEqual([72]);
  });
  it('names the workbook in checks across files (an unknown school code)', async () => {
    const { log } = loadData(
      makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.xlsx': await toWorkbook(ege([['1', 'Q', 'rus', 72]]), { sheet: 'ege' }) }),
    );
    expect(log.errors.map(formatIssue)).toEqual([
      expect.stringMatching(/^data\/results\/2025\/ege\.xlsx, лист «ege», строка 2, столбец B «school_id»: Школы с таким кодом нет/),
    ]);
  });
  it('explains a file that is not a workbook', () => {
    const { log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.xlsx': 'participant_id,school_id\n1,A\n' }));
    expect(log.errors.map(formatIssue)).toEqual([expect.stringContaining('Это текстовый файл, а не книга Excel: переименуйте его в .csv')]);
  });
});
