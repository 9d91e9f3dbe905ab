import { describe, expect, it } from 'vitest';
import { decode, detectDelimiter, eachRow, type CsvRow } from '../src/lib/data/csv.ts';
import { toCp1251 } from './helpers/fixture.ts';

describe('decode', () => {
  it('reads Windows-1251 when the bytes are not UTF-8', () => {
    const r = decode(toCp1251('Код ОО;Тестовый балл\n'));
    expect(r.encoding).toBe('windows-1251');
    expect(r.text).toBe('Код ОО;Тестовый балл\n');
  });
  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Код ОО,x')]);
    expect(decode(bytes)).toEqual({ text: 'Код ОО,x', encoding: 'utf-8' });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a;b;c\n1,5;2;3', ';'],
    ['a\tb\tc\n', '\t'],
    ['a,b,c\n', ','],
    ['"a;x",b,c\n', ','],
    ['\n\nКод ОО;Предмет\n', ';'],
  ])('%j → %j', (text, d) => expect(detectDelimiter(text)).toBe(d));
  it('prefers ; on a tie, since Russian numbers carry commas', () => expect(detectDelimiter('Москва;1,5\n')).toBe(';'));
});

describe('eachRow', () => {
  it('keeps the line where each row starts, across quoted newlines, CRLF and blank lines', () => {
    const rows: CsvRow[] = [];
    eachRow('a;b\r\n1;"x\r\ny"\r\n\r\n2;z;;\r\n', (r) => rows.push(r));
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\r\ny'] },
      { line: 5, cells: ['2', 'z'] },
    ]);
  });
});
