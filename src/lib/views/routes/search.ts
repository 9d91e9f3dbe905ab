/** The search page (a site map without JavaScript) and the embed page of each chart. */
import { namer } from '../../data/names.ts';
import { INDICATORS } from '../../indicators/registry.ts';
import { SECTIONS } from '../../indicators/sections.ts';
import { catalog, groupPage } from '../../figures/catalog.ts';
import type { Chart } from '../../charts/types.ts';
import { getModel } from '../../model/handoff.ts';
import { site } from '../site.ts';
import { inlineFinder } from '../../words/school-search.ts';
import { byName, schoolKey } from './schools.ts';

export function searchPage() {
  const { m, href } = site();
  const names = namer(m.data);
  // f: what the search page's own script finds a school by, so that «школа номер 4» puts СОШ № 4 first.
  const groups: { title: string; items: { t: string; u: string; d?: string; f?: ReturnType<typeof schoolKey> }[] }[] = [
    {
      title: 'Школы',
      items: [...m.data.schools].sort(byName).map((s) => ({
        t: s.name,
        u: href(`/schools/${s.school_id}/`),
        d: [s.full_name, s.kind, s.address, s.closed !== undefined ? 'закрыта' : ''].filter(Boolean).join(' · '),
        f: schoolKey(s),
      })),
    },
    {
      title: 'Разделы и предметы',
      items: SECTIONS.flatMap((s) => [
        { t: s.title, u: href(`/${s.slug}/`) },
        ...(s.by === 'subject' || s.by === 'subject-grade'
          ? m.ix.groups(s.main[0]).map((w) => ({
              t: `${s.short}: ${names.group({ subject: w.subject ?? '', grade: w.grade, period: '', task: '' })}`,
              u: href(groupPage(s, w)),
            }))
          : []),
      ]),
    },
    {
      title: 'Показатели',
      items: INDICATORS.filter((d) => m.ix.all(d.id).length > 0).map((d) => ({ t: d.name, u: href(`/indicators/${d.id}/`), d: d.id })),
    },
    {
      title: 'Документы',
      items: [
        ...m.ix.years.map((y) => ({ t: `Отчёт за ${y} год`, u: href(`/reports/${y}/`) })),
        ...m.roadmaps.map((r) => ({ t: `Дорожная карта ${r.roadmap.id}`, u: href(`/roadmap/${r.roadmap.id}/`) })),
      ],
    },
  ];
  return { href, groups, base: href('/'), finder: inlineFinder() };
}

export const embedPaths = () => [...catalog(getModel()).all.values()].map((chart) => ({ params: { id: chart.id }, props: { chart } }));
export const embedProps = (p: { chart: Chart }) => p.chart;
