import Papa from 'papaparse';

/** A file decoded to text, with what was detected about it. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
}

/** A file that is not text at all: an Excel workbook saved under a .csv name, for instance. */
export class NotTextError extends Error {}

/**
 * Decodes bytes as UTF-8 (BOM stripped) or, when they are not valid UTF-8,
 * as Windows-1251 — what Excel on a Russian Windows writes by default. Excel's
 * «Текст в Юникоде» (UTF-16 with a BOM) is read too.
 */
export function decode(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new NotTextError('Это книга Excel (xlsx), а не CSV-файл.');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (bytes.subarray(0, 4096).includes(0)) throw new NotTextError('Файл не похож на текст (в нём есть нулевые байты).');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

/**
 * Picks the delimiter from the header line: the most frequent of `;`, tab and
 * `,` outside quotes. Ties go to `;` then tab, since a Russian header line with
 * a comma inside a name is far likelier than one with a semicolon.
 */
export function detectDelimiter(text: string): string {
  let header = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (header.trim() !== '') break;
      header = '';
      continue;
    }
    if (!quoted) header += ch;
  }
  const counts = [';', '\t', ','].map((d) => [d, header.split(d).length - 1] as const);
  let best = counts[0];
  for (const c of counts) if (c[1] > best[1]) best = c;
  return best[1] === 0 ? ',' : best[0];
}

/** A parsed row with the 1-based line of the file on which it starts. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Streams a text row by row, keeping each row's line number (quoted fields
 * may hold newlines, so rows and lines differ). Blank rows and trailing empty
 * cells are dropped. Streaming keeps only one row in memory besides the text.
 */
export function eachRow(text: string, onRow: (row: CsvRow) => void, delimiter = detectDelimiter(text)): void {
  let line = 1;
  let scanned = 0;
  const countLines = (upto: number) => {
    for (let i = scanned; i < upto; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = upto;
  };
  // Where the next row starts: after the previous row's newline.
  let rowStart = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (result) => {
      countLines(rowStart);
      const startLine = line;
      rowStart = result.meta.cursor;
      // Step past the row's own line break.
      if (text.charCodeAt(rowStart) === 13) rowStart++;
      if (text.charCodeAt(rowStart) === 10) rowStart++;
      const cells = result.data;
      let end = cells.length;
      while (end > 0 && cells[end - 1].trim() === '') end--;
      if (end === 0) return;
      onRow({ line: startLine, cells: end === cells.length ? cells : cells.slice(0, end) });
    },
  });
}
