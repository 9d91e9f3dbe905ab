/** Turns CSV files into Excel workbooks the way an ИМЦ employee would: title rows on top, numbers as numbers. */
import ExcelJS from 'exceljs';
import { decode, eachRow } from '../../src/lib/data/csv.ts';

export async function toWorkbook(
  csv: string | Uint8Array,
  opts: { sheet?: string; title?: string[]; extraSheetFirst?: boolean } = {},
): Promise<Buffer> {
  const text = typeof csv === 'string' ? csv : decode(csv).text;
  const wb = new ExcelJS.Workbook();
  if (opts.extraSheetFirst) wb.addWorksheet('Пояснения').addRow(['Это лист с пояснениями, не с данными']);
  const ws = wb.addWorksheet(opts.sheet ?? 'Лист1');
  for (const t of opts.title ?? []) ws.addRow([t]);
  if (opts.title?.length) ws.addRow([]);
  let header = true;
  eachRow(text, (row) => {
    // Excel keeps a number typed into a cell as a number: codes with leading zeros and decimals with a comma stay text here.
    ws.addRow(row.cells.map((c) => (!header && /^-?\d+(\.\d+)?$/.test(c.trim()) && !/^0\d/.test(c.trim()) ? Number(c) : c)));
    header = false;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
