/** Writing CSV: RFC 4180 quoting; the Excel dialect uses `;`, decimal comma, BOM and CRLF. */
export type Cell = string | number | undefined | null;

export interface Dialect {
  delimiter: string;
  decimalComma: boolean;
  bom: boolean;
  eol: string;
}

export const OPEN: Dialect = { delimiter: ',', decimalComma: false, bom: false, eol: '\n' };
export const EXCEL: Dialect = { delimiter: ';', decimalComma: true, bom: true, eol: '\r\n' };

export function toCsv(header: string[], rows: Cell[][], d: Dialect = OPEN, numeric: ReadonlySet<number> = new Set()): string {
  const esc = (c: Cell, i: number) => {
    let s = c === undefined || c === null ? '' : String(c);
    if (d.decimalComma && numeric.has(i)) s = s.replace('.', ',');
    return s.includes(d.delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header, ...rows].map((r) => r.map(esc).join(d.delimiter));
  return (d.bom ? '\ufeff' : '') + lines.join(d.eol) + d.eol;
}
