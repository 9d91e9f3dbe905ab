/** A procedure's section page and the page of each of its subjects (and grades). */
import { namer } from '../../data/names.ts';
import { indicator } from '../../indicators/registry.ts';
import type { Where } from '../../indicators/query.ts';
import { SECTIONS, type Section } from '../../indicators/sections.ts';
import { catalog, groupPage } from '../../figures/catalog.ts';
import { slug } from '../../charts/common.ts';
import { getModel } from '../../model/handoff.ts';
import { pendingNote, yearOf } from '../../model/years.ts';
import { columnNames, matrix, sectionIndicators } from '../tables.ts';
import { site } from '../site.ts';
import { analysisKeys, analysisPath } from '../../figures/subjects.ts';

const bySubject = (s: Section) => s.by === 'subject' || s.by === 'subject-grade';
const groupLabel = (names: ReturnType<typeof namer>, w: Where) =>
  names.group({ subject: w.subject ?? '', grade: w.grade, period: '', task: '' });

export const sectionPaths = () => SECTIONS.map((section) => ({ params: { section: section.slug }, props: { section } }));

export function sectionPage({ section }: { section: Section }) {
  const { m, href } = site();
  const names = namer(m.data);
  const year = yearOf(m, section);
  const cat = catalog(m).sections.get(section.slug)!;
  const defs = sectionIndicators(section);
  const table = matrix(m, defs.core, year);
  const page = `/${section.slug}/`;
  // Charts of groups without a page of their own (totals, monitoring) stand here.
  const here = (id: string) => (cat.groups.get(id) ?? []).filter((g) => groupPage(section, g.where) === page);
  const image = cat.subjects ?? cat.groups.get(section.main[0])?.[0]?.trend;
  return {
    href,
    section,
    year,
    image,
    pending: pendingNote(m, section),
    empty: table.rows.length + table.withheld.length === 0,
    groups: bySubject(section)
      ? m.ix
          .groups(section.main[0])
          .filter((w) => w.subject)
          .map((w) => ({ href: href(groupPage(section, w)), label: groupLabel(names, w) }))
      : [],
    subjects: cat.subjects,
    core: defs.core,
    charts: section.main.filter((id) => here(id).length > 0).map((id) => ({ title: indicator(id).name, groups: here(id) })),
    objectivity: cat.objectivity,
    tasks: cat.tasks,
    risks: m.risks.filter((r) => r.year === year && section.procedures.some((p) => r.indicator.startsWith(`${p}.`))),
  };
}

export function groupPaths() {
  const m = getModel();
  return SECTIONS.filter(bySubject).flatMap((section) =>
    m.ix
      .groups(section.main[0])
      .filter((w) => w.subject)
      .map((where) => ({ params: { section: section.slug, group: slug(where.subject, where.grade) }, props: { section, where } })),
  );
}

export function groupPageView({ section, where }: { section: Section; where: Where }) {
  const { m } = site();
  const names = namer(m.data);
  const year = yearOf(m, section);
  const cat = catalog(m).sections.get(section.slug)!;
  const charts = section.main.flatMap((id) => {
    const g = (cat.groups.get(id) ?? []).find((x) => x.where.subject === where.subject && x.where.grade === where.grade);
    return g ? [{ title: indicator(id).name, g }] : [];
  });
  const used = sectionIndicators(section).core.filter((d) => d.dims.includes('subject') && m.ix.get(d.id, year, where));
  // All indicators of the group by school for the latest year.
  const schoolIds = names.bySchoolName(
    new Set(
      m.ix
        .all(section.main[0])
        .filter((v) => v.year === year && v.scope === 'school' && v.subject === (where.subject ?? '') && v.grade === where.grade)
        .map((v) => v.school_id),
    ),
    (s) => s,
  );
  const label = groupLabel(names, where);
  // The subject's analysis in the regional report's form, of the latest year that has one.
  const analysis = (['ege', 'oge', 'vpr'] as const)
    .filter((p) => section.procedures.includes(p))
    .flatMap((p) => analysisKeys(m).filter((k) => k.procedure === p && k.subject === where.subject && k.grade === where.grade))
    .sort((a, b) => b.year - a.year)[0];
  return {
    section,
    label,
    analysis: analysis && { href: site().href(analysisPath(analysis)), year: analysis.year },
    year,
    pending: pendingNote(m, section),
    path: `/${section.slug}/${slug(where.subject, where.grade)}/`,
    charts,
    first: charts[0]?.g.trend,
    head: ['Школа', ...columnNames(used.map((d) => d.short)).map((name, i) => `${name}, ${used[i].unit}`)],
    rows: [
      [{ text: 'Муниципалитет' }, ...used.map((d) => m.present.valueCell(m.ix.get(d.id, year, where), d))],
      ...schoolIds.map((s) => [
        { text: names.school(s) },
        ...used.map((d) => m.present.valueCell(m.ix.get(d.id, year, { ...where, school: s }), d)),
      ]),
    ],
  };
}
