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
/** A formula's first character right after a character some spreadsheet splits cells or lines at. */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(\s*)(?=[=+\-@])/g;
/** What makes a cell need quotes under any of the three separators. */
const NEEDS_QUOTES = /[,;\t"\r\n]/;

/**
 * A text that a spreadsheet would run as a formula (it starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return) gets a leading apostrophe, as OWASP's
 * CSV-injection guidance says: Excel and LibreOffice then show it as text. A
 * plain number (`-1.25`, `+3`) stays a number. The same holds after a `,`,
 * `;` or tab inside the text: Russian Excel opens a comma-separated file with
 * its own separator `;`, and `СОШ;=1+1` would become the cell `=1+1`.
 */
export function safeText(s: string): string {
  if (PLAIN_NUMBER.test(s)) return s;
  const inner = s.replace(FORMULA_AFTER_SEPARATOR, (_, sep: string, space: string) => `${sep}${space}'`);
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/** One CSV line (without its end of line). */
export function csvLine(cells: Cell[], d: Dialect = OPEN, numeric: ReadonlySet<number> = new Set()): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    let s = c === undefined || c === null ? '' : typeof c === 'number' ? String(c) : safeText(c);
    // A number's decimal comma stays bare: read with «,» it splits into two numbers, never into a formula.
    if (d.decimalComma && numeric.has(i) && PLAIN_NUMBER.test(s)) s = s.replace('.', ',');
    // Text is quoted when any separator is inside, not only this file's: the file may be opened with another.
    else if (NEEDS_QUOTES.test(s) || s.includes(d.delimiter)) s = `"${s.replace(/"/g, '""')}"`;
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
