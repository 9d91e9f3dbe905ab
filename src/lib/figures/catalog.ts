/**
 * Every chart of the site, built once per model: its stable id, the finding
 * in its title, what it measures, the SVG, the data table and the CSV. Pages,
 * embeds and chart files all read charts from here, so they always agree.
 */
import type { Where } from '../indicators/query.ts';
import { indicator, isTaskProcedure, type IndicatorId } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { shared } from '../model/handoff.ts';
import { analysisKeys, analysisPath, distributionFigure } from './subjects.ts';
import { thresholdFigure } from './signs.ts';
import { pileKey } from '../analyses/signs/index.ts';
import { mechanismFigure } from './mechanisms.ts';
import { yearOf } from '../model/years.ts';
import { namer } from '../data/names.ts';
import { SECTIONS, type Section } from '../indicators/sections.ts';
import { slug } from '../charts/common.ts';
import type { Chart } from '../charts/types.ts';
import { WIDE } from '../charts/render.ts';
import { contextFigure, progressFigures } from './analyses.ts';
import { objectivityFigure, tasksFigure } from './procedures.ts';
import { schoolsFigure, subjectsFigure } from './schools.ts';
import { schoolTrendFigure, trendFigure } from './trend.ts';
import { spill } from './spill.ts';

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
  /** Results against the schools' conditions, by year (spec §12). */
  context: Map<number, Chart>;
  /** Pupils' progress: the municipal picture and the schools, by `pair|year` (spec §13). */
  progress: Map<string, Chart[]>;
  /** Each subject analysis's score distribution, by the analysis page (spec §14). */
  analyses: Map<string, Chart>;
  /** Each mechanism indicator's municipal dynamics, by the book's id (spec §15). */
  mechanisms: Map<string, Chart>;
  /** The chart of each `threshold` sign, by its group (analyses/signs: `pileKey`). */
  signs: Map<string, Chart>;
}

export const catalog = (m: Model): Catalog => shared(m, 'catalog', () => buildCatalog(m));

/** A chart's SVG, table and CSV kept on disk (spill.ts), read when a page or a file asks for them. */
function pack(c: Chart): Chart {
  const svg = spill(c.svg);
  const table = spill(JSON.stringify(c.table));
  const csv = spill(JSON.stringify(c.csv));
  // Drawn wide on first use (the chart files' stage), while the chart can still draw; kept on disk after.
  let wide: (() => string) | undefined;
  return Object.defineProperties(c, {
    svg: { get: svg, enumerable: true, configurable: true },
    wide: { get: () => (wide ??= spill(c.draw(WIDE)))(), enumerable: true, configurable: true },
    table: { get: () => JSON.parse(table()) as Chart['table'], enumerable: true, configurable: true },
    csv: { get: () => JSON.parse(csv()) as Chart['csv'], enumerable: true, configurable: true },
  });
}

function buildCatalog(m: Model): Catalog {
  const names = namer(m.data);
  const region = new Map(m.data.region.map((r) => [`${r.indicator}|${r.year}|${r.subject ?? ''}|${r.grade ?? ''}`, r.value]));
  const regionOf = (id: string, year: number, w: Where) => region.get(`${id}|${year}|${w.subject ?? ''}|${w.grade ?? ''}`);
  const all = new Map<string, Chart>();
  const add = (c: Chart) => {
    if (all.has(c.id)) throw new Error(`Повторный идентификатор графика: ${c.id}`);
    all.set(pack(c).id, c);
    return c;
  };
  const sections = new Map<string, SectionCharts>();
  const schools = new Map<string, Chart[]>();
  const reports = new Map<number, Chart[]>();

  for (const section of SECTIONS) {
    const sc: SectionCharts = { section, groups: new Map(), tasks: [] };
    const latest = yearOf(m, section);
    sections.set(section.slug, sc);
    const page = `/${section.slug}/`;
    for (const id of section.main) {
      const def = indicator(id);
      const groups = m.ix.groups(id);
      const list: GroupCharts[] = [];
      for (const where of groups) {
        // Monitoring by grade lives in tables; its charts are for all grades together.
        if (section.by === 'period' && where.grade !== undefined) continue;
        const label = names.group({ subject: where.subject ?? '', grade: where.grade, period: where.period ?? '', task: '' });
        const g: GroupCharts = { where, label };
        const gp = groupPage(section, where);
        const gTitle = gp === page ? section.title : `${section.short}: ${label}`;
        g.trend = trendFigure(m, names, def, where, gp, gTitle, regionOf);
        if (g.trend) add(g.trend);
        g.schools = schoolsFigure(m, names, def, where, latest, gp, gTitle, regionOf);
        if (g.schools) add(g.schools);
        if (g.trend || g.schools) list.push(g);
      }
      sc.groups.set(id, list);
    }
    const first = indicator(section.main[0]);
    if (section.by === 'subject' || section.by === 'subject-grade') {
      sc.subjects = subjectsFigure(m, names, first, latest, page, section.title, '');
      if (sc.subjects) add(sc.subjects);
      for (const year of m.ix.years) {
        const c = subjectsFigure(m, names, first, year, `/reports/${year}/`, `Отчёт за ${year} год`, String(year));
        if (c) {
          add(c);
          reports.set(year, [...(reports.get(year) ?? []), c]);
        }
      }
    }
    if (section.objectivity) {
      sc.objectivity = objectivityFigure(m, names, section.objectivity, latest, page, section.title);
      if (sc.objectivity) add(sc.objectivity);
    }
    for (const p of section.procedures) {
      if (!isTaskProcedure(p)) continue;
      const taskId = `${p}.task_success` as const;
      const yearWithTasks = [...m.ix.years].reverse().find((y) => m.ix.all(taskId).some((v) => v.year === y));
      if (yearWithTasks === undefined) continue;
      const groups = new Map<string, Where>();
      for (const v of m.ix.all(taskId))
        if (v.year === yearWithTasks && v.scope === 'municipality')
          groups.set(`${v.subject}|${v.grade ?? ''}`, { subject: v.subject, grade: v.grade });
      for (const where of groups.values()) {
        const c = tasksFigure(m, names, p, where, yearWithTasks, page, section.title);
        if (c) sc.tasks.push(add(c));
      }
    }
  }

  // A school's own dynamics against the municipality, for its main results.
  const SCHOOL_TRENDS: [IndicatorId, Where][] = [
    ['ege.mean', { subject: 'rus' }],
    ['ege.mean', { subject: 'math_prof' }],
    ['oge.mean_mark', { subject: 'rus' }],
    ['oge.mean_mark', { subject: 'math' }],
    ['vpr.mean_mark', { subject: 'rus', grade: 4 }],
  ];
  for (const s of m.data.schools) {
    const list: Chart[] = [];
    for (const [id, where] of SCHOOL_TRENDS) {
      const c = schoolTrendFigure(m, names, indicator(id), s.school_id, where);
      if (c) list.push(add(c));
    }
    schools.set(s.school_id, list);
  }
  const context = new Map<number, Chart>();
  for (const y of m.context) {
    const c = contextFigure(names, y);
    if (c) context.set(y.year, add(c));
  }
  const progress = new Map<string, Chart[]>();
  for (const y of m.progress) {
    const key = `${y.pair.id}|${y.year}`;
    progress.set(key, progressFigures(names, y, m.ix, m.data.config.privacy.min_group).map(add));
  }
  const analyses = new Map<string, Chart>();
  for (const k of analysisKeys(m)) {
    const c = distributionFigure(m, k);
    if (c) analyses.set(analysisPath(k), add(c));
  }
  const mechanisms = new Map<string, Chart>();
  for (const b of m.data.mechanismBook) {
    const c = mechanismFigure(m, b);
    if (c) mechanisms.set(b.id, add(c));
  }
  const signs = new Map(m.signs.piles.map((p) => [pileKey(p), add(thresholdFigure(m, p))]));
  return { all, sections, schools, reports, context, progress, analyses, mechanisms, signs };
}

/** The page of a group's charts: a page per subject (and grade), or the section page itself. */

export function groupPage(section: Section, where: Where): string {
  return (section.by === 'subject' || section.by === 'subject-grade') && where.subject
    ? `/${section.slug}/${slug(where.subject, where.grade)}/`
    : `/${section.slug}/`;
}
