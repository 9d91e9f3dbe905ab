/**
 * The first thing a parent reads on a school page: the main results of the
 * last year as a compact table — the value, how it stands against the rest of
 * the municipality, and the direction over the years shown — in plain words,
 * with «выше», «ниже», «вырос» only where a test says the difference is real
 * (spec §11). Small groups: withheld, or pooled over years where that is enough.
 */
import {
  describeComparison,
  describeStanding,
  formatInterval,
  formatNumber,
  formatValue,
  genderOf,
  lower,
  PARTICIPANTS,
  count,
  points,
  sentence,
  signedPoints,
} from '../../words/format.ts';
import { compare, compareWithRest, published } from '../../indicators/compare.ts';
import { pooledValue } from '../../analyses/pooled.ts';
import type { Where } from '../../indicators/query.ts';
import { indicator, nameOf, shortOf, unitOf, type IndicatorId } from '../../indicators/registry.ts';
import type { Model } from '../../model/build.ts';
import { yearOfIndicator } from '../../model/years.ts';
import { namer } from '../../data/names.ts';
import { pairTitle } from '../../indicators/derived.ts';
import { progressVerdict, PROGRESS_SHORT } from '../../analyses/progress/words.ts';
import { PROCEDURE_NAMES } from '../../indicators/sections.ts';
import type { ProcedureId } from '../../indicators/types.ts';

/** The main results of a school, in the order a parent asks about them (all «higher is better», so ▲ is good news). */
export const SUMMARY_KEYS: [IndicatorId, Where][] = [
  ['ege.mean', { subject: 'rus' }],
  ['ege.mean', { subject: 'math_prof' }],
  ['ege.mean', { subject: 'math_base' }],
  ['oge.mean_mark', { subject: 'rus' }],
  ['oge.mean_mark', { subject: 'math' }],
  ['essay.pass_share', {}],
  ['interview.pass_share', {}],
];

/** How many years back the summary looks for the direction of a result. */
export const SUMMARY_YEARS = 5;

export interface SummaryRow {
  id: IndicatorId;
  where: Where;
  /** «ЕГЭ, русский язык: средний балл». */
  label: string;
  /** «51,5», or «—» when withheld. */
  value: string;
  ci?: string;
  /** «n = 14», «за 2021, 2023 и 2025 годы вместе, n = 9», or why the value is withheld. */
  note: string;
  pooled: boolean;
  /** Against the rest of the municipality, in words and as a tone, only when significant. */
  standing: string;
  standingTone?: 'up' | 'down';
  /** The change since the first of the years shown: «вырос на 7,7 балла с 2021 года» or «на уровне 2021 года». */
  trend: string;
  trendTone?: 'up' | 'down';
}

/** The rows for a school without ГИА (a primary school): its ВПР, average marks by subject and grade. */
function vprKeys(m: Model, school: string, year: number): [IndicatorId, Where][] {
  return [...m.ix.of('vpr.mean_mark', year, school)]
    .sort((a, b) => (a.grade ?? 0) - (b.grade ?? 0) || a.subject.localeCompare(b.subject))
    .map((v) => ['vpr.mean_mark', { subject: v.subject, grade: v.grade }]);
}

/** Which rows a school's summary has in a year: its ГИА results, or its ВПР where it has no ГИА. */
export function summaryKeys(m: Model, school: string, year: number): [IndicatorId, Where][] {
  const gia = SUMMARY_KEYS.filter(([id, w]) => m.ix.get(id, rowYear(m, id, year), { ...w, school }));
  return gia.length ? gia : vprKeys(m, school, rowYear(m, 'vpr.mean_mark', year));
}

/** A row's year: the school's year, or its procedure's latest when that procedure's results of the year are not in yet. */
const rowYear = (m: Model, id: IndicatorId, year: number) => Math.min(year, yearOfIndicator(m, id));

export function schoolSummary(m: Model, school: string, schoolYear: number): SummaryRow[] {
  const names = namer(m.data);
  const minGroup = m.data.config.privacy.min_group;
  return summaryKeys(m, school, schoolYear).map(([id, where]) => {
    const year = rowYear(m, id, schoolYear);
    const window = m.ix.years.filter((y) => y <= year && y > year - SUMMARY_YEARS);
    // Only a row of an older year says its year: the column is headed with the school's.
    const of = year === schoolYear ? '' : `данные ${year} года; `;
    const def = indicator(id);
    const unit = unitOf(def, where.subject);
    const g = genderOf(nameOf(def, where.subject));
    const v = m.ix.get(id, year, { ...where, school })!;
    const group = names.group({ subject: where.subject ?? '', grade: where.grade, period: '', task: '' });
    // «ЕГЭ: средний балл» + «Русский язык» → «ЕГЭ, русский язык: средний балл».
    const [procedure, what] = shortOf(def, where.subject).includes(': ')
      ? shortOf(def, where.subject).split(': ')
      : [PROCEDURE_NAMES[def.procedure as ProcedureId], shortOf(def, where.subject)];
    const label = `${procedure}${group === 'Всего' ? '' : `, ${lower(group)}`}: ${what}`;
    const row: SummaryRow = { id, where, label, value: '—', note: '', pooled: false, standing: '', trend: '' };
    if (!published(v)) {
      // Several withheld years together may pass the threshold: shown as such, never as one year's result.
      const pooled = v.reason === 'small' ? pooledValue(m.hidden, id, school, where, window, minGroup) : undefined;
      if (!pooled)
        return { ...row, note: of + (v.n === 0 ? 'нет участников' : `не публикуется: ${count(v.n, PARTICIPANTS)}, меньше ${minGroup}`) };
      const span =
        pooled.years.length === pooled.years[pooled.years.length - 1] - pooled.years[0] + 1
          ? `${pooled.years[0]}–${pooled.years[pooled.years.length - 1]}`
          : `${pooled.years.slice(0, -1).join(', ')} и ${pooled.years[pooled.years.length - 1]}`;
      return {
        ...row,
        value: formatValue(pooled.value, unit),
        ci: formatInterval({ ci_low: pooled.ci_low, ci_high: pooled.ci_high }, unit),
        note: `${of}за ${span} годы вместе, n\u00a0=\u00a0${pooled.n}: в каждом году участников меньше ${minGroup}`,
        pooled: true,
      };
    }
    const standing = compareWithRest(v, m.ix.get(id, year, where));
    const words = describeStanding(standing);
    const first = window.map((y) => m.ix.get(id, y, { ...where, school })).find((x) => published(x) && x.year < year);
    const change = first ? compare(v, first) : undefined;
    const good = (d: number) => (def.better === null ? undefined : d > 0 === def.better ? ('up' as const) : ('down' as const));
    return {
      ...row,
      value: formatValue(v.value, unit),
      ci: formatInterval(v, unit),
      note: `${of}n\u00a0=\u00a0${v.n}`,
      standing: words.word === undefined ? '' : words.word === 'на уровне' ? 'на уровне остальных школ' : `${words.word} остальных школ`,
      standingTone: standing?.significant && !standing.exact ? good(standing.diff) : undefined,
      trend: change && first ? describeComparison(change, unit, g, first.year).replace(/ \(.*в пределах случайных колебаний\)$/, '') : '',
      trendTone: change?.significant && !change.exact ? good(change.diff) : undefined,
    };
  });
}

/**
 * One plain line on results against the school's conditions (spec §12):
 * «выше» or «ниже ожидаемого» only when the residual test says so (§11).
 */
export function contextLine(m: Model, school: string, year: number): { verdict: string; detail: string; tone?: 'up' | 'down' } | undefined {
  const s = m.context.find((c) => c.year === year)?.schools.find((c) => c.school_id === school);
  if (!s || s.verdict === undefined || s.expected === undefined || s.gia === undefined) return undefined;
  const groups = [
    s.unfavourable && 'школа работает в неблагоприятных социальных условиях (ШНСУ)',
    s.lowResults && 'результаты ГИА ниже остальных школ второй год подряд (ШНОР)',
  ].filter(Boolean);
  const values = `индекс ГИА ${formatNumber(s.gia, 1)} при ожидаемом ${formatNumber(s.expected, 1)}`;
  return {
    verdict: s.verdict === 'expected' ? 'на уровне ожидаемого' : `${s.verdict === 'above' ? 'выше' : 'ниже'} ожидаемого`,
    detail: `${s.verdict === 'expected' ? `${values} — разница в пределах случайных колебаний` : values}.${groups.length ? ` ${sentence(groups.join('; ')).replace(/^./, (c) => c.toUpperCase())}` : ''}`,
    tone: s.verdict === 'above' ? 'up' : s.verdict === 'below' ? 'down' : undefined,
  };
}

/** One line per pair of procedures with the school's progress in the year (spec §13), worded by §11. */
export function progressLines(m: Model, school: string, year: number) {
  const names = namer(m.data);
  return m.progress.flatMap((y) => {
    if (y.year !== year || !y.line) return [];
    const v = m.ix.get(`progress.${y.pair.id}`, year, { school, subject: y.subject, grade: y.grade });
    const verdict = progressVerdict(v);
    if (!v || !verdict) return [];
    return [
      {
        pair: y.pair.id,
        what: pairTitle(y.pair, names.subject),
        verdict: PROGRESS_SHORT[verdict],
        detail: `в среднем ${signedPoints(v.value!)} балла ${PROCEDURE_NAMES[y.pair.to_procedure]} (от ${points(v.ci_low!)} до ${points(v.ci_high!)}), ${count(v.n, ['учащийся', 'учащихся', 'учащихся'])}`,
        tone: verdict === 'above' ? ('up' as const) : verdict === 'below' ? ('down' as const) : undefined,
      },
    ];
  });
}
