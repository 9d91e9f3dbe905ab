/**
 * Reads an .xlsx workbook with exceljs (asynchronous) in a worker thread, so
 * the data reader can stay synchronous (synckit waits for the answer). Cells
 * come back as text the way the CSV reader takes them: numbers with a decimal
 * point, dates as YYYY-MM-DD, formulas as their result.
 */
import ExcelJS from 'exceljs';
import { runAsWorker } from 'synckit';

export interface SheetRows {
  /** The sheet read: the one named like the file, or the first. */
  sheet: string;
  sheets: string[];
  /** Non-empty rows: the Excel row number and the text of each cell (index 0 = column A). */
  rows: { line: number; cells: string[] }[];
}

const pad = (n: number) => String(n).padStart(2, '0');

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(15)));
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  // Excel keeps dates as days; exceljs gives them as UTC dates.
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return text((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '');
  if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  return String(v);
}

/**
 * A cell formatted as a percentage keeps its fraction: «91,7%» typed in Excel is 0.917. The table means the percent
 * Excel shows, so it is read ×100 (a formula's result too).
 */
function percent(v: ExcelJS.CellValue, format: string | undefined): ExcelJS.CellValue {
  if (!format || !/%/.test(format.replace(/"[^"]*"|\\./g, ''))) return v;
  if (typeof v === 'number') return Number((v * 100).toPrecision(15));
  if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'number') return Number((v.result * 100).toPrecision(15));
  return v;
}

runAsWorker(async (path: string, wanted: string): Promise<SheetRows> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets = wb.worksheets.map((w) => w.name);
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === wanted.toLowerCase()) ?? wb.worksheets[0];
  const rows: SheetRows['rows'] = [];
  ws?.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = text(percent(cell.value, cell.numFmt)).trim();
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    // Trailing empty cells (formatting without values) are not columns.
    while (cells.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.length) rows.push({ line, cells });
  });
  return { sheet: ws?.name ?? '', sheets, rows };
});
