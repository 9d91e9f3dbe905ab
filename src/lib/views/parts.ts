/** Views of the parts pages share (src/components/): a figure with its share block, tables, risk zones, MDX values. */
import { namer } from '../data/names.ts';
import type { ProcedureId } from '../indicators/types.ts';
import { MECH_PREFIX } from '../data/mechanisms.ts';
import { INDICATOR_BY_ID, unitOf, type Indicator } from '../indicators/registry.ts';
import { changeFromPrevious } from '../indicators/compare.ts';
import { PROCEDURE_NAMES } from '../indicators/sections.ts';
import { RULE_NAMES, type Risk, type RiskRule } from '../analyses/risks.ts';
import type { Chart } from '../charts/types.ts';
import { catalog } from '../figures/catalog.ts';
import type { TableCell } from '../words/cells.ts';
import { count, describeComparison, formatInterval, formatValue, genderOf, lower, sentence } from '../words/format.ts';
import { embedCode, embedNote, HEIGHT_MESSAGE } from './embed.ts';
import { matrix } from './tables.ts';
import { chartCite, cite, site } from './site.ts';
import { SIGNS_PAGE, signIndicatorName } from './signs.ts';

/** A chart on its page: the files to download and the code to embed it (the frozen version once the release is frozen). */
export function figureView(chart: Chart) {
  const { m, href, abs } = site();
  return {
    href,
    files: {
      csv: href(`/charts/${chart.id}.csv`),
      zip: href(`/charts/${chart.id}.zip`),
      png: href(`/charts/${chart.id}.png`),
      svg: href(`/charts/${chart.id}.svg`),
    },
    // A mechanism's passport is on its mechanism's page, beside its chart.
    passport: chart.indicator?.startsWith(MECH_PREFIX)
      ? href(`${chart.page}#${chart.indicator.slice(MECH_PREFIX.length)}`)
      : chart.indicator
        ? href(`/indicators/${chart.indicator}/`)
        : undefined,
    snippet: embedCode(chart, abs(`/embed/${chart.id}/`)),
    release: m.release,
    frozen: m.frozen
      ? { snippet: embedCode(chart, abs(`/embed/${m.release}/${chart.id}/`)), page: href(`/embed/${m.release}/${chart.id}/`) }
      : undefined,
    live: href(`/embed/${chart.id}/`),
    releases: href('/releases/'),
    cite: chartCite(m, chart),
    citeFrozen: m.frozen ? cite(chart.title, `/embed/${m.release}/${chart.id}/`, m.release) : undefined,
  };
}

/** The page of a chart for other sites: its source, the note of its data, the message telling the host its height. */
export function embedView(chart: Chart) {
  const { m, abs } = site();
  const cfg = m.data.config;
  return {
    path: `/embed/${chart.id}/`,
    oembed: abs(`/embed/${chart.id}/oembed.json`),
    source: abs(chart.page),
    site: `${cfg.site.title}, ${cfg.municipality.name}`,
    demo: cfg.demo,
    note: embedNote(m, chart.id),
    key: HEIGHT_MESSAGE,
  };
}

/** A cell's classes: a number's alignment, a difference's colour. */
export const cellClass = (c: TableCell) => [c.num && 'num', c.tone].filter(Boolean).join(' ') || undefined;

/** The notes under a table: what the brackets mean, and why the «—» are withheld (once). */
export function dataTableView(head: string[], rows: TableCell[][]) {
  const { href } = site();
  return {
    // A table of several rows can be put in order by any column (SortScript): lists themselves are by name, never by rank.
    sortable: rows.length >= 3,
    numeric: head.map((_, i) => rows.length > 0 && rows.every((r) => !r[i] || r[i].num || r[i].text === '')),
    intervals: rows.some((r) => r.some((c) => c.ci)) ? href('/methodology/#intervals') : undefined,
    withheld: [...new Set(rows.flatMap((r) => r.filter((c) => c.why).map((c) => c.why!.replace(/^скрыто: /, ''))))].join('; '),
  };
}

/** A section's indicators for a year, a table per procedure; groups with nothing published named once under it. */
export function indicatorsView(defs: Indicator[], year: number, school: string | undefined, caption: string) {
  const { m } = site();
  const procedures = [...new Set(defs.map((d) => d.procedure))];
  const tables = procedures
    .map((p) => ({
      p,
      t: matrix(
        m,
        defs.filter((d) => d.procedure === p),
        year,
        school,
      ),
    }))
    .filter((x) => x.t.rows.length + x.t.withheld.length > 0);
  const min = m.data.config.privacy.min_group;
  return tables.map(({ p, t }) => ({
    ...t,
    caption: `${caption}${tables.length > 1 ? `: ${PROCEDURE_NAMES[p as ProcedureId]}` : ''}, ${year} год`,
    withheldNote:
      t.withheld.length > 0
        ? `${PROCEDURE_NAMES[p as ProcedureId]}: ${t.rows.length ? 'не публикуются результаты групп' : 'результаты не публикуются'} — ${t.withheld.map((g) => (g === 'Всего' ? 'показатели по всем предметам вместе' : g)).join('; ')}: в ${t.withheld.length > 1 ? 'каждой из них' : 'группе'} меньше ${min} участников.`
        : undefined,
  }));
}

const procedureName = (r: Risk) => PROCEDURE_NAMES[r.procedure as ProcedureId] ?? r.procedure;

/** Risk flags as cards: the rule, the procedure and group, the indicator, and the evidence in words. */
export function flagCardsView(items: Risk[]) {
  const { m, href } = site();
  const names = namer(m.data);
  return items.map((r) => ({
    rule: RULE_NAMES[r.rule],
    what: `${procedureName(r)}${r.subject || r.grade ? `, ${lower(names.group({ subject: r.subject, grade: r.grade, period: '', task: '' }))}` : ''}`,
    // A sign's own indicator (spec §16) has no passport: its rule is explained on the signs page.
    indicator: INDICATOR_BY_ID.has(r.indicator)
      ? { href: href(`/indicators/${r.indicator}/`), name: INDICATOR_BY_ID.get(r.indicator)?.name }
      : { href: href(`${SIGNS_PAGE}#${r.rule}`), name: signIndicatorName(r.indicator) },
    year: r.year,
    evidence: sentence(r.evidence.charAt(0).toUpperCase() + r.evidence.slice(1)),
  }));
}

/**
 * Risk zones at a glance: which school has what first (school × rule, the procedures counted, linked to the
 * details), then each flag as a card grouped by school (or by year on a school's page), the method said once.
 */
export function riskZonesView(risks: Risk[], showSchool: boolean) {
  const { m, href } = site();
  const names = namer(m.data);
  // Only the rules that flagged something here: an empty column would only widen the table on a phone.
  const rules = (Object.keys(RULE_NAMES) as RiskRule[]).filter((r) => risks.some((x) => x.rule === r));
  const anchor = (key: string) => `risk-${key}`.replace(/[^a-zA-Z0-9-]/g, '-');
  const marks = (n: number) => count(n, ['отметка', 'отметки', 'отметок']);
  const groups = showSchool
    ? names
        .bySchoolName(new Set(risks.map((r) => r.school_id)), (s) => s)
        .map((s) => ({ key: s, title: names.school(s), link: href(`/schools/${s}/`), items: risks.filter((r) => r.school_id === s) }))
    : [...new Set(risks.map((r) => r.year))]
        .sort((a, b) => b - a)
        .map((y) => ({ key: String(y), title: `${y} год`, link: undefined, items: risks.filter((r) => r.year === y) }));
  /** «ОГЭ 2, ВПР 3» for one school and rule. */
  const cell = (school: string, rule: RiskRule) => {
    const by = new Map<string, number>();
    for (const r of risks) if (r.school_id === school && r.rule === rule) by.set(procedureName(r), (by.get(procedureName(r)) ?? 0) + 1);
    return [...by].map(([p, n]) => `${p}${n > 1 ? ` ${n}` : ''}`).join(', ');
  };
  // The method, once: how many groups each rule tested in each year shown.
  const families = [...new Map(risks.map((r) => [`${r.year}|${r.rule}`, r])).values()].sort(
    (a, b) => b.year - a.year || rules.indexOf(a.rule) - rules.indexOf(b.rule),
  );
  const years = [...new Set(families.map((f) => f.year))];
  return {
    rules: rules.map((r) => RULE_NAMES[r]),
    overview: groups.map((g) => ({ href: `#${anchor(g.key)}`, title: g.title, cells: rules.map((r) => cell(g.key, r)) })),
    groups: groups.map((g) => ({ ...g, anchor: anchor(g.key), count: marks(g.items.length) })),
    tested: years
      .map(
        (y) =>
          `в ${y} году ${families
            .filter((f) => f.year === y)
            .map((f) => `по правилу «${lower(RULE_NAMES[f.rule])}» ${count(f.tested, ['группу', 'группы', 'групп'])}`)
            .join(', ')}`,
      )
      .join('; '),
    fdr: Math.round(m.data.config.risks.fdr * 100),
    method: href('/methodology/#risks'),
  };
}

/** <Value id="ege.mean" subject="rus" /> in a report's MDX: the live number, formatted, with its group size. */
export function mdxValue(
  p: { id: string; subject?: string; grade?: number | string; period?: string; school?: string; year?: number | string; change?: boolean },
  reportYear?: number,
) {
  const { m } = site();
  const def = INDICATOR_BY_ID.get(p.id);
  if (!def) throw new Error(`<Value>: неизвестный показатель «${p.id}»`);
  const year = Number(p.year ?? reportYear ?? m.latestYear);
  const v = m.ix.get(def.id, year, {
    subject: p.subject,
    grade: p.grade === undefined ? undefined : Number(p.grade),
    period: p.period,
    school: p.school,
  });
  const d = v ? changeFromPrevious(m.ix, v) : undefined;
  const unit = unitOf(def, p.subject);
  const ci = v ? formatInterval(v, unit) : undefined;
  return {
    text: !v ? 'нет данных' : v.suppressed || v.value === undefined ? '—' : formatValue(v.value, unit),
    title: !v
      ? `Нет значения за ${year} год`
      : v.suppressed
        ? m.present.whyHidden(v)
        : `${def.name}, ${year} год, n = ${v.n}${ci ? `; 95-процентный доверительный интервал ${ci}` : ''}`,
    change: p.change && d !== undefined ? describeComparison(d, unit, genderOf(def.name)) : undefined,
  };
}

/** <Table id="ege.mean" /> — the indicator by group and year; <Table id="ege.mean" by="school" subject="rus" /> — by school for the year. */
export function mdxTable(
  p: { id: string; by?: 'year' | 'school'; subject?: string; grade?: number | string; year?: number | string },
  reportYear?: number,
) {
  const { m } = site();
  const def = INDICATOR_BY_ID.get(p.id);
  if (!def) throw new Error(`<Table>: неизвестный показатель «${p.id}»`);
  const names = namer(m.data);
  const year = Number(p.year ?? reportYear ?? m.latestYear);
  const caption = `${def.name}, ${def.unit}`;
  if (p.by === 'school') {
    const w = { subject: p.subject, grade: p.grade === undefined ? undefined : Number(p.grade) };
    const ids = [
      ...new Set(
        m.ix
          .all(def.id)
          .filter((v) => v.year === year && v.scope === 'school' && v.subject === (w.subject ?? '') && v.grade === w.grade)
          .map((v) => v.school_id),
      ),
    ];
    return {
      caption,
      head: ['Школа', `${def.short}, ${def.unit}`, 'Участников (n)'],
      rows: ids.map((s) => {
        const v = m.ix.get(def.id, year, { ...w, school: s });
        return [{ text: names.school(s) }, m.present.valueCell(v, def), { text: v && v.reason !== 'ovz' ? String(v.n) : '—', num: true }];
      }),
    };
  }
  const years = m.ix.years.filter((y) => y <= year);
  return {
    caption,
    head: ['Группа', ...years.map(String)],
    rows: m.ix
      .groups(def.id)
      .filter((w) => !p.subject || w.subject === p.subject)
      .map((w) => [
        { text: names.group({ subject: w.subject ?? '', grade: w.grade, period: w.period ?? '', task: '' }) },
        ...years.map((y) => m.present.valueCell(m.ix.get(def.id, y, w), def)),
      ]),
  };
}

/** <Chart id="ege-mean-rus-municipality" /> — any chart of the site by its id. */
export function mdxChart(id: string): Chart {
  const { m } = site();
  const chart = catalog(m).all.get(id);
  if (!chart) throw new Error(`<Chart>: нет графика «${id}». Идентификаторы графиков — в атрибуте data-chart-id на страницах сайта.`);
  return chart;
}
