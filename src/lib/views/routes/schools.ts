/** The list of schools and a school's page. */
import type { School } from '../../data/tables.ts';
import { SECTIONS } from '../../indicators/sections.ts';
import { PLACE_COMPONENTS } from '../../analyses/place.ts';
import { RULE_NAMES } from '../../analyses/risks.ts';
import { catalog } from '../../figures/catalog.ts';
import { getModel } from '../../model/handoff.ts';
import { Z95 } from '../../stats/tests.ts';
import { count, formatNumber } from '../../words/format.ts';
import { gradesOf, schoolFact } from '../school/facts.ts';
import { contextLine, progressLines, schoolSummary } from '../school/summary.ts';
import { placeChange, placeText, sectionIndicators } from '../tables.ts';
import { site } from '../site.ts';
import { yearOf } from '../../model/years.ts';

const byName = (a: School, b: School) => a.name.localeCompare(b.name, 'ru', { numeric: true });

/** By name, with neutral facts only: a list of schools is never a league table. */
export function schoolsPage() {
  const { m, href } = site();
  const schools = [...m.data.schools].sort(byName);
  return {
    count: count(schools.length, ['общеобразовательная организация', 'общеобразовательные организации', 'общеобразовательных организаций']),
    schools: schools.map((s) => ({
      name: s.name,
      href: href(`/schools/${s.school_id}/`),
      search: `${s.name} ${s.full_name ?? ''} ${s.kind ?? ''} ${s.address ?? ''}`.toLowerCase(),
      kind: [s.kind, gradesOf(m, s.school_id)].filter(Boolean).join(', '),
      address: s.address,
      closed: s.closed,
      fact: s.closed === undefined ? schoolFact(m, s.school_id) : undefined,
    })),
  };
}

export const schoolPaths = () => getModel().data.schools.map((school) => ({ params: { id: school.school_id }, props: { school } }));

export function schoolPage({ school }: { school: School }) {
  const { m, href, abs } = site();
  const id = school.school_id;
  const lastYear = m.ix.yearsOf(id).at(-1);
  const charts = catalog(m).schools.get(id) ?? [];
  const summary = lastYear === undefined ? [] : schoolSummary(m, id, lastYear);
  const successor = school.successor_id ? m.data.schools.find((s) => s.school_id === school.successor_id) : undefined;
  const places = m.places.filter((p) => p.school_id === id);
  return {
    href,
    school,
    id,
    successor: successor ? { name: successor.name, href: href(`/schools/${successor.school_id}/`) } : undefined,
    predecessors: m.data.schools
      .filter((s) => s.successor_id === id)
      .map((p) => ({ name: p.name, href: href(`/schools/${p.school_id}/`) })),
    lastYear,
    charts,
    summary,
    conditions: lastYear === undefined ? undefined : contextLine(m, id, lastYear),
    progress: lastYear === undefined ? [] : progressLines(m, id, lastYear),
    // A primary school leads with its ВПР.
    primary: summary.length > 0 && summary.every((r) => r.id.startsWith('vpr.')),
    fullUrl: abs(`/schools/${id}/`),
    tables:
      lastYear === undefined
        ? []
        : SECTIONS.flatMap((s) => {
            // Each procedure's latest year: a year arrives in stages, and a school's ВПР of last spring stay until this spring's are in.
            const year = Math.min(lastYear, yearOf(m, s));
            const core = sectionIndicators(s).core;
            return core.some((d) => m.ix.of(d.id, year, id).length > 0)
              ? [
                  {
                    title: year === lastYear ? s.title : `${s.title} (данные ${year} года)`,
                    slug: s.slug,
                    year,
                    core,
                    href: href(`/${s.slug}/`),
                  },
                ]
              : [];
          }),
    placeHead: ['Год', 'Место', 'Изменение места', 'Индекс', ...PLACE_COMPONENTS.map((c) => c.short)],
    places: places.map((p) => [
      { text: String(p.year) },
      { text: placeText(p) },
      placeChange(p),
      {
        text: formatNumber(p.index, 1),
        num: true,
        ci: `(${formatNumber(p.index - Z95 * p.se, 1)}–${formatNumber(p.index + Z95 * p.se, 1)})`,
      },
      ...PLACE_COMPONENTS.map((c) => ({ text: p.components[c.id] === undefined ? '' : formatNumber(p.components[c.id]!, 1), num: true })),
    ]),
    rules: Object.values(RULE_NAMES)
      .map((n) => `«${n.toLowerCase()}»`)
      .join(', '),
    risks: m.risks.filter((r) => r.school_id === id).sort((a, b) => b.year - a.year),
  };
}
