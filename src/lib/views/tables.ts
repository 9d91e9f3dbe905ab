/** Page-shaped views of the model: tables of indicators, key figures. Pages render them. */
import type { TableCell } from '../words/cells.ts';
import { naturalRange } from '../figures/common.ts';
import { sparkline } from '../charts/render.ts';
import { describeComparison, DIGITS, formatChange, formatInterval, formatValue, genderOf, lowerFirst, round } from '../words/format.ts';
import { changeFromPrevious } from '../indicators/compare.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import type { Where } from '../indicators/query.ts';
import { indicator, INDICATORS, nameOf, shortOf, unitOf, type Indicator, type IndicatorId } from '../indicators/registry.ts';
import type { Place } from '../analyses/place.ts';
import type { Model } from '../model/build.ts';
import { yearOfIndicator } from '../model/years.ts';
import { namer } from '../data/names.ts';
import type { Section } from '../indicators/sections.ts';

export const isObjectivity = (d: Indicator) => /\.(lowered|confirmed|raised|mismatch)_share$/.test(d.id);
export const isTask = (d: Indicator) => d.dims.includes('task');

/** Indicators of a section: the core ones, objectivity and task-level separately. */
export function sectionIndicators(s: Section) {
  // The columns that matter first: the section's headline indicators, then the group sizes, then the rest.
  const rank = (d: Indicator) => (s.main.includes(d.id) ? s.main.indexOf(d.id) : d.id.endsWith('participants') ? 100 : 200);
  const defs = INDICATORS.filter((d) => s.procedures.includes(d.procedure)).sort((a, b) => rank(a) - rank(b));
  return { core: defs.filter((d) => !isObjectivity(d) && !isTask(d)), objectivity: defs.filter(isObjectivity), tasks: defs.filter(isTask) };
}

/**
 * A change from last year for a table or a card: an arrow and a good/bad tone
 * only when the change is significant (spec §11), plain and neutral otherwise.
 */
export function changeCell(m: Model, v: IndicatorValue | undefined, def: Indicator): TableCell & { tone?: 'up' | 'down'; words?: string } {
  if (!v) return { text: '' };
  const c = changeFromPrevious(m.ix, v);
  if (c === undefined) return { text: '', num: true };
  const unit = unitOf(def, v.subject);
  const d = round(c.diff, DIGITS[unit]);
  const words = describeComparison(c, unit, genderOf(nameOf(def, v.subject)));
  if (!c.significant || d === 0) return { text: formatChange(d, unit), num: true, words };
  const good = def.better === null ? undefined : d > 0 === def.better;
  return {
    text: `${d > 0 ? '▲' : '▼'} ${formatChange(d, unit)}`,
    num: true,
    tone: good === undefined ? undefined : good ? 'up' : 'down',
    words,
  };
}

/**
 * Rows: groups (subjects, grades…); columns: indicators; for one year and
 * the municipality or one school.
 */
export function matrix(
  m: Model,
  defs: Indicator[],
  year: number,
  school?: string,
): { head: string[]; rows: TableCell[][]; withheld: string[]; glosses: string[] } {
  const names = namer(m.data);
  const groups = new Map<string, Where>();
  for (const d of defs)
    for (const w of m.ix.groups(d.id)) groups.set(`${w.subject ?? ''}|${String(w.grade ?? '').padStart(2, '0')}|${w.period ?? ''}`, w);
  // An indicator whose unit differs by subject (base maths' «средняя отметка» beside «средний балл») gets a column
  // of its own for those subjects: a mark of 3,84 never stands under a score of 100.
  const otherUnit = (d: Indicator, w: Where) => unitOf(d, w.subject ?? '') !== d.unit;
  // `other`: a group of the other unit, whose subject names that column.
  const used = defs
    .filter((d) => m.ix.of(d.id, year, school).length > 0)
    .flatMap((d) => {
      const other = [...groups.values()].find((w) => otherUnit(d, w));
      return other ? [{ d }, { d, other }] : [{ d }];
    });
  const rows: TableCell[][] = [];
  // A group with nothing published gets no row of dashes: it is named once under the table.
  const withheld: string[] = [];
  for (const [, w] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cells = used.map(({ d, other }) =>
      otherUnit(d, w) === (other !== undefined) ? m.present.valueCell(m.ix.get(d.id, year, { ...w, school }), d) : { text: '' },
    );
    if (cells.every((c) => c.text === '')) continue;
    const label = names.group({ subject: w.subject ?? '', grade: w.grade, period: w.period ?? '', task: '' });
    // Participant counts are always published; a row is withheld when it has results and none of them is.
    const results = cells.filter((_, i) => !used[i].d.id.endsWith('participants'));
    if (results.length > 0 && results.every((c) => c.text === '' || c.why !== undefined)) {
      withheld.push(label);
      continue;
    }
    rows.push([{ text: label }, ...cells]);
  }
  // Columns with nothing in any row (an indicator no group of this table has) are left out too.
  const keep = used.map((_, i) => rows.some((r) => r[i + 1].text !== '' && r[i + 1].text !== '—'));
  const columns = columnNames(used.map(({ d, other }) => shortOf(d, other?.subject ?? '')));
  return {
    head: [
      'Группа',
      ...used
        .map((u, i) => ({ ...u, name: columns[i] }))
        .filter((_, i) => keep[i])
        .map(({ d, other, name }) => {
          const subject = other?.subject ?? '';
          // «средняя отметка», not «средняя отметка, отметка».
          return other && name.includes(unitOf(d, subject)) ? name : `${name}, ${unitOf(d, subject)}`;
        }),
    ],
    // A row whose kept cells are all blank («—» where a value could not be computed) says nothing: no row, no table.
    rows: rows
      .map((r) => [r[0], ...r.slice(1).filter((_, i) => keep[i])])
      .filter((r) => r.slice(1).some((c) => c.text !== '' && c.text !== '—')),
    withheld,
    // A short header a parent cannot read («СОУ», «11+ по трём предметам») is said in full under the table.
    glosses: [
      ...new Set(
        used
          .filter((_, i) => keep[i])
          .map(({ d, other }) => [shortOf(d, other?.subject ?? '').replace(/^[^:]+: /, ''), d.name] as const)
          .filter(([short]) => /\p{Lu}{2,}|\d\+/u.test(short))
          .map(([short, name]) => `${short} — ${lowerFirst(name)}`),
      ),
    ],
  };
}

/**
 * Column names from indicators' short names: «ЕГЭ: средний балл» is «средний балл» in a table of ЕГЭ, but
 * «9 класс: аттестаты» beside «11 класс: аттестаты», or «ЕГЭ: участники» beside «ГВЭ-11: участники», keeps its prefix.
 */
export function columnNames(shorts: readonly string[]): string[] {
  const bare = shorts.map((s) => s.replace(/^[^:]+: /, ''));
  return bare.map((b, i) => (bare.indexOf(b) !== bare.lastIndexOf(b) ? shorts[i] : b));
}

export interface KeyFigure {
  def: Indicator;
  where: Where;
  label: string;
  value?: IndicatorValue;
  text: string;
  /** The 95 % interval, «(69,4–73,2)». */
  ci?: string;
  change?: string;
  tone?: 'up' | 'down';
  spark?: string;
  href: string;
}

/** Headline numbers with the change from last year and a small trend. */
export function keyFigure(m: Model, id: IndicatorId, where: Where, href: string, school?: string): KeyFigure | undefined {
  const def = indicator(id);
  const names = namer(m.data);
  const w = { ...where, school };
  const v = m.ix.get(id, yearOfIndicator(m, id), w);
  if (!v) return undefined;
  const series = m.ix
    .series(id, w)
    .filter((s) => s.v && !s.v.suppressed && s.v.value !== undefined)
    .map((s) => ({ x: s.year, y: s.v!.value!, lo: s.v!.ci_low, hi: s.v!.ci_high }));
  const ch = changeCell(m, v, def);
  const groupLabel = names.group({ subject: where.subject ?? '', grade: where.grade, period: where.period ?? '', task: '' });
  return {
    def,
    where,
    value: v,
    href,
    label: `${shortOf(def, where.subject)}${groupLabel !== 'Всего' ? ` — ${groupLabel}` : ''}`,
    text: v.suppressed || v.value === undefined ? '—' : formatValue(v.value, unitOf(def, where.subject)),
    ci: formatInterval(v, unitOf(def, where.subject)),
    change: ch.words === undefined ? undefined : ch.tone ? `${ch.words} (${ch.text})` : ch.words,
    tone: ch.tone,
    spark: series.length >= 2 ? sparkline(series, naturalRange(m, def, where)) : undefined,
  };
}

/** «5-е из 12, вероятно 3–8-е»: a place with its 95 % range of plausible places (spec §11). */
export function placeText(p: Place): string {
  const range = p.low === p.high ? '' : `, вероятно ${p.low}–${p.high}-е`;
  return `${p.place}-е из ${p.of}${range}`;
}

/** A change of place is a rise or a fall only when the index changed significantly. */
export function placeChange(p: Place): TableCell & { tone?: 'up' | 'down' } {
  if (p.change === undefined) return { text: '' };
  const moved = p.change === 0 ? 'место то же' : `место ${p.place + p.change} → ${p.place}`;
  if (!p.changeSignificant || p.change === 0) return { text: `без значимых изменений (${moved})` };
  return p.change > 0 ? { text: `▲ поднялась на ${p.change}`, tone: 'up' } : { text: `▼ опустилась на ${-p.change}`, tone: 'down' };
}
