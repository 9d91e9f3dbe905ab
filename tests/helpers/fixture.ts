/** Builds small data folders for tests in a temporary directory, in any CSV dialect. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ProgressPair } from '../../src/lib/data/tables.ts';

let cp1251: Map<string, number> | undefined;
/** Encodes text as Windows-1251, as Excel on a Russian Windows saves CSV. */
export function toCp1251(text: string): Uint8Array {
  if (!cp1251) {
    cp1251 = new Map();
    const dec = new TextDecoder('windows-1251');
    for (let b = 0; b < 256; b++) cp1251.set(dec.decode(new Uint8Array([b])), b);
  }
  const out: number[] = [];
  for (const ch of text) {
    const b = cp1251.get(ch);
    if (b === undefined) throw new Error(`not in cp1251: ${ch}`);
    out.push(b);
  }
  return new Uint8Array(out);
}

export const SITE_YAML = `municipality:
  name: Тестовый район
  genitive: Тестового района
  region: Тестовая область
department:
  name: Отдел образования
imc:
  name: ИМЦ
site:
  url: https://example.org
`;

const REF = join(import.meta.dirname, '..', '..', 'data', 'reference');

/** A data folder with the shipped reference files, site.yaml and the given files. */
export function makeData(files: Record<string, string | Uint8Array>, opts: { reference?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'msoko-data-'));
  const all: Record<string, string | Uint8Array> = {
    'site.yaml': SITE_YAML,
    ...(opts.reference === false
      ? {}
      : {
          'reference/subjects.csv': readFileSync(join(REF, 'subjects.csv')),
          'reference/scales.csv': readFileSync(join(REF, 'scales.csv')),
          'reference/ege-marks.csv': readFileSync(join(REF, 'ege-marks.csv')),
        }),
    ...files,
  };
  for (const [rel, content] of Object.entries(all)) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

export const SCHOOLS = 'school_id,name\nA,Школа А\nB,Школа Б\n';

/** CSV from rows (comma, LF). */
export const csv = (rows: (string | number | undefined)[][]) =>
  rows.map((r) => r.map((v) => (v === undefined ? '' : String(v))).join(',')).join('\n') + '\n';

/** The default pair ОГЭ → ЕГЭ in Russian, as reference/progress-pairs.csv ships it. */
export const OGE_EGE_RUS: ProgressPair = {
  line: 2,
  id: 'oge-ege-rus',
  from_procedure: 'oge',
  from_grade: 9,
  from_subject: 'rus',
  lag: 2,
  to_procedure: 'ege',
  to_subject: 'rus',
};
