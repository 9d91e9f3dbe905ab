/**
 * Writing CSV: RFC 4180 quoting; the Excel dialect uses `;`, decimal comma, BOM
 * and CRLF. Every file the site writes goes through `csvLine`, which also makes
 * text safe to open in a spreadsheet (`safeText`).
 */
export type Cell = string | number | undefined | null;

export interface Dialect {
  delimiter: string;
  decimalComma: boolean;
  bom: boolean;
  eol: string;
}

export const OPEN: Dialect = { delimiter: ',', decimalComma: false, bom: false, eol: '\n' };
export const EXCEL: Dialect = { delimiter: ';', decimalComma: true, bom: true, eol: '\r\n' };

const PLAIN_NUMBER = /^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text that a spreadsheet would run as a formula (it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe, as OWASP's
 * CSV-injection guidance says: Excel and LibreOffice then show it as text. A
 * plain number (`-1.25`, `+3`) stays a number.
 */
export function safeText(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** One CSV line (without its end of line). */
export function csvLine(cells: Cell[], d: Dialect = OPEN, numeric: ReadonlySet<number> = new Set()): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    let s = c === undefined || c === null ? '' : typeof c === 'number' ? String(c) : safeText(c);
    if (d.decimalComma && numeric.has(i)) s = s.replace('.', ',');
    if (s.includes(d.delimiter) || /["\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
    out += i === 0 ? s : d.delimiter + s;
  }
  return out;
}

/** A CSV file in pieces of a few thousand rows: a million rows are written without holding the whole text. */
export function* csvChunks(
  header: string[],
  rows: Iterable<Cell[]>,
  d: Dialect = OPEN,
  numeric: ReadonlySet<number> = new Set(),
): Generator<string> {
  let chunk = (d.bom ? '\ufeff' : '') + csvLine(header, d, numeric) + d.eol;
  let n = 0;
  for (const r of rows) {
    chunk += csvLine(r, d, numeric) + d.eol;
    if (++n % 5000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function toCsv(header: string[], rows: Cell[][], d: Dialect = OPEN, numeric: ReadonlySet<number> = new Set()): string {
  return [...csvChunks(header, rows, d, numeric)].join('');
}
