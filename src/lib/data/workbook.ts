/** Excel workbooks as data files: the same tables as CSV, read through exceljs. */
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import type { SheetRows } from './workbook-worker.ts';

let read: ((path: string, wanted: string) => SheetRows) | undefined;

/** The rows of the workbook's sheet named `wanted` (case-insensitive), or of its first sheet. */
export function readWorkbook(path: string, wanted: string): SheetRows {
  read ??= createSyncFn(fileURLToPath(new URL('./workbook-worker.ts', import.meta.url)), { timeout: 120_000 });
  return read(path, wanted);
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
