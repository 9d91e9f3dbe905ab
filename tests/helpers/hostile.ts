/**
 * The corpus of hostile and broken inputs (tests/fixtures/hostile/): each
 * folder is one case, files laid over a good data folder, with `case.json`
 * saying what it is and what a person must be told. Adding a case is adding
 * a folder. Inputs too big or too random to keep in git are made here.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomLcg } from 'd3';
import { strToU8, zipSync } from 'fflate';
import { BUILD_TIMEOUT, ROOT } from './build.ts';
import { toCp1251 } from './fixture.ts';

export const CORPUS = join(ROOT, 'tests', 'fixtures', 'hostile');

export interface HostileCase {
  name: string;
  what: string;
  /** `error`: both commands stop and name the problem; `accepted`: read as the data guide says. */
  verdict: 'error' | 'accepted';
  /** Patterns every one of which some line of the output must match. */
  messages: string[];
  remove?: string[];
  generate?: keyof typeof GENERATORS;
  /** Values planted in the case that no message may quote (personal data). */
  absent?: string[];
}

export function hostileCases(): HostileCase[] {
  return readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, messages: [], ...JSON.parse(readFileSync(join(CORPUS, d.name, 'case.json'), 'utf8')) }));
}

const EGE = 'results/2022/ege.csv';
const HEADER = 'Код участника;Код ОО;Предмет;Тестовый балл;Категория';

/** Inputs made at run time, each into the data folder `d`. */
export const GENERATORS = {
  /** Random bytes named ege.csv. */
  garbage: (d: string) => {
    const rnd = randomLcg(7);
    writeFileSync(
      join(d, EGE),
      Uint8Array.from({ length: 4096 }, () => Math.floor(rnd() * 256)),
    );
  },
  /** A workbook saved under the CSV's name. */
  'xlsx-as-csv': (d: string) => cpSync(join(CORPUS, 'xlsx-title-rows', 'data', 'results/2022/ege.xlsx'), join(d, EGE)),
  /** The same table as CSV and as a workbook. */
  'csv-and-xlsx': (d: string) => cpSync(join(CORPUS, 'xlsx-title-rows', 'data', 'results/2022/ege.xlsx'), join(d, 'results/2022/ege.xlsx')),
  /** Excel's «Текст в Юникоде»: UTF-16LE with a BOM, tab-separated. */
  utf16: (d: string) => {
    const text = [HEADER, '1;01;Русский язык;60;ВТГ', '2;01;Русский язык;61;ВТГ'].map((l) => l.replace(/;/g, '\t')).join('\r\n');
    writeFileSync(join(d, EGE), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  },
  /** Two lines in UTF-8, the third pasted from a Windows-1251 file. */
  'mixed-encodings': (d: string) => {
    const utf8 = Buffer.from(`${HEADER}\r\n1;01;Русский язык;60;ВТГ\r\n`, 'utf8');
    writeFileSync(join(d, EGE), Buffer.concat([utf8, toCp1251('2;01;Русский язык;61;ВТГ\r\n')]));
  },
  /** A NUL byte deep in an otherwise good file. */
  'nul-late': (d: string) => {
    const rows = Array.from({ length: 400 }, (_, i) => `${i + 1};01;Русский язык;${50 + (i % 40)};ВТГ`);
    writeFileSync(join(d, EGE), `${HEADER}\r\n${rows.join('\r\n')}\r\n401;01;Русский\0язык;60;ВТГ\r\n`);
  },
  /** A 2 MB cell. */
  'huge-cell': (d: string) =>
    writeFileSync(join(d, EGE), `${HEADER}\r\n1;01;Русский язык;60;ВТГ\r\n${'Я'.repeat(2_000_000)};01;Русский язык;61;ВТГ\r\n`),
  /** A header of 5,000 columns (limits.max_columns is 500). */
  wide: (d: string) => {
    const cols = Array.from({ length: 5000 }, (_, i) => `c${i}`).join(';');
    writeFileSync(join(d, EGE), `${cols}\r\n${cols.replace(/c\d+/g, '1')}\r\n`);
  },
  /** 1,5 MB of good rows, over the case's 1 MB limit. */
  large: (d: string) => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `${i + 1};01;Русский язык;${50 + (i % 40)};ВТГ`);
    const text = `${HEADER}\r\n${rows.join('\r\n')}\r\n`;
    writeFileSync(join(d, EGE), toCp1251(text.slice(0, 1.5 * 1024 * 1024 - 40).replace(/[^\n]*$/, '')));
  },
  /** A workbook whose sheet unpacks to 20 MB of spaces, packed into a few kilobytes. */
  bomb: (d: string) => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(20 * 1024 * 1024)}</sheetData></worksheet>`;
    writeFileSync(
      join(d, 'results/2022/ege.xlsx'),
      zipSync(
        { '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'), 'xl/worksheets/sheet1.xml': strToU8(sheet) },
        { level: 9 },
      ),
    );
    rmSync(join(d, EGE), { force: true });
  },
  /** 50 MB of random rows under a good header. */
  'random-rows': (d: string) => {
    const rnd = randomLcg(11);
    const words = ['Русский язык', 'абв', '', '12', '-3', '7,5', 'ВТГ', '01', '"', 'x;y', '999999', 'Математика'];
    const lines: string[] = [HEADER];
    let size = 0;
    while (size < 50 * 1024 * 1024) {
      const n = 1 + Math.floor(rnd() * 8);
      const line = Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(';');
      lines.push(line);
      size += Buffer.byteLength(line) + 2;
    }
    writeFileSync(join(d, EGE), lines.join('\r\n'));
  },
};

/** A data folder for the case: the good one, with the case's files laid over it. */
export function caseData(c: HostileCase, good: string): string {
  const dir = mkdtempSync(join(tmpdir(), `msoko-hostile-${c.name}-`));
  cpSync(good, dir, { recursive: true });
  for (const r of c.remove ?? []) rmSync(join(dir, r), { force: true });
  const overlay = join(CORPUS, c.name, 'data');
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  if (c.generate) GENERATORS[c.generate](dir);
  return dir;
}

export interface Run {
  code: number | null;
  output: string;
  ms: number;
  killed: boolean;
}

/** Runs a project script as `npm run` would, stopping it after `limit` ms. */
export function runScript(script: string, env: Record<string, string>, args: string[] = [], limit = BUILD_TIMEOUT): Promise<Run> {
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'scripts', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1795392000', ...env },
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (output += b.toString('utf8')));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limit);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, output, ms: performance.now() - t0, killed });
    });
  });
}
