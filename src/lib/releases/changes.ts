/**
 * What changed between releases. A release keeps its published numbers
 * (`data/releases/<release>/numbers.json.br`: every published value as the
 * open data writes it, the years and the schools), so any later build, on any
 * machine, can say which values of years already published have changed,
 * which years, schools and indicators are new — and stop until a correction
 * in site.yaml acknowledges a changed value.
 */
import { CORRECTION_SAMPLE } from '../data/site-config.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { IssueLog } from '../data/issues.ts';
import type { ProgressPair, School } from '../data/tables.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import { CONTEXT_DERIVED, progressDerived } from '../indicators/derived.ts';
import { mechId } from '../indicators/mechanisms.ts';
import { INDICATOR_BY_ID } from '../indicators/registry.ts';
import { PROCEDURE_NAMES } from '../indicators/sections.ts';
import { count, round } from '../words/format.ts';

/** A release's published numbers: value key → the value as open data writes it (2 decimals). */
export interface Numbers {
  years: number[];
  schools: { id: string; name: string; closed?: number }[];
  values: Record<string, string>;
}

export interface ChangedValue {
  indicator: string;
  year: number;
  school_id: string;
  subject: string;
  grade: string;
  period: string;
  task: string;
  /** As published before, and now («» when it is no longer published). */
  old: string;
  new: string;
}

export interface ReleaseChanges {
  release: string;
  /** The release compared with. */
  since: string;
  changed: ChangedValue[];
  yearsAdded: number[];
  schoolsAdded: string[];
  schoolsClosed: string[];
  indicatorsAdded: string[];
  /**
   * Procedures whose results came for a year already published (ВПР in spring, ГИА in summer, the olympiad in
   * winter): their values, and the derived values of that year recomputed with them, are additions, not corrections.
   */
  procedureYearsAdded: { procedure: string; year: number }[];
}

const FILE = 'numbers.json.br';
const keyOf = (v: IndicatorValue) => [v.indicator, v.year, v.scope, v.school_id, v.subject, v.grade ?? '', v.period, v.task].join('|');

/** The published numbers of a computed model: what open data shows, withheld values left out. */
export function numbersOf(values: readonly IndicatorValue[], schools: readonly School[], years: readonly number[]): Numbers {
  const out: Record<string, string> = {};
  for (const v of values) if (!v.suppressed && v.value !== undefined) out[keyOf(v)] = round(v.value, 2).toFixed(2);
  return {
    years: [...years],
    schools: schools.map((s) => ({ id: s.school_id, name: s.name, ...(s.closed === undefined ? {} : { closed: s.closed }) })),
    values: out,
  };
}

export const packNumbers = (n: Numbers) =>
  brotliCompressSync(JSON.stringify(n), { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_LGWIN]: 24 } });

export const NUMBERS_FILE = FILE;

/** A frozen release's numbers; undefined for releases frozen before they were kept. */
export function readNumbers(dataDir: string, release: string): Numbers | undefined {
  const p = join(dataDir, 'releases', release, FILE);
  return existsSync(p) ? (JSON.parse(brotliDecompressSync(readFileSync(p)).toString('utf8')) as Numbers) : undefined;
}

/** What `now` changed against `before`: values of the years `before` published, and what is new. */
export function compareNumbers(release: string, since: string, before: Numbers, now: Numbers): ReleaseChanges {
  const published = new Set(before.years);
  // A procedure of a year: its results file (ЕГЭ and ГВЭ-11 come in one), or the value itself when derived.
  const procedureYear = (key: string) => {
    const [indicator, year] = key.split('|');
    const def = INDICATOR_BY_ID.get(indicator);
    return def ? `${PROCEDURE_NAMES[def.procedure]}|${def.family.file}|${year}` : undefined;
  };
  const had = new Set(Object.keys(before.values).map(procedureYear));
  const arrived = new Map<string, { procedure: string; year: number }>();
  for (const key of Object.keys(now.values)) {
    const p = procedureYear(key);
    if (p && !had.has(p) && published.has(Number(key.split('|')[1])) && !arrived.has(p))
      arrived.set(p, { procedure: p.split('|')[0], year: Number(p.split('|')[2]) });
  }
  const grown = new Set([...arrived.values()].map((a) => a.year));
  const changed: ChangedValue[] = [];
  const seen = new Set<string>();
  const add = (key: string, old: string, next: string) => {
    const [indicator, year, , school_id, subject, grade, period, task] = key.split('|');
    const p = procedureYear(key);
    // New results of a year, and what is derived from all of a year's results, are no correction.
    if (p ? arrived.has(p) : grown.has(Number(year))) return;
    changed.push({ indicator, year: Number(year), school_id, subject, grade, period, task, old, new: next });
  };
  for (const [key, old] of Object.entries(before.values)) {
    seen.add(key);
    const next = now.values[key] ?? '';
    if (next !== old) add(key, old, next);
  }
  // A value of a published year that was withheld or absent and is now shown changes the record too.
  for (const [key, next] of Object.entries(now.values)) if (!seen.has(key) && published.has(Number(key.split('|')[1]))) add(key, '', next);
  const indicatorsOf = (n: Numbers) => new Set(Object.keys(n.values).map((k) => k.split('|')[0]));
  const oldIndicators = indicatorsOf(before);
  const oldSchools = new Map(before.schools.map((s) => [s.id, s]));
  const order = (a: ChangedValue, b: ChangedValue) =>
    a.indicator.localeCompare(b.indicator) ||
    a.year - b.year ||
    a.school_id.localeCompare(b.school_id) ||
    a.subject.localeCompare(b.subject) ||
    a.grade.localeCompare(b.grade) ||
    a.period.localeCompare(b.period) ||
    a.task.localeCompare(b.task);
  return {
    release,
    since,
    changed: changed.sort(order),
    yearsAdded: now.years.filter((y) => !published.has(y)),
    schoolsAdded: now.schools.filter((s) => !oldSchools.has(s.id)).map((s) => s.id),
    schoolsClosed: now.schools
      .filter((s) => s.closed !== undefined && oldSchools.get(s.id)?.closed === undefined && oldSchools.has(s.id))
      .map((s) => s.id),
    indicatorsAdded: [...indicatorsOf(now)].filter((i) => !oldIndicators.has(i)).sort(),
    procedureYearsAdded: [...arrived.values()].sort((a, b) => a.year - b.year || a.procedure.localeCompare(b.procedure, 'ru')),
  };
}

/**
 * The changes of every frozen release against the one before it (where both kept their numbers), and of the
 * release being built against the last frozen one. A changed published value stops the build until site.yaml
 * has a correction for the release that makes it: nothing published changes without a trace.
 */
export function releaseChanges(
  dataDir: string,
  releases: readonly { release: string }[],
  current: string,
  now: () => Numbers,
  corrections: readonly { release?: string }[],
  log: IssueLog,
  names: ChangeNames,
): ReleaseChanges[] {
  const out: ReleaseChanges[] = [];
  const frozen = releases.map((r) => ({ r, numbers: readNumbers(dataDir, r.release) }));
  for (let i = 1; i < frozen.length; i++) {
    const [a, b] = [frozen[i - 1], frozen[i]];
    if (a.numbers && b.numbers) out.push(compareNumbers(b.r.release, a.r.release, a.numbers, b.numbers));
  }
  const self = frozen.find((f) => f.r.release === current);
  if (self) {
    // Building under a frozen label: what it published may not change at all, correction or not.
    const c = self.numbers && compareNumbers(current, current, self.numbers, now());
    if (c && c.changed.length > 0) {
      const next = nextLabel(
        current,
        releases.map((r) => r.release),
      );
      log.error({
        file: 'site.yaml',
        column: 'site.release',
        message: [
          `Выпуск ${current} уже зафиксирован, а числа этой сборки отличаются от опубликованных в нём (${count(c.changed.length, ['значение', 'значения', 'значений'])}):`,
          ...c.changed.slice(0, 10).map((v) => `  ${describeChange(v, names)}`),
          `Зафиксированный выпуск не меняется. Чтобы опубликовать исправление, сделайте новый выпуск: npm run release -- ${next} (или site.release: "${next}" в site.yaml) и запишите исправление в site.yaml в раздел corrections:`,
          '',
          correctionBlock(next, names.today),
        ].join('\n'),
      });
    }
    return out;
  }
  const last = frozen.at(-1);
  if (!last?.numbers) return out;
  const c = compareNumbers(current, last.r.release, last.numbers, now());
  out.push(c);
  if (c.changed.length > 0 && !corrections.some((k) => k.release === current)) {
    const shown = c.changed.slice(0, 10).map((v) => `  ${describeChange(v, names)}`);
    const more = c.changed.length - shown.length;
    log.error({
      file: 'site.yaml',
      column: 'corrections',
      message: [
        `Изменились числа, уже опубликованные в выпуске ${last.r.release} (${count(c.changed.length, ['значение', 'значения', 'значений'])}):`,
        ...shown,
        ...(more > 0
          ? [
              `  … и ещё ${count(more, ['значение', 'значения', 'значений'])} (все — на странице «Выпуски данных» и в файле изменений выпуска, когда исправление записано)`,
            ]
          : []),
        'Если это исправление ошибки, запишите его в журнал исправлений: без записи опубликованные числа не меняются.',
        'Вставьте в data/site.yaml в раздел corrections: (если раздела нет — вместе со строкой «corrections:») и впишите, что исправлено и почему:',
        '',
        correctionBlock(current, names.today),
      ].join('\n'),
    });
  }
  return out;
}

/** The label after a frozen one, not frozen itself: «2026» → «2026.1», «2026.1» → «2026.2». */
export function nextLabel(label: string, frozen: readonly string[]): string {
  const m = /^(.*)\.(\d+)$/.exec(label);
  const [base, from] = m ? [m[1], Number(m[2]) + 1] : [label, 1];
  let n = from;
  while (frozen.includes(`${base}.${n}`)) n++;
  return `${base}.${n}`;
}

/** The names a person knows a changed value by. */
export interface ChangeNames {
  subject(code: string): string;
  school(id: string): string;
  pairs: readonly ProgressPair[];
  /** The book of the mechanisms' indicators, whose `mech.<id>` values are named by it. */
  book?: readonly { id: string; name: string }[];
  /** The build's date, ISO, for the correction's date. */
  today: string;
}

/** A changed value's number as Russian text: a decimal comma, counts of people whole («24», not «24,00»). */
export function changedNumber(v: ChangedValue, x: string, none: string): string {
  if (x === '') return none;
  return (INDICATOR_BY_ID.get(v.indicator)?.unit === 'чел.' ? x.replace(/\.00$/, '') : x).replace('.', ',');
}

/** «ЕГЭ, средний балл, русский язык, Гимназия № 1, 2024: 73,23 → 73,18»: a changed value in the words of the site. */
export function describeChange(v: ChangedValue, names: ChangeNames): string {
  const group = [
    v.subject ? names.subject(v.subject).toLowerCase() : '',
    v.period,
    v.grade ? `${v.grade} класс` : '',
    v.task ? `задание ${v.task}` : '',
    v.school_id ? names.school(v.school_id) : 'муниципалитет',
  ].filter(Boolean);
  // Counts of people are whole: «24 → 25», not «24,00 → 25,00».
  return `${indicatorName(v.indicator, names.pairs, names.subject, names.book).replace(': ', ', ')}, ${group.join(', ')}, ${v.year}: ${changedNumber(v, v.old, 'не публиковалось')} → ${changedNumber(v, v.new, 'не публикуется')}`;
}

/**
 * The entry of the corrections log the build asks for, as site.yaml holds it: under `corrections:`, two spaces
 * in, one key a line. The release is quoted, so that a label such as 2026 stays text in any YAML reader.
 */
export const correctionBlock = (release: string, date: string) =>
  [
    `  - date: ${date}`,
    `    release: "${release}"`,
    `    text: "${CORRECTION_SAMPLE} (например, «в файле ЕГЭ 2024 года исправлен балл участника школы № 1 по протоколу апелляции»)"`,
  ].join('\n');

/** The short name of an indicator or a derived value, for lists of changes. */
export function indicatorName(
  id: string,
  pairs: readonly ProgressPair[],
  subject: (code: string) => string,
  book: readonly { id: string; name: string }[] = [],
): string {
  return (
    INDICATOR_BY_ID.get(id)?.short ??
    [...CONTEXT_DERIVED, ...progressDerived(pairs, subject)].find((d) => d.id === id)?.short ??
    book.find((b) => mechId(b) === id)?.name ??
    id
  );
}

export const CHANGES_COLUMNS = [
  'release',
  'since',
  'indicator',
  'year',
  'school_id',
  'subject',
  'grade',
  'period',
  'task',
  'old_value',
  'new_value',
];

/** The changes of a release as CSV rows for the download. */
export const changesRows = (c: ReleaseChanges) =>
  c.changed.map((v) => [c.release, c.since, v.indicator, v.year, v.school_id, v.subject, v.grade, v.period, v.task, v.old, v.new]);
