/**
 * Every chart of the site, built once per model: its stable id, the finding
 * in its title, what it measures, the SVG, the data table and the CSV. Pages,
 * embeds and chart files all read charts from here, so they always agree.
 */
import { count, describeComparison, sentence, describeStanding, formatInterval, formatNumber, formatValue, genderOf, DIGITS } from '../format.ts';
import { changeFromPrevious, compareWithFixed, compareWithRest } from '../indicators/compare.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import type { Where } from '../indicators/query.ts';
import { INDICATOR_BY_ID, unitOf } from '../indicators/registry.ts';
import type { IndicatorDef } from '../indicators/types.ts';
import type { Model } from '../model.ts';
import { namer, subjectPrepositional, type Namer } from '../names.ts';
import type { Cell } from '../opendata/csv.ts';
import { SECTIONS, type Section } from '../procedures.ts';
import { barChart, CI_COLOR, COLORS, histogramChart, lineChart, stackChart, taskChart, type Bar, type SeriesPoint, type StackRow } from './render.ts';

export interface TableCell {
  text: string;
  num?: boolean;
  /** Why the value is withheld, for a title and a footnote. */
  why?: string;
  /** The 95 % interval, «(69,8–72,8)», shown after the value. */
  ci?: string;
}

export interface Chart {
  /** Stable across rebuilds and seasons: derived from what the chart shows, never from positions. */
  id: string;
  title: string;
  subtitle: string;
  /** Site path (without base) of the page the chart belongs to. */
  page: string;
  pageTitle: string;
  svg: string;
  /** Draws the chart at another width (the downloadable files are wider than the page). */
  draw: (width: number) => string;
  /** Text alternative: what the chart shows, in words. */
  alt: string;
  table: { head: string[]; rows: TableCell[][] };
  csv: { header: string[]; rows: Cell[][] };
  notes: string[];
  indicator?: string;
  /** Keys of the marks, shown above the chart in HTML (the SVG has no legend of its own). */
  legend: LegendItem[];
}

export interface LegendItem {
  label: string;
  color: string;
  /** `interval`: the error bar of a 95 % interval. */
  mark: 'line' | 'dashed' | 'box' | 'interval';
}

export interface GroupCharts {
  where: Where;
  label: string;
  trend?: Chart;
  schools?: Chart;
}

export interface SectionCharts {
  section: Section;
  subjects?: Chart;
  groups: Map<string, GroupCharts[]>;
  objectivity?: Chart;
  tasks: Chart[];
}

export interface Catalog {
  all: Map<string, Chart>;
  sections: Map<string, SectionCharts>;
  schools: Map<string, Chart[]>;
  reports: Map<number, Chart[]>;
}

const TRANSLIT: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia' };

/** A URL-safe id from codes: `ege.mean` + `math_prof` → `ege-mean-math-prof`; Cyrillic codes are transliterated. */
export const slug = (...parts: (string | number | undefined)[]) =>
  parts
    .filter((p) => p !== undefined && p !== '')
    .join('-')
    .toLowerCase()
    .replace(/[а-яё]/g, (ch) => TRANSLIT[ch] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** «—» with the reason, for tables. */
export function whyHidden(v: IndicatorValue, minGroup: number): string {
  if (v.reason === 'ovz') return `скрыто: менее ${minGroup} человек (защита персональных данных)`;
  if (v.reason === 'empty') return 'нет участников в группе';
  return `скрыто: в группе ${v.n} ${v.n === 1 ? 'участник' : v.n < 5 ? 'участника' : 'участников'} — меньше порога ${minGroup}`;
}

export function valueCell(v: IndicatorValue | undefined, def: IndicatorDef, minGroup: number): TableCell {
  if (!v) return { text: '', num: true };
  if (v.suppressed || v.value === undefined) return { text: '—', num: true, why: whyHidden(v, minGroup) };
  return { text: formatValue(v.value, unitOf(def, v.subject)), num: true, ci: formatInterval(v, unitOf(def, v.subject)) };
}

const drawn = (draw: (width?: number) => string) => ({ draw: (w: number) => draw(w), svg: draw(undefined) });

const cache = new WeakMap<Model, Catalog>();

export function catalog(m: Model): Catalog {
  let c = cache.get(m);
  if (!c) cache.set(m, (c = buildCatalog(m)));
  return c;
}

function buildCatalog(m: Model): Catalog {
  const names = namer(m.data);
  const minGroup = m.data.config.privacy.min_group;
  const region = new Map(m.data.region.map((r) => [`${r.indicator}|${r.year}|${r.subject ?? ''}|${r.grade ?? ''}`, r.value]));
  const regionOf = (id: string, year: number, w: Where) => region.get(`${id}|${year}|${w.subject ?? ''}|${w.grade ?? ''}`);
  const all = new Map<string, Chart>();
  const add = (c: Chart) => {
    if (all.has(c.id)) throw new Error(`Повторный идентификатор графика: ${c.id}`);
    all.set(c.id, c);
    return c;
  };
  const latest = m.latestYear;
  const muniName = m.data.config.municipality.name;
  const sections = new Map<string, SectionCharts>();
  const schools = new Map<string, Chart[]>();
  const reports = new Map<number, Chart[]>();

  for (const section of SECTIONS) {
    const sc: SectionCharts = { section, groups: new Map(), tasks: [] };
    sections.set(section.slug, sc);
    const page = `/${section.slug}/`;
    for (const id of section.main) {
      const def = INDICATOR_BY_ID.get(id)!;
      const groups = groupsOf(m, id);
      const list: GroupCharts[] = [];
      for (const where of groups) {
        // Monitoring by grade lives in tables; its charts are for all grades together.
        if (section.by === 'period' && where.grade !== undefined) continue;
        const label = names.group({ subject: where.subject ?? '', grade: where.grade, period: where.period ?? '', task: '' });
        const g: GroupCharts = { where, label };
        const gp = groupPage(section, where);
        const gTitle = gp === page ? section.title : `${section.short}: ${label}`;
        g.trend = trendChart(m, names, def, where, gp, gTitle, regionOf, muniName);
        if (g.trend) add(g.trend);
        g.schools = schoolsChart(m, names, def, where, latest, gp, gTitle, regionOf, minGroup, '');
        if (g.schools) add(g.schools);
        if (g.trend || g.schools) list.push(g);
      }
      sc.groups.set(id, list);
    }
    const first = INDICATOR_BY_ID.get(section.main[0])!;
    if (section.by === 'subject' || section.by === 'subject-grade') {
      sc.subjects = subjectsChart(m, names, first, latest, page, section.title, '');
      if (sc.subjects) add(sc.subjects);
      for (const year of m.ix.years) {
        const c = subjectsChart(m, names, first, year, `/reports/${year}/`, `Отчёт за ${year} год`, String(year));
        if (c) {
          add(c);
          reports.set(year, [...(reports.get(year) ?? []), c]);
        }
      }
    }
    if (section.objectivity) {
      sc.objectivity = objectivityChart(m, names, section.objectivity, latest, page, section.title, minGroup);
      if (sc.objectivity) add(sc.objectivity);
    }
    for (const p of section.procedures) {
      const taskId = `${p}.task_success`;
      if (!INDICATOR_BY_ID.has(taskId)) continue;
      const yearWithTasks = [...m.ix.years].reverse().find((y) => m.ix.all(taskId).some((v) => v.year === y));
      if (yearWithTasks === undefined) continue;
      const groups = new Map<string, Where>();
      for (const v of m.ix.all(taskId)) if (v.year === yearWithTasks && v.scope === 'municipality') groups.set(`${v.subject}|${v.grade ?? ''}`, { subject: v.subject, grade: v.grade });
      for (const where of groups.values()) {
        const c = tasksChart(m, names, p, where, yearWithTasks, page, section.title);
        if (c) sc.tasks.push(add(c));
      }
    }
  }

  // A school's own dynamics against the municipality, for its main results.
  const SCHOOL_TRENDS: [string, Where][] = [['ege.mean', { subject: 'rus' }], ['ege.mean', { subject: 'math_prof' }], ['oge.mean_mark', { subject: 'rus' }], ['oge.mean_mark', { subject: 'math' }], ['vpr.mean_mark', { subject: 'rus', grade: 4 }]];
  for (const s of m.data.schools) {
    const list: Chart[] = [];
    for (const [id, where] of SCHOOL_TRENDS) {
      const c = schoolTrendChart(m, names, INDICATOR_BY_ID.get(id)!, s.school_id, where);
      if (c) list.push(add(c));
    }
    schools.set(s.school_id, list);
  }
  return { all, sections, schools, reports };
}

/** The page of a group's charts: a page per subject (and grade), or the section page itself. */
export function groupPage(section: Section, where: Where): string {
  return (section.by === 'subject' || section.by === 'subject-grade') && where.subject ? `/${section.slug}/${slug(where.subject, where.grade)}/` : `/${section.slug}/`;
}

/** Dimension tuples of an indicator at municipal level, in a stable order. */
export function groupsOf(m: Model, id: string): Where[] {
  const seen = new Map<string, Where>();
  for (const v of m.ix.all(id)) {
    if (v.scope !== 'municipality' || v.task) continue;
    const k = `${v.subject}|${String(v.grade ?? '').padStart(2, '0')}|${v.period}`;
    if (!seen.has(k)) seen.set(k, { subject: v.subject || undefined, grade: v.grade, period: v.period || undefined });
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w);
}

type RegionOf = (id: string, year: number, w: Where) => number | undefined;

function groupWords(names: Namer, where: Where): string {
  const parts: string[] = [];
  if (where.subject) parts.push(subjectPrepositional(names.subject(where.subject)).replace(/^: /, '— '));
  if (where.grade !== undefined) parts.push(`в ${where.grade} классе`);
  if (where.period) parts.push(`(${where.period})`);
  return parts.join(' ');
}

const unitWord = (def: IndicatorDef, subject?: string) => {
  const u = unitOf(def, subject);
  return u === 'отметка' ? 'средняя отметка' : u;
};

function trendChart(m: Model, names: Namer, def: IndicatorDef, where: Where, page: string, pageTitle: string, regionOf: RegionOf, muniName: string): Chart | undefined {
  const series = m.ix.series(def.id, where).filter((s) => s.v);
  const shown = series.filter((s) => s.v && !s.v.suppressed && s.v.value !== undefined);
  if (shown.length === 0) return undefined;
  const digits = DIGITS[unitOf(def, where.subject)];
  const points: SeriesPoint[] = shown.map((s) => ({ series: 'Муниципалитет', x: s.year, y: s.v!.value!, lo: s.v!.ci_low, hi: s.v!.ci_high }));
  const regionPoints = series.map((s) => ({ year: s.year, r: regionOf(def.id, s.year, where) })).filter((x) => x.r !== undefined);
  for (const r of regionPoints) points.push({ series: 'Регион', x: r.year, y: r.r! });
  const last = shown[shown.length - 1];
  const change = changeFromPrevious(m.ix, last.v!);
  const unit = unitOf(def, where.subject);
  const what = `${def.name} ${groupWords(names, where)}`.trim();
  const regionLast = regionOf(def.id, last.year, where);
  const vsRegion = regionLast === undefined ? undefined : compareWithFixed(last.v, regionLast);
  const regionWords = !vsRegion ? '' : vsRegion.significant ? `; ${vsRegion.diff > 0 ? 'выше' : 'ниже'}, чем в регионе (${formatValue(regionLast!, unit)})` : `; на уровне региона (${formatValue(regionLast!, unit)})`;
  const title = change !== undefined
    ? `${what} в ${last.year} году — ${formatValue(last.v!.value!, unit)}: ${describeComparison(change, unit, genderOf(def.name))}${regionWords}`
    : `${what}: ${formatValue(last.v!.value!, unit)} в ${last.year} году${regionWords}`;
  const withCi = shown.some((s) => s.v!.ci_low !== undefined);
  const id = slug(def.id, where.subject, where.grade, where.period === undefined ? undefined : where.period === '1 полугодие' ? 'h1' : where.period === '2 полугодие' ? 'h2' : 'year', 'municipality');
  const seriesNames = regionPoints.length ? ['Муниципалитет', 'Регион'] : ['Муниципалитет'];
  return {
    id, title, page, pageTitle, indicator: def.id,
    subtitle: `${def.name}, ${unitWord(def, where.subject)}; ${muniName}${regionPoints.length ? ' и регион' : ''}, ${series[0].year}–${series[series.length - 1].year}`,
    ...drawn((width) => lineChart(points, { label: title, digits, series: seriesNames, yLabel: unitOf(def, where.subject) === '%' ? '%' : unitOf(def, where.subject), width })),
    alt: sentence(`${sentence(title)} Значения по годам: ${shown.map((s) => `${s.year} — ${formatValue(s.v!.value!, unitOf(def, where.subject))}`).join('; ')}`),
    table: {
      head: ['Год', 'Муниципалитет', 'Изменение', 'Участников (n)', ...(regionPoints.length ? ['Регион'] : [])],
      rows: series.map((s) => {
        const ch = changeFromPrevious(m.ix, s.v!);
        const r = regionOf(def.id, s.year, where);
        return [{ text: String(s.year) }, valueCell(s.v, def, m.data.config.privacy.min_group), { text: ch === undefined ? '' : describeComparison(ch, unit, genderOf(def.name)), num: false }, { text: formatNumber(s.v!.n, 0), num: true }, ...(regionPoints.length ? [{ text: r === undefined ? '' : formatValue(r, unitOf(def, where.subject)), num: true }] : [])];
      }),
    },
    csv: {
      header: ['year', 'series', 'indicator', 'subject', 'grade', 'period', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [
        ...series.map((s) => [s.year, 'municipality', def.id, where.subject, where.grade, where.period, s.v!.suppressed ? undefined : s.v!.value!.toFixed(2), s.v!.n, s.v!.suppressed ? 1 : 0, ...ciCells(s.v!)]),
        ...regionPoints.map((r) => [r.year, 'region', def.id, where.subject, where.grade, where.period, r.r!.toFixed(2), undefined, 0, undefined, undefined]),
      ],
    },
    notes: series.filter((s) => s.v!.suppressed).map((s) => `${s.year}: ${whyHidden(s.v!, m.data.config.privacy.min_group)}`),
    legend: [{ label: muniName, color: COLORS.main, mark: 'line' }, ...(regionPoints.length ? [{ label: 'Регион', color: COLORS.region, mark: 'dashed' as const }] : []), ...(withCi ? [CI_LEGEND] : [])],
  };
}

function schoolsChart(m: Model, names: Namer, def: IndicatorDef, where: Where, year: number, page: string, pageTitle: string, regionOf: RegionOf, minGroup: number, suffix: string): Chart | undefined {
  const values = m.ix.all(def.id).filter((v) => v.year === year && v.scope === 'school' && v.subject === (where.subject ?? '') && v.grade === where.grade && v.period === (where.period ?? '') && !v.task);
  const shown = values.filter((v) => !v.suppressed && v.value !== undefined);
  if (shown.length < 2) return undefined;
  const muni = m.ix.get(def.id, year, where);
  const reg = regionOf(def.id, year, where);
  const digits = DIGITS[unitOf(def, where.subject)];
  const bars: Bar[] = shown.map((v) => ({ label: names.school(v.school_id), value: v.value!, lo: v.ci_low, hi: v.ci_high, flag: m.risks.some((r) => r.year === year && r.school_id === v.school_id && r.indicator === def.id && r.subject === v.subject && r.grade === v.grade) }));
  const sorted = [...shown].sort((a, b) => b.value! - a.value!);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  const unit = unitOf(def, where.subject);
  const what = `${def.short.replace(/^[^:]+: /, '')} ${groupWords(names, where)}`.trim();
  // The finding is how many schools differ from the rest beyond chance (spec §11), not who is first.
  const differ = sorted.map((v) => ({ v, c: compareWithRest(v, muni) })).filter((x) => x.c?.significant && !x.c.exact);
  const listed = (xs: typeof differ) => (xs.length <= 3 ? xs.map((x) => names.school(x.v.school_id)).join(', ') : count(xs.length, ['школа', 'школы', 'школ']));
  const higher = differ.filter((x) => x.c!.diff > 0);
  const lower = differ.filter((x) => x.c!.diff < 0);
  const testable = shown.some((v) => v.sd !== undefined || v.numerator !== undefined);
  const finding = def.better === null || !testable
    ? ''
    : differ.length === 0
      ? '; ни одна школа не отличается от остальных сильнее, чем допускают случайные колебания'
      : `; сильнее случайных колебаний отличаются от остальных школ: ${[higher.length ? `выше — ${listed(higher)}` : '', lower.length ? `ниже — ${listed(lower)}` : ''].filter(Boolean).join('; ')}`;
  const title = `${capital(what)} в школах в ${year} году: от ${formatValue(bottom.value!, unit)} до ${formatValue(top.value!, unit)}${finding}`;
  const withCi = bars.some((b) => b.lo !== undefined);
  const refs = [
    ...(muni && !muni.suppressed && muni.value !== undefined ? [{ label: 'Муниципалитет', value: muni.value }] : []),
    ...(reg !== undefined ? [{ label: 'Регион', value: reg }] : []),
  ];
  const hidden = values.filter((v) => v.suppressed);
  return {
    id: slug(def.id, where.subject, where.grade, where.period === undefined ? undefined : where.period === '1 полугодие' ? 'h1' : where.period === '2 полугодие' ? 'h2' : 'year', 'schools', suffix),
    title, page, pageTitle, indicator: def.id,
    subtitle: `${def.name} ${groupWords(names, where)}, ${unitWord(def, where.subject)}, ${year} год, по школам${bars.length > MANY ? ' (столбик — число школ с таким значением)' : ''}; вертикальные линии — муниципалитет${reg !== undefined ? ' и регион' : ''}${bars.some((b) => b.flag) ? '; красным — школы в зоне риска' : ''}`,
    // Past a few dozen schools a bar each would be unreadable: how many schools have each value, the table names them.
    ...drawn((width) => (bars.length > MANY ? histogramChart(bars, { label: title, digits, refs, width }) : barChart(bars, { label: title, digits, refs, xLabel: '', width }))),
    alt: sentence(`${sentence(title)} ${sorted.map((v) => `${names.school(v.school_id)} — ${formatValue(v.value!, unitOf(def, where.subject))}`).join('; ')}`),
    table: {
      head: ['Школа', 'Значение', 'Участников (n)'],
      rows: [
        ...sorted.map((v) => [{ text: names.school(v.school_id) }, valueCell(v, def, minGroup), { text: formatNumber(v.n, 0), num: true }]),
        ...hidden.map((v) => [{ text: names.school(v.school_id) }, valueCell(v, def, minGroup), { text: v.reason === 'ovz' ? '—' : formatNumber(v.n, 0), num: true }]),
        ...(refs.length ? refs.map((r) => [{ text: r.label }, { text: formatValue(r.value, unitOf(def, where.subject)), num: true }, { text: r.label === 'Муниципалитет' && muni ? formatNumber(muni.n, 0) : '', num: true }]) : []),
      ],
    },
    csv: {
      header: ['year', 'school_id', 'school_name', 'indicator', 'subject', 'grade', 'period', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [...sorted, ...hidden].map((v) => [year, v.school_id, names.school(v.school_id), def.id, v.subject, v.grade, v.period, v.suppressed ? undefined : v.value!.toFixed(2), v.reason === 'ovz' ? undefined : v.n, v.suppressed ? 1 : 0, ...ciCells(v)]),
    },
    notes: hidden.length ? [`Не показаны на графике: ${hidden.map((v) => `${names.school(v.school_id)} (${whyHidden(v, minGroup)})`).join('; ')}.`] : [],
    legend: [
      ...refs.map((r, i) => ({ label: `${r.label}: ${formatValue(r.value, unitOf(def, where.subject))}`, color: i === 0 ? COLORS.muni : COLORS.region, mark: i === 0 ? ('line' as const) : ('dashed' as const) })),
      ...(bars.some((b) => b.flag) ? [{ label: 'Школа в зоне риска', color: COLORS.low, mark: 'box' as const }] : []),
      ...(withCi && bars.length <= MANY ? [CI_LEGEND] : []),
    ],
  };
}

function subjectsChart(m: Model, names: Namer, def: IndicatorDef, year: number, page: string, pageTitle: string, suffix: string): Chart | undefined {
  // Base maths is scored as a mark, not on the 100-point scale: it is not compared with the other subjects.
  const values = m.ix.all(def.id).filter((v) => v.year === year && v.scope === 'municipality' && !v.task && !v.period && !(def.id.startsWith('ege.') && v.subject === 'math_base'));
  const shown = values.filter((v) => !v.suppressed && v.value !== undefined);
  if (shown.length < 2) return undefined;
  const label = (v: IndicatorValue) => names.group(v);
  const sorted = [...shown].sort((a, b) => b.value! - a.value!);
  const what = def.short.replace(/^[^:]+: /, '');
  const title = `${capital(what)} по предметам в ${year} году: от ${formatValue(sorted[sorted.length - 1].value!, def.unit)} (${label(sorted[sorted.length - 1])}) до ${formatValue(sorted[0].value!, def.unit)} (${label(sorted[0])})`;
  const minGroup = m.data.config.privacy.min_group;
  return {
    id: slug(def.id, 'subjects', suffix), title, page, pageTitle, indicator: def.id,
    subtitle: `${def.name}, ${unitWord(def)}, ${year} год, муниципалитет, по предметам`,
    ...drawn((width) => barChart(shown.map((v) => ({ label: label(v), value: v.value!, lo: v.ci_low, hi: v.ci_high })), { label: title, digits: DIGITS[def.unit], xLabel: '', width })),
    alt: sentence(`${sentence(title)} ${sorted.map((v) => `${label(v)} — ${formatValue(v.value!, def.unit)}`).join('; ')}`),
    table: { head: ['Предмет', 'Значение', 'Участников (n)'], rows: values.map((v) => [{ text: label(v) }, valueCell(v, def, minGroup), { text: formatNumber(v.n, 0), num: true }]) },
    csv: { header: ['year', 'indicator', 'subject', 'grade', 'value', 'n', 'suppressed'], rows: values.map((v) => [year, def.id, v.subject, v.grade, v.suppressed ? undefined : v.value!.toFixed(2), v.n, v.suppressed ? 1 : 0]) },
    notes: values.filter((v) => v.suppressed).map((v) => `${label(v)}: ${whyHidden(v, minGroup)}`),
    legend: shown.some((v) => v.ci_low !== undefined) ? [CI_LEGEND] : [],
  };
}

function objectivityChart(m: Model, names: Namer, p: 'ege' | 'oge' | 'vpr', year: number, page: string, pageTitle: string, minGroup: number): Chart | undefined {
  const lowered = m.ix.all(`${p}.lowered_share`).filter((v) => v.year === year && v.scope === 'municipality');
  const rows: StackRow[] = [];
  const table: TableCell[][] = [];
  const csvRows: Cell[][] = [];
  for (const l of lowered) {
    const w = { subject: l.subject, grade: l.grade };
    const c = m.ix.get(`${p}.confirmed_share`, year, w);
    const r = m.ix.get(`${p}.raised_share`, year, w);
    const label = names.group(l);
    if (l.suppressed || !c || !r) {
      table.push([{ text: label }, { text: '—', num: true, why: whyHidden(l, minGroup) }, { text: '—', num: true }, { text: '—', num: true }, { text: formatNumber(l.n, 0), num: true }]);
      continue;
    }
    rows.push({ group: label, lowered: l.value!, confirmed: c.value!, raised: r.value! });
    table.push([{ text: label }, ...[l, c, r].map((v) => ({ text: formatValue(v.value!, '%'), num: true })), { text: formatNumber(l.n, 0), num: true }]);
    csvRows.push([year, l.subject, l.grade, l.value!.toFixed(2), c.value!.toFixed(2), r.value!.toFixed(2), l.n]);
  }
  if (rows.length === 0) return undefined;
  const worst = [...rows].sort((a, b) => b.lowered - a.lowered)[0];
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p];
  const title = `${label}: чаще всего отметку понижают — ${worst.group} (${formatValue(worst.lowered, '%')} участников)`;
  return {
    id: slug(p, 'objectivity'), title, page, pageTitle, indicator: `${p}.lowered_share`,
    subtitle: `Сравнение отметки за ${label} с ${p === 'vpr' ? 'отметкой по журналу' : 'отметкой в аттестате'}, % участников с обеими отметками, ${year} год: понизили, подтвердили, повысили`,
    ...drawn((width) => stackChart(rows, { label: title, width })),
    alt: sentence(`${sentence(title)} ${rows.map((r) => `${r.group}: понизили ${formatValue(r.lowered, '%')}, подтвердили ${formatValue(r.confirmed, '%')}, повысили ${formatValue(r.raised, '%')}`).join('; ')}`),
    table: { head: ['Группа', 'Понизили', 'Подтвердили', 'Повысили', 'Участников с обеими отметками (n)'], rows: table },
    csv: { header: ['year', 'subject', 'grade', 'lowered_share', 'confirmed_share', 'raised_share', 'n'], rows: csvRows },
    notes: [],
    legend: [{ label: 'Понизили', color: COLORS.lowered, mark: 'box' }, { label: 'Подтвердили', color: COLORS.confirmed, mark: 'box' }, { label: 'Повысили', color: COLORS.raised, mark: 'box' }],
  };
}

function tasksChart(m: Model, names: Namer, p: string, where: Where, year: number, page: string, pageTitle: string): Chart | undefined {
  const values = m.ix.all(`${p}.task_success`).filter((v) => v.year === year && v.scope === 'municipality' && v.subject === where.subject && v.grade === where.grade && v.task && !v.suppressed);
  if (values.length === 0) return undefined;
  const byTask = values.sort((a, b) => taskOrder(a.task, b.task));
  const deficits = byTask.filter((v) => v.value! < 50);
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p] ?? p;
  const group = names.group({ subject: where.subject ?? '', grade: where.grade, period: '', task: '' });
  const title = deficits.length
    ? `${label}, ${group}: ${deficits.length} из ${byTask.length} заданий выполнены менее чем на 50 % — это дефициты`
    : `${label}, ${group}: все задания выполнены не менее чем на 50 %`;
  const task = (t: string) => m.data.tasks.find((x) => x.year === year && x.procedure === p && x.subject === where.subject && (x.grade ?? undefined) === where.grade && x.task === t);
  return {
    id: slug(p, 'tasks', where.subject, where.grade), title, page, pageTitle, indicator: `${p}.task_success`,
    subtitle: `Процент выполнения каждого задания, муниципалитет, ${year} год; пунктир — 50 %`,
    ...drawn((width) => taskChart(byTask.map((v) => ({ task: v.task, value: v.value! })), { label: title, threshold: 50, width })),
    alt: sentence(`${sentence(title)} ${byTask.map((v) => `задание ${v.task} — ${formatValue(v.value!, '%')}`).join('; ')}`),
    table: { head: ['Задание', 'Уровень', 'Проверяемое умение', 'Выполнение', 'Участников (n)'], rows: byTask.map((v) => [{ text: v.task }, { text: task(v.task)?.level ?? '' }, { text: task(v.task)?.skill ?? '' }, { text: formatValue(v.value!, '%') + (v.value! < 50 ? ' (дефицит)' : ''), num: true }, { text: formatNumber(v.n, 0), num: true }]) },
    csv: { header: ['year', 'procedure', 'subject', 'grade', 'task', 'level', 'skill', 'success', 'n', 'deficit'], rows: byTask.map((v) => [year, p, v.subject, v.grade, v.task, task(v.task)?.level, task(v.task)?.skill, v.value!.toFixed(2), v.n, v.value! < 50 ? 1 : 0]) },
    notes: [],
    legend: [{ label: 'Выполнено не менее чем на 50 %', color: COLORS.main, mark: 'box' }, { label: 'Дефицит: менее 50 % (отмечен «!»)', color: COLORS.low, mark: 'box' }],
  };
}

function schoolTrendChart(m: Model, names: Namer, def: IndicatorDef, school: string, where: Where): Chart | undefined {
  const mine = m.ix.series(def.id, { ...where, school }).filter((s) => s.v);
  const shown = mine.filter((s) => !s.v!.suppressed && s.v!.value !== undefined);
  if (shown.length === 0) return undefined;
  const muni = m.ix.series(def.id, where).filter((s) => s.v && !s.v.suppressed && s.v.value !== undefined);
  const name = names.school(school);
  const points: SeriesPoint[] = [...shown.map((s) => ({ series: name, x: s.year, y: s.v!.value!, lo: s.v!.ci_low, hi: s.v!.ci_high })), ...muni.map((s) => ({ series: 'Муниципалитет', x: s.year, y: s.v!.value! }))];
  const last = shown[shown.length - 1];
  const muniLast = m.ix.get(def.id, last.year, where);
  const what = `${def.name} ${groupWords(names, where)}`.trim();
  const standing = describeStanding(compareWithRest(last.v, muniLast));
  const title = `${what}: в ${last.year} году ${formatValue(last.v!.value!, unitOf(def, where.subject))}${standing.text ? ` — ${standing.text}` : ''}`;
  const withCi = shown.some((s) => s.v!.ci_low !== undefined);
  const minGroup = m.data.config.privacy.min_group;
  return {
    id: slug('school', school, def.id, where.subject, where.grade), title, page: `/schools/${school}/`, pageTitle: name, indicator: def.id,
    subtitle: `${def.name} ${groupWords(names, where)}, ${unitWord(def, where.subject)}: ${name} и муниципалитет по годам`,
    ...drawn((width) => lineChart(points, { label: title, digits: DIGITS[unitOf(def, where.subject)], series: [name, 'Муниципалитет'], yLabel: unitOf(def, where.subject) === '%' ? '%' : unitOf(def, where.subject), width })),
    alt: sentence(`${sentence(title)} По годам: ${shown.map((s) => `${s.year} — ${formatValue(s.v!.value!, unitOf(def, where.subject))}`).join('; ')}`),
    table: {
      head: ['Год', name, 'Участников (n)', 'Муниципалитет'],
      rows: mine.map((s) => [{ text: String(s.year) }, valueCell(s.v, def, minGroup), { text: formatNumber(s.v!.n, 0), num: true }, valueCell(m.ix.get(def.id, s.year, where), def, minGroup)]),
    },
    csv: {
      header: ['year', 'series', 'school_id', 'indicator', 'subject', 'grade', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [
        ...mine.map((s) => [s.year, 'school', school, def.id, where.subject, where.grade, s.v!.suppressed ? undefined : s.v!.value!.toFixed(2), s.v!.n, s.v!.suppressed ? 1 : 0, ...ciCells(s.v!)]),
        ...muni.map((s) => [s.year, 'municipality', '', def.id, where.subject, where.grade, s.v!.value!.toFixed(2), s.v!.n, 0, ...ciCells(s.v!)]),
      ],
    },
    notes: mine.filter((s) => s.v!.suppressed).map((s) => `${s.year}: ${whyHidden(s.v!, minGroup)}`),
    legend: [{ label: name, color: COLORS.main, mark: 'line' }, { label: 'Муниципалитет', color: COLORS.region, mark: 'dashed' }, ...(withCi ? [{ ...CI_LEGEND, color: COLORS.main }] : [])],
  };
}

function taskOrder(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
  return 0;
}

/** More schools than this are drawn as a histogram, not a bar each. */
const MANY = 40;

/** The legend line of every chart with intervals. */
const CI_LEGEND: LegendItem = { label: '95-процентный доверительный интервал (пределы случайных колебаний)', color: CI_COLOR, mark: 'interval' };

const ciCells = (v: IndicatorValue) => (v.suppressed || v.ci_low === undefined ? [undefined, undefined] : [v.ci_low.toFixed(2), v.ci_high!.toFixed(2)]);

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
