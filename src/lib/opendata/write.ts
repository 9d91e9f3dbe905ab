import { round } from '../words/format.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import { PLACE_COMPONENTS } from '../analyses/place.ts';
import { fdrNote } from '../analyses/risks.ts';
import { contextCsv } from './context.ts';
import type { Model } from '../model/build.ts';
import { csvChunks, EXCEL, toCsv, type Cell } from '../files/csv.ts';
import type { SubjectRow } from '../analyses/subjects/tables.ts';
import { COLUMN_DOCS, INDICATOR_COLUMNS, meta, standardMeta, STRUCTURE, VALUE_COLUMNS } from './passport.ts';

export { COLUMN_DOCS, INDICATOR_COLUMNS, SAFE_TEXT_NOTE } from './passport.ts';

const fixed2 = (x: number | undefined) => (x === undefined ? undefined : round(x, 2).toFixed(2));
/** Three significant digits, in plain decimal notation. */
const pValue = (p: number) => (p < 1e-6 ? '0.000001' : Number(p.toPrecision(3)).toFixed(Math.max(3, 2 - Math.floor(Math.log10(p)))));
const int = (x: number | undefined) => (x === undefined ? undefined : String(Math.round(x)));

/** The cells of VALUE_COLUMNS: the value as the file writes it, its counts and interval; a withheld value's numbers empty. */
function valueCells(
  v: { numerator?: number; denominator?: number; suppressed: boolean; ci_low?: number; ci_high?: number },
  value: Cell,
): Cell[] {
  return v.suppressed
    ? [undefined, undefined, undefined, suppressedCode(v), undefined, undefined]
    : [value, int(v.numerator), int(v.denominator), 0, fixed2(v.ci_low), fixed2(v.ci_high)];
}

/** `suppressed`: 1 — the group is small; 2 — withheld so that a small group cannot be worked out from the rest (§0). */
const suppressedCode = (v: { suppressed: boolean; reason?: string; secondary?: boolean }) =>
  !v.suppressed ? 0 : v.reason === 'secondary' || v.secondary ? 2 : 1;

function indicatorRow(v: IndicatorValue): Cell[] {
  return [v.indicator, v.year, v.scope, v.school_id, v.subject, v.grade, v.period, v.task, ...valueCells(v, fixed2(v.value))];
}

/** indicators.json in pieces: the same bytes as JSON.stringify of the whole array, without building it. */
function* jsonChunks(values: IndicatorValue[]): Generator<string> {
  let chunk = '[';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const r = indicatorRow(v);
    chunk +=
      (i ? ',' : '') +
      JSON.stringify({
        indicator: v.indicator,
        year: v.year,
        scope: v.scope,
        school_id: v.school_id,
        subject: v.subject,
        grade: v.grade ?? null,
        period: v.period,
        task: v.task,
        value: r[8] === undefined ? null : Number(r[8]),
        numerator: r[9] === undefined ? null : Number(r[9]),
        denominator: r[10] === undefined ? null : Number(r[10]),
        suppressed: suppressedCode(v),
        ci_low: r[12] === undefined ? null : Number(r[12]),
        ci_high: r[13] === undefined ? null : Number(r[13]),
      });
    if (i % 5000 === 4999) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]\n`;
}

/**
 * Every file of opendata/ as path → its content in pieces; pure, so two
 * builds give the same bytes. The big files are generated as they are
 * written: a region's million values never sit in memory as one text.
 */
export function openDataChunks(m: Model): Map<string, () => Iterable<string>> {
  const files = new Map<string, () => Iterable<string>>();
  const rows = function* () {
    for (const v of m.ix.values) yield indicatorRow(v);
  };
  files.set('indicators.csv', () => csvChunks([...INDICATOR_COLUMNS], rows()));
  files.set('indicators-excel.csv', () => csvChunks([...INDICATOR_COLUMNS], rows(), EXCEL, new Set([8, 12, 13])));
  files.set('indicators.json', () => jsonChunks(m.ix.values));
  for (const [name, chunks] of smallFiles(m)) files.set(name, chunks);
  return files;
}

/** Every file of opendata/ as path → content (for tests and small data). */
export function openDataFiles(m: Model): Map<string, string> {
  return new Map([...openDataChunks(m)].map(([name, chunks]) => [name, [...chunks()].join('')]));
}

/** One row after another, made as the file is written. */
function* mapped<T>(items: readonly T[], row: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of items) yield row(item);
}

/** The other files, each made only when it is written: a region's subject analysis (400 000 rows) and risks are
 * streamed row by row, the rest are small. */
function smallFiles(m: Model): Map<string, () => Iterable<string>> {
  const files = new Map<string, () => Iterable<string>>();
  const text = (name: string, make: () => string) => files.set(name, () => [make()]);
  const schoolName = new Map(m.data.schools.map((s) => [s.school_id, s.name]));
  const riskHeader = [
    'year',
    'school_id',
    'school_name',
    'procedure',
    'subject',
    'grade',
    'rule',
    'indicator',
    'value',
    'reference',
    'test',
    'statistic',
    'p_value',
    'evidence',
  ];
  const riskRow = (r: Model['risks'][number]): Cell[] => [
    r.year,
    r.school_id,
    schoolName.get(r.school_id),
    r.procedure,
    r.subject,
    r.grade,
    r.rule,
    r.indicator,
    fixed2(r.value),
    r.reference,
    r.test,
    Number.isFinite(r.statistic) ? fixed2(r.statistic) : undefined,
    pValue(r.p),
    `${r.evidence}. ${fdrNote(r.tested, m.data.config.risks.fdr)}`,
  ];
  files.set('risks.csv', () => csvChunks(riskHeader, mapped(m.risks, riskRow)));
  files.set('subject-analysis.csv', () => csvChunks([...SUBJECT_COLUMNS], mapped(m.subjects, subjectCsvRow)));

  const rmHeader = [
    'roadmap',
    'item',
    'section',
    'direction',
    'title',
    'responsible',
    'document',
    'deadline',
    'due',
    'status',
    'status_period',
    'status_date',
    'overdue',
    'indicators',
  ];
  const rmRows = () =>
    m.roadmaps.flatMap((rv) =>
      rv.items.map((i) => [
        rv.roadmap.id,
        i.item.item,
        i.item.section,
        i.item.direction,
        i.item.title,
        i.item.responsible,
        i.item.document,
        i.item.deadline,
        i.dates.join(' '),
        i.status,
        i.latest?.period,
        i.latest?.reported,
        i.overdue ? 1 : 0,
        i.item.indicators.join(';'),
      ]),
    );
  text('roadmap.csv', () => toCsv(rmHeader, rmRows()));

  const schoolHeader = ['school_id', 'name', 'full_name', 'kind', 'address', 'website', 'lat', 'lon', 'closed', 'successor_id'];
  text('schools.csv', () =>
    toCsv(
      schoolHeader,
      [...m.data.schools, ...m.data.kindergartens].map((s) => [
        s.school_id,
        s.name,
        s.full_name,
        s.kind,
        s.address,
        s.website,
        s.lat,
        s.lon,
        s.closed,
        s.successor_id,
      ]),
    ),
  );

  const placeHeader = ['year', 'school_id', 'place', 'of', 'place_low', 'place_high', 'index', 'se', ...PLACE_COMPONENTS.map((c) => c.id)];
  text('places.csv', () =>
    toCsv(
      placeHeader,
      m.places.map((p) => [
        p.year,
        p.school_id,
        p.place,
        p.of,
        p.low,
        p.high,
        fixed2(p.index),
        fixed2(p.se),
        ...PLACE_COMPONENTS.map((c) => fixed2(p.components[c.id])),
      ]),
    ),
  );
  text('context.csv', () => contextCsv(m));

  text('meta.json', () => JSON.stringify(meta(m), null, 2) + '\n');
  // The passport once more as the Russian open-data standard 3.0 has it: meta.csv and structure.csv.
  text('structure.csv', () =>
    toCsv(
      ['field name', 'english description', 'russian description', 'format'],
      INDICATOR_COLUMNS.map((c) => [c, STRUCTURE[c][0], COLUMN_DOCS[c], STRUCTURE[c][1]]),
    ),
  );
  text('meta.csv', () => toCsv(['property', 'value'], standardMeta(m)));
  return files;
}

/** The columns of opendata/subject-analysis.csv (spec §14). */
export const SUBJECT_COLUMNS = ['year', 'procedure', 'subject', 'grade', 'table', 'group', 'band', 'task', ...VALUE_COLUMNS] as const;

/** Percentages with 2 decimals and their interval; counts as they are; a withheld row's numbers empty. */
export function subjectCsvRow(r: SubjectRow): Cell[] {
  const pct = r.table === 'bands' || r.table === 'tasks' || r.table === 'schools';
  return [r.year, r.procedure, r.subject, r.grade, r.table, r.group, r.band, r.task, ...valueCells(r, pct ? fixed2(r.value) : r.value)];
}
