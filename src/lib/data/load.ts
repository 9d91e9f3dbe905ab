import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { bookTooLarge, fileTooLarge } from './limits.ts';
import { hidePersonalInSettings } from './personal.ts';
import { lookup } from './cells.ts';
import { checkDataset } from './checks.ts';
import { decode, UnreadableFile, type CsvRow } from './csv.ts';
import { fileKind, FOREIGN, kindAdvice, SPREADSHEET } from './sniff.ts';
import { IssueLog } from './issues.ts';
import { normKey } from './normalize.ts';
import { readRoadmaps } from './roadmap.ts';
import { isKindergarten, mechanismCell, MECH_PREFIX } from './mechanisms.ts';
import * as S from './schemas.ts';
import { z } from 'zod';
import { closest } from './similar.ts';
import { SETTING_HINTS, siteConfigSchema, YAML_ERRORS, type SiteConfig } from './site-config.ts';
import { readRows, readTable, type RowOf, type TableSpec } from './table.ts';
import { RESULTS_FILES, type YearResults } from './results/index.ts';
import { columnLetter, readWorkbook } from './workbook.ts';
import type { Dataset, SourceFile, Subject } from './tables.ts';

export type { Dataset } from './tables.ts';


export interface LoadResult {
  data: Dataset;
  log: IssueLog;
}

/** Shipped reference data; the build script and tests run from the project root. */
const DEFAULTS = existsSync(join(import.meta.dirname ?? '', 'reference')) ? import.meta.dirname : join(process.cwd(), 'src', 'lib', 'data');


/**
 * Reads and validates the whole data folder. Never throws on bad data: every
 * problem goes to the log, so one run reports them all.
 */
export function loadData(dir: string, knownIndicators: ReadonlySet<string> = new Set()): LoadResult {
  const log = new IssueLog();
  const sources: SourceFile[] = [];
  // Column names as written in each file, so that messages say «Код ОО» where the file says so.
  const headers = new Map<string, Record<string, string>>();

  // The limits of site.yaml once it is read; site.yaml itself is read under the defaults.
  let limits = siteConfigSchema.shape.limits.parse(undefined);
  const tooLarge = (rel: string, path: string) => fileTooLarge(rel, statSync(path).size, limits.max_file_mb, log);
  /** The file's text; undefined when there is no file, null when it is not text or too large (already reported). */
  const readText = (rel: string, root = dir): string | null | undefined => {
    const path = join(root, rel);
    if (!existsSync(path)) return undefined;
    if (tooLarge(rel, path)) return null;
    const bytes = readFileSync(path);
    sources.push({ path: root === dir ? rel : `${rel} (по умолчанию)`, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: '', rows: 0 });
    try {
      const { text, encoding } = decode(bytes, basename(rel));
      sources[sources.length - 1].encoding = encoding;
      return text;
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      log.error({ file: rel, line: e.line, message: e.message, expected: 'текстовый файл CSV в одной кодировке (UTF-8 или Windows-1251)' });
      return null;
    }
  };
  // A workbook's name in messages carries its sheet: «results/2025/ege.xlsx, лист «ЕГЭ»».
  const shownAs = new Map<string, string>();
  /** The rows of an Excel workbook standing in for the CSV file `rel`; null when it cannot be read (reported). */
  const readBook = (rel: string, xrel: string, root: string): { rows: CsvRow[]; shown: string } | null => {
    const path = join(root, xrel);
    if (tooLarge(xrel, path)) return null;
    const bytes = readFileSync(path);
    sources.push({ path: xrel, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'xlsx', rows: 0 });
    const kind = fileKind(bytes);
    if (kind !== 'xlsx') {
      log.error({ file: xrel, message: kind === 'text' ? 'Это текстовый файл, а не книга Excel: переименуйте его в .csv или откройте в Excel и сохраните как «Книга Excel (*.xlsx)».' : kindAdvice(kind, basename(xrel)), expected: 'книга Excel в формате .xlsx' });
      return null;
    }
    if (bookTooLarge(xrel, bytes, limits.max_unpacked_mb, log)) return null;
    try {
      const book = readWorkbook(path, basename(xrel, '.xlsx'));
      const shown = `${xrel}, лист «${book.sheet}»`;
      shownAs.set(rel, shown);
      return { rows: book.rows, shown };
    } catch (e) {
      // exceljs's own words are English and technical: they go to no one; the person gets what to do.
      log.error({ file: xrel, message: 'Книгу Excel не удалось прочитать: файл повреждён или записан не до конца (например, скопирован не полностью). Откройте её в Excel и сохраните заново как «Книга Excel (*.xlsx)».', expected: 'книга Excel в формате .xlsx' });
      return null;
    }
  };
  const table = <S extends TableSpec>(rel: string, spec: S, required = false, root = dir): RowOf<S>[] => {
    // Any data file may be a workbook: `x.xlsx` in place of `x.csv`, never both.
    const xrel = rel.replace(/\.csv$/i, '.xlsx');
    // Another spreadsheet format under the file's name would be skipped, and the site published without its data.
    const foreign = FOREIGN.map((ext) => rel.replace(/\.csv$/i, ext)).filter((f) => f !== rel && existsSync(join(root, f)));
    for (const f of foreign) {
      const kind = fileKind(readFileSync(join(root, f)));
      log.error({
        file: f,
        message: `${kind === 'text' ? `Это текстовый файл с расширением ${extname(f)}: переименуйте его в ${basename(rel)}.` : kind === 'xlsx' ? `Это книга Excel с макросами или в двоичном формате (${extname(f)}): откройте её в Excel и сохраните как «Книга Excel (*.xlsx)».` : kindAdvice(kind, basename(f))} Сборка читает только ${basename(rel)} или ${basename(xrel)}.`,
        found: basename(f),
        expected: `${basename(rel)} или ${basename(xrel)}`,
      });
    }
    if (foreign.length) return [];
    const book = xrel !== rel && existsSync(join(root, xrel));
    if (book && existsSync(join(root, rel))) {
      log.error({ file: rel, message: `Один и тот же файл дан дважды: ${rel} и ${xrel}. Оставьте один из них.`, found: `${rel}, ${xrel}`, expected: 'один файл: CSV или книга Excel' });
      return [];
    }
    const written: Record<string, string> = {};
    let rows: RowOf<S>[];
    if (book) {
      const b = readBook(rel, xrel, root);
      if (!b) return [];
      headers.set(b.shown, written);
      rows = readRows(b.shown, (onRow) => b.rows.forEach(onRow), spec, log, written, { findHeader: true, label: (i, name) => `${columnLetter(i)} «${name}»`, maxColumns: limits.max_columns });
    } else {
      const text = readText(rel, root);
      if (text === undefined) {
        if (required) log.error({ file: rel, message: 'Нет обязательного файла.', expected: `файл data/${rel} (или книга Excel data/${xrel})` });
        return [];
      }
      if (text === null) return [];
      headers.set(rel, written);
      rows = readTable(root === dir ? rel : `${rel} (по умолчанию)`, text, spec, log, written, { maxColumns: limits.max_columns });
    }
    sources[sources.length - 1].rows = rows.length;
    return rows;
  };

  const config = readConfig(readText('site.yaml') ?? undefined, log);
  limits = config.limits;
  hidePersonalInSettings(config, log);

  /**
   * A reference file: the shipped defaults (src/lib/data/reference/), with the
   * rows of data/reference/ added or taking their place (same key). So the ИМЦ
   * adds a new year's scale as one row, and a data folder without reference/ works.
   */
  const reference = <S extends TableSpec>(name: string, spec: S, key: (r: RowOf<S>) => string): RowOf<S>[] => {
    const merged = new Map<string, RowOf<S>>();
    for (const r of table(`reference/${name}`, spec, false, DEFAULTS)) merged.set(key(r), r);
    for (const r of table(`reference/${name}`, spec)) merged.set(key(r), r);
    return [...merged.values()];
  };
  const subjects: Subject[] = reference('subjects.csv', S.subjectsSpec, (r) => r.code).map((r) => ({
    code: r.code,
    name: r.name,
    aliases: r.aliases?.split('|').map((a) => a.trim()).filter(Boolean) ?? [],
  }));
  const subjectIndex = new Map<string, string>();
  for (const s of subjects) for (const k of [s.code, s.name, ...s.aliases]) subjectIndex.set(normKey(k), s.code);
  const lookups: S.Lookups = {
    subject: lookup(
      `код или название предмета из data/reference/subjects.csv (например: ${subjects.slice(0, 3).map((s) => `${s.code} или «${s.name}»`).join(', ')})`,
      (raw) => subjectIndex.get(normKey(raw)),
    ),
  };

  const schools = table('schools.csv', S.schoolsSpec, true);
  const scales = reference('scales.csv', S.scalesSpec(lookups), (r) => `${r.year}|${r.procedure}|${r.subject}|${r.grade ?? ''}`);
  const tasks = table('reference/tasks.csv', S.tasksSpec(lookups));
  const egeMarks = reference('ege-marks.csv', S.egeMarksSpec(lookups), (r) => `${r.year}|${r.subject}`);
  const progressPairs = reference('progress-pairs.csv', S.progressPairsSpec(lookups), (r) => r.id);
  const region = table('region.csv', S.regionSpec(lookups));
  const targets = table('targets.csv', S.targetsSpec(lookups));
  const mechanismBook = reference('mechanism-indicators.csv', S.mechanismBookSpec(mechanismCell()), (r) => r.id);
  for (const [file, rows] of [['region.csv', region], ['targets.csv', targets]] as const) {
    if (knownIndicators.size === 0) break;
    for (const r of rows) {
      // A mechanism's indicator is checked against its book with the mechanisms' rows (mechanism-checks.ts).
      if (!knownIndicators.has(r.indicator) && !r.indicator.startsWith(MECH_PREFIX)) {
        log.error({ file, line: r.line, column: 'indicator', message: 'Неизвестный показатель.', found: r.indicator, expected: 'идентификатор показателя из перечня на странице «Методика» (например, ege.mean)' });
      }
    }
  }

  const years = new Map<number, YearResults>();
  const resultsDir = join(dir, 'results');
  if (existsSync(resultsDir)) {
    for (const name of readdirSync(resultsDir).sort()) {
      if (!statSync(join(resultsDir, name)).isDirectory()) continue;
      if (!/^\d{4}$/.test(name)) {
        log.error({ file: `results/${name}`, message: 'Папка результатов должна называться годом.', found: name, expected: 'четыре цифры года, например 2025' });
        continue;
      }
      const year = Number(name);
      const res: YearResults = {};
      // Each file's rows go under its name; RESULTS_FILES ties the name to its row type.
      const byName: Record<string, unknown> = res;
      const done = new Set<string>();
      for (const file of readdirSync(join(resultsDir, name)).sort()) {
        const base = file.replace(SPREADSHEET, '');
        const f = RESULTS_FILES.find((r) => r.name === base);
        if (!SPREADSHEET.test(file) || !f) {
          log.warn({ file: `results/${name}/${file}`, message: 'Файл не входит в формат данных и пропущен.', found: file, expected: `один из: ${RESULTS_FILES.map((r) => r.name + '.csv').join(', ')} (или те же имена с .xlsx)` });
          continue;
        }
        if (done.has(base)) continue;
        done.add(base);
        byName[base] = table(`results/${name}/${base}.csv`, f.spec(lookups));
      }
      years.set(year, res);
    }
  }

  const roadmaps = readRoadmaps(dir, table, log);
  const workNames = new Map<string, string>();
  for (const res of years.values()) for (const r of res.diagnostics ?? []) if (r.work_name && !workNames.has(r.work)) workNames.set(r.work, r.work_name);
  const data: Dataset = { config, schools, kindergartens: [], mechanismBook, subjects, scales, tasks, egeMarks, progressPairs, years, region, targets, roadmaps, sources, workNames };
  checkDataset(data, log);
  // Checked as one register; from here on schools and kindergartens go apart.
  data.kindergartens = schools.filter((s) => isKindergarten(s.kind));
  data.schools = schools.filter((s) => !isKindergarten(s.kind));
  for (const i of log.items) {
    // Checks across files name the CSV; a workbook that stood in for it is named instead.
    i.file = shownAs.get(i.file) ?? i.file;
    // The reader's own header issues name the column as written (their `found`), and keep it: «test_score» stays itself.
    if (i.column !== undefined && i.found !== i.column) i.column = headers.get(i.file)?.[i.column] ?? i.column;
  }
  return { data, log };
}

function readConfig(text: string | undefined, log: IssueLog): SiteConfig {
  const fallback = siteConfigSchema.parse({
    municipality: { name: '—', genitive: '—', region: '—' },
    department: { name: '—' },
    imc: { name: '—' },
  });
  if (text === undefined) {
    log.error({ file: 'site.yaml', message: 'Нет файла настроек сайта.', expected: 'файл data/site.yaml (образец — в README)' });
    return fallback;
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    const err = e as { code?: string; linePos?: { line: number; col: number }[]; message: string };
    // References (&name … *name) that multiply into millions of values (a «billion laughs»): the yaml reader stops.
    if (!err.linePos && /alias/i.test(err.message)) {
      const at = text.split(/\r?\n/).findIndex((l) => /(?:^|[\s[{,:])\*[\w-]/.test(l));
      log.error({
        file: 'site.yaml', line: at >= 0 ? at + 1 : undefined,
        message: 'Ссылки YAML (&метка и *метка) повторяют одни и те же значения так много раз, что файл развернулся бы в миллионы строк: так делают, чтобы исчерпать память. В настройках сайта ссылки не нужны: напишите каждое значение прямо.',
        expected: 'пары «ключ: значение» без ссылок * и &',
      });
      return fallback;
    }
    const pos = err.linePos?.[0];
    const line = text.split(/\r?\n/)[(pos?.line ?? 1) - 1] ?? '';
    // «- date: …, release: …, text: …» on one line: the entry as a sentence; YAML wants a key a line.
    const what = /^\s*-?\s*[a-z_]+: [^,]*, [a-z_]+: /.test(line)
      ? 'в одной строке несколько ключей через запятую; запишите каждый ключ с новой строки, с отступом на два пробела больше, чем у «-», как в образце из README'
      : (YAML_ERRORS[err.code ?? ''] ?? 'текст не читается как YAML');
    log.error({ file: 'site.yaml', line: pos?.line, message: `Ошибка разметки YAML${pos ? ` в позиции ${pos.col}` : ''}: ${what}.`, found: line || undefined, expected: 'пары «ключ: значение», вложенные ключи — с отступом в два пробела' });
    return fallback;
  }
  const parsed = siteConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') {
        // A misspelt key would be silently ignored and its default used: name it and the key meant.
        const known = Object.keys(schemaAt(issue.path));
        for (const k of issue.keys) {
          const meant = closest(k, known);
          log.error({ file: 'site.yaml', column: [...issue.path, k].join('.'), message: `Неизвестная настройка${meant ? `: возможно, имелось в виду «${meant}»` : ''}.`, found: k, expected: SETTING_HINTS[issue.path.join('.')] ?? (known.length ? `один из ключей: ${known.join(', ')}` : 'ключи по описанию в README') });
        }
        continue;
      }
      const found = JSON.stringify(pathGet(raw, issue.path)) ?? 'нет значения';
      log.error({ file: 'site.yaml', column: key, message: `Неверная настройка: ${issue.message.replace(/получено string/, 'получен текст')}.`, found, expected: SETTING_HINTS[key] ?? 'значение по описанию в README' });
    }
    return fallback;
  }
  return parsed.data;
}

/** The keys the settings schema allows at `path` (for «did you mean»). */
function schemaAt(path: PropertyKey[]): Record<string, unknown> {
  let cur: unknown = siteConfigSchema;
  for (const k of path) {
    while (cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault || cur instanceof z.ZodOptional) cur = cur.unwrap();
    if (cur instanceof z.ZodArray) cur = cur.element;
    else if (cur instanceof z.ZodObject) cur = cur.shape[k as string];
  }
  while (cur instanceof z.ZodDefault || cur instanceof z.ZodPrefault || cur instanceof z.ZodOptional) cur = cur.unwrap();
  return cur instanceof z.ZodObject ? cur.shape : {};
}

function pathGet(obj: unknown, path: PropertyKey[]): unknown {
  let cur = obj;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return cur;
}
