/** The analytical reports: the list, the year's report, each справка and section 2.4 of the final report. */
import { namer } from '../../data/names.ts';
import { PUBLISHED_IN, indicator, unitOf } from '../../indicators/registry.ts';
import { PROCEDURE_NAMES } from '../../indicators/sections.ts';
import { RULE_NAMES, type Risk } from '../../analyses/risks.ts';
import { signsPage, SIGNS_PAGE } from '../signs.ts';
import { masteryThreshold } from '../../indicators/mastery.ts';
import { briefsOf, documentPath, type Brief } from '../../reports/briefs.ts';
import { conclusions, SECTION_24, sectionsWithData, trendFindings, trendLines, type TrendLine } from '../../reports/trends.ts';
import { deficits } from '../../reports/deficits.ts';
import { catalog } from '../../figures/catalog.ts';
import { getModel } from '../../model/handoff.ts';
import { count, formatDate, formatValue, lower, lowerFirst } from '../../words/format.ts';
import { changeCell, matrix, placeChange, placeText, sectionIndicators } from '../tables.ts';
import { mechanismFacts } from '../../reports/mechanisms.ts';
import { site } from '../site.ts';
import { stagesLine } from './home.ts';
import { analysesOf, subjectAnalysis } from './subjects.ts';
import { analysisPath, subjectTitle } from '../../figures/subjects.ts';

export function reportsPage() {
  const { m, href } = site();
  return {
    years: [...m.ix.years].reverse().map((y) => ({
      year: y,
      href: href(`/reports/${y}/`),
      section24: href(`/reports/${y}/section-2-4/`),
      briefs: briefsOf(m, y).map((b) => ({ href: href(`/reports/${y}/${b.slug}/`), short: b.short })),
    })),
  };
}

/**
 * A finding's marker: the arrow the way the number went (▲ up, ▼ down), green when that is for the better and red
 * when for the worse; no colour for counts and neutral indicators. A share of failures that fell is ▼ in green.
 */
export const toneOf = (l: Pick<TrendLine, 'significant' | 'change' | 'since' | 'def'>) => {
  const d = l.significant ? l.change : l.since?.change;
  if (d === undefined || d === 0) return undefined;
  const arrow = d > 0 ? 'is-up' : 'is-down';
  return l.def.better === null ? arrow : `${arrow} ${d > 0 === l.def.better ? 'is-good' : 'is-bad'}`;
};

/** A finding as the list of changes says it: «ЕГЭ, русский язык: средний балл вырос на …». */
const findingText = (l: TrendLine & { section: { short: string } }) => ({
  section: l.section.short,
  text: `${l.group === 'Всего' ? '' : `${lower(l.group)}: `}${lowerFirst(l.name)} ${l.finding}`,
  tone: toneOf(l),
});

export function reportPage({ year }: { year: number }) {
  const { m, href } = site();
  const cfg = m.data.config;
  const names = namer(m.data);
  const sections = sectionsWithData(m, year);
  const reportCharts = catalog(m).reports.get(year) ?? [];
  const risks = m.risks.filter((r) => r.year === year);
  const trends = trendFindings(m, sections, year);
  const context = m.context.find((c) => c.year === year);
  return {
    href,
    cfg,
    year,
    stages: stagesLine(m, year, true),
    document: href(documentPath(`/reports/${year}/`)),
    section24: href(`/reports/${year}/section-2-4/`),
    briefs: briefsOf(m, year).map((b) => ({ href: href(`/reports/${year}/${b.slug}/`), short: b.short })),
    analyses: (['ege', 'oge', 'vpr'] as const)
      .flatMap((p) => analysesOf(m, p, year))
      .map((k) => ({ href: href(analysisPath(k)), title: subjectTitle(m, k) })),
    sections: sections.map((s) => ({ s, core: sectionIndicators(s).core, chart: reportCharts.find((c) => c.indicator === s.main[0]) })),
    findingLists: [
      { title: 'За год', list: trends.real.filter((l) => l.significant).map(findingText) },
      {
        title: `С ${m.ix.years[0]} года (за год — в пределах случайных колебаний)`,
        list: trends.real.filter((l) => !l.significant).map(findingText),
      },
    ].filter((f) => f.list.length > 0),
    calm: trends.calm,
    changed: trends.real.length,
    mechanisms: mechanismFacts(m, year).map((x) => ({ ...x, href: href(x.path) })),
    risks,
    riskSummary: `${count(risks.length, ['случай', 'случая', 'случаев'])} в ${count(new Set(risks.map((r) => r.school_id)).size, ['школе', 'школах', 'школах'])}: ${Object.entries(
      RULE_NAMES,
    )
      .map(([k, v]) => `${lower(v)} — ${risks.filter((r) => r.rule === k).length}`)
      .join('; ')}`,
    context,
    contextHref: context ? href(context === m.context.at(-1) ? '/context/' : `/context/#year-${year}`) : undefined,
    riskTable: riskOverview(risks),
    signs: signsPage(m).find((y) => y.year === year),
    signsHref: href(`${SIGNS_PAGE}#y${year}`),
    difficult: context
      ? {
          poor: context.schools.filter((s) => s.unfavourable).map((s) => names.school(s.school_id)),
          low: context.schools.filter((s) => s.lowResults).map((s) => names.school(s.school_id)),
          effective: context.schools.filter((s) => s.effective).map((s) => names.school(s.school_id)),
        }
      : undefined,
    gaps: deficits(m, year).map((g) => ({
      ...g,
      procedure: PROCEDURE_NAMES[g.procedure],
      group: lower(g.group),
      value: formatValue(g.value, '%'),
    })),
    // The tasks not mastered as a table: the work, the task, the skill, its level, the completion against the threshold.
    gapsTable: gapsTable(deficits(m, year)),
  };
}

export function briefPaths() {
  const m = getModel();
  return m.ix.years.flatMap((year) =>
    briefsOf(m, year).map((brief) => ({ params: { year: String(year), brief: brief.slug }, props: { year, brief } })),
  );
}

export function briefPage({ year, brief }: { year: number; brief: Brief }) {
  const { m, href } = site();
  const cfg = m.data.config;
  const names = namer(m.data);
  const defs = sectionIndicators(brief.section);
  const obj = defs.objectivity.length ? matrix(m, defs.objectivity, year) : undefined;
  const main = indicator(brief.main);
  const groups = m.ix.groups(brief.main).filter((w) => m.ix.get(brief.main, year, w));
  const schoolIds = names.bySchoolName(
    new Set(
      m.ix
        .all(brief.main)
        .filter((v) => v.year === year && v.scope === 'school')
        .map((v) => v.school_id),
    ),
    (s) => s,
  );
  const label = (w: { subject?: string; grade?: number; period?: string }) =>
    names.group({ subject: w.subject ?? '', grade: w.grade, period: w.period ?? '', task: '' });
  const trends = trendFindings(m, [brief.section], year);
  const inSection = (p: string) => brief.section.procedures.includes(p as never);
  return {
    href,
    cfg,
    year,
    brief,
    main,
    mainWords: lowerFirst(main.name),
    date: formatDate(m.today),
    document: href(documentPath(`/reports/${year}/${brief.slug}/`)),
    core: defs.core,
    hasLines: trendLines(m, brief.section, year).length > 0,
    real: trends.real.map((l) => `${l.group === 'Всего' ? '' : `${l.group}: `}${lowerFirst(l.name)} ${l.finding}`),
    calm: trends.calm,
    bySchool: {
      head: ['Школа', ...groups.map(label)],
      rows: schoolIds.map((s) => [
        { text: names.school(s) },
        ...groups.map((w) => m.present.valueCell(m.ix.get(brief.main, year, { ...w, school: s }), main)),
      ]),
    },
    objectivity: obj && obj.rows.length > 0 ? obj : undefined,
    gaps: gapsTable(deficits(m, year).filter((g) => inSection(g.procedure))),
    risks: m.risks.filter((r) => r.year === year && brief.section.procedures.some((p) => r.indicator.startsWith(`${p}.`))),
    conclusions: conclusions(m, brief.section, brief.main, year),
    // A chapter per subject in the regional report's form (spec §14).
    analyses: subjectsOfBrief(brief)
      .flatMap((p) => analysesOf(m, p, year))
      .map((k) => ({ href: href(analysisPath(k)), ...subjectAnalysis(m, k) })),
  };
}

/** The procedure whose subjects a справка analyses: ЕГЭ for ГИА-11, ОГЭ for ГИА-9, ВПР. */
const subjectsOfBrief = (brief: Brief) => (['ege', 'oge', 'vpr'] as const).filter((p) => brief.section.procedures.includes(p));

export function section24Page({ year }: { year: number }) {
  const { m, href } = site();
  const cfg = m.data.config;
  const names = namer(m.data);
  const years = m.ix.years.filter((y) => y <= year).slice(-3);
  return {
    cfg,
    year,
    years,
    rows: SECTION_24.flatMap((row) =>
      row.indicators.map((ref, i) => {
        const def = indicator(ref.id);
        const w = { subject: ref.subject, grade: ref.grade, period: ref.period };
        const group = names.group({ subject: ref.subject ?? '', grade: ref.grade, period: ref.period ?? '', task: '' });
        return {
          item: i === 0 ? row.item : '',
          title: i === 0 ? row.title : undefined,
          name: def.name,
          href: href(`/indicators/${def.id}/`),
          group: group === 'Всего' ? undefined : group,
          unit: unitOf(def, ref.subject),
          method: def.method,
          values: years.map((y) => m.present.valueCell(m.ix.get(ref.id, y, w), def)),
          change: changeCell(m, m.ix.get(ref.id, year, w), def),
        };
      }),
    ),
    // By name, as every list of schools: the place is a column with its range, not the order of the table.
    places: names
      .bySchoolName(
        m.places.filter((p) => p.year === year),
        (p) => p.school_id,
      )
      .map((p) => ({ school: names.school(p.school_id), place: placeText(p), change: placeChange(p) })),
    publishedIn: PUBLISHED_IN,
    min: cfg.privacy.min_group,
  };
}

/**
 * The ИМЦ's text of a year's report among the MDX files found (path → module): the data folder's first
 * (data/reports/<year>.mdx), then the project's (src/content/reports/<year>.mdx).
 */
export function reportText<T>(year: number, ...folders: Record<string, T>[]): T | undefined {
  for (const texts of folders) {
    const found = Object.entries(texts).find(([path]) => path.endsWith(`/${year}.mdx`));
    if (found) return found[1];
  }
  return undefined;
}

/** The recommendations' headings, for «Главное»: what the ИМЦ recommends, one click from the top. */
export const recommendationHeadings = (headings: { depth: number; slug: string; text: string }[] = []) =>
  headings.filter((h) => h.depth <= 3);

/** The risk zones of a year as one table: procedures by rule, with the number of schools — the cards stay below, folded. */
export function riskOverview(risks: readonly Risk[]) {
  const procedures = [...new Set(risks.map((r) => r.procedure))];
  const rules = Object.keys(RULE_NAMES) as (keyof typeof RULE_NAMES)[];
  return {
    head: ['Процедура', ...rules.map((r) => RULE_NAMES[r]), 'Школ'],
    rows: procedures.map((p) => {
      const of = risks.filter((r) => r.procedure === p);
      return [
        { text: PROCEDURE_NAMES[p as keyof typeof PROCEDURE_NAMES] ?? p.toUpperCase() },
        ...rules.map((rule) => ({ text: String(of.filter((r) => r.rule === rule).length), num: true })),
        { text: String(new Set(of.map((r) => r.school_id)).size), num: true },
      ];
    }),
  };
}

/** The tasks not mastered as a table: the work, the task, the skill, its level, the completion against its threshold. */
function gapsTable(gaps: ReturnType<typeof deficits>) {
  return {
    head: ['Работа', 'Задание', 'Проверяемое умение', 'Уровень', 'Выполнено', 'Итог'],
    rows: gaps.map((g) => [
      { text: `${PROCEDURE_NAMES[g.procedure]}, ${lower(g.group)}` },
      { text: g.task, num: true },
      { text: g.skill ?? '—' },
      { text: g.level ?? 'базовый' },
      { text: formatValue(g.value, '%'), num: true },
      { text: `не освоено (порог ${masteryThreshold(g.level)}\u00a0%)` },
    ]),
  };
}
