import Papa from 'papaparse';
import { fileKind, kindAdvice } from './sniff.ts';

/** A file decoded to text, with what was detected about it. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1251' | 'utf-16le' | 'utf-16be';
}

/** A file the reader cannot take as text: what it is, and (for mixed encodings) the line where it shows. */
export class UnreadableFile extends Error {
  readonly line?: number;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/**
 * Decodes bytes as UTF-8 (BOM stripped) or, when they are not valid UTF-8,
 * as Windows-1251 — what Excel on a Russian Windows writes by default. Excel's
 * «Текст в Юникоде» (UTF-16 with a BOM) is read too. A workbook under a CSV
 * name, binary data and a file whose lines mix the two encodings are refused.
 */
export function decode(bytes: Uint8Array, name = 'data.csv'): DecodedText {
  const kind = fileKind(bytes);
  if (kind !== 'text') throw new UnreadableFile(kindAdvice(kind, name));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = nul < 4096 ? undefined : bytes.subarray(0, nul).reduce((n, b) => n + (b === 10 ? 1 : 0), 1);
    throw new UnreadableFile(
      'Файл не похож на текст: в нём есть нулевые байты. Откройте его в Excel и сохраните как «CSV (разделители — точки с запятой)» или «CSV UTF-8».',
      line,
    );
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const mixed = mixedEncodingLines(bytes);
    if (mixed) {
      throw new UnreadableFile(
        `В файле смешаны кодировки: строка ${mixed.utf8} записана в UTF-8, а строка ${mixed.other} — в другой кодировке (Windows-1251). Так бывает, когда строки вставляют из разных файлов. Откройте файл в Excel и сохраните его заново одним файлом «CSV UTF-8».`,
        mixed.other,
      );
    }
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

/**
 * In a file that is not valid UTF-8: the first line that holds valid UTF-8
 * letters beyond ASCII and the first that is not UTF-8, when both exist. A
 * Windows-1251 line almost never forms valid multi-byte sequences by chance.
 */
function mixedEncodingLines(bytes: Uint8Array): { utf8: number; other: number } | undefined {
  let utf8: number | undefined;
  let other: number | undefined;
  let line = 1;
  let good = false;
  let bad = false;
  const endLine = () => {
    if (bad) other ??= line;
    else if (good) utf8 ??= line;
    good = bad = false;
  };
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b === 0x0a) {
      endLine();
      line++;
      i++;
      continue;
    }
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      good = true;
      i += len;
    } else {
      bad = true;
      i++;
    }
    if (utf8 !== undefined && other !== undefined) break;
  }
  endLine();
  return utf8 !== undefined && other !== undefined ? { utf8, other } : undefined;
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
  /** What went wrong while splitting the row (an unclosed quote), in Russian. */
  problem?: string;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes:
    'Кавычка, открытая в этой строке, не закрыта до конца файла, и всё, что идёт после неё, попало в одну ячейку. Закройте кавычку или уберите её.',
  InvalidQuotes:
    'Кавычки записаны неверно: ячейка начинается с кавычки, но после закрывающей кавычки идёт ещё текст. Кавычку внутри значения пишут двумя кавычками ("") или значение не берут в кавычки.',
};

/**
 * Streams a text row by row, keeping each row's line number (quoted fields
 * may hold newlines, so rows and lines differ). Blank rows and trailing empty
 * cells are dropped. Streaming keeps only one row in memory besides the text.
 */
export function eachRow(text: string, onRow: (row: CsvRow) => void, delimiter = detectDelimiter(text)): void {
  let line = 1;
  let scanned = 0;
  const countLines = (upto: number) => {
    // A line ends with LF, CRLF, or a lone CR (files from old Macs).
    for (let i = scanned; i < upto; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
    }
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
      const problem = result.errors.map((e) => QUOTE_PROBLEMS[e.code]).find(Boolean);
      if (end === 0 && !problem) return;
      onRow({ line: startLine, cells: end === cells.length ? cells : cells.slice(0, end), problem });
    },
  });
}
