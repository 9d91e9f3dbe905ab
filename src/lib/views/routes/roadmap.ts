/** The roadmaps: the list, a roadmap with its execution by section and mechanism, and the quarterly execution report. */
import { namer } from '../../data/names.ts';
import { MECHANISMS } from '../../data/mechanisms.ts';
import { INDICATOR_BY_ID, unitOf } from '../../indicators/registry.ts';
import { mechanismName, roadmapPeriod } from '../../roadmap/labels.ts';
import { periodEnd, progress, type RoadmapView } from '../../roadmap/model.ts';
import { getModel } from '../../model/handoff.ts';
import { count, formatDate, formatPeriod, formatValue } from '../../words/format.ts';
import { site } from '../site.ts';
import { yearOfIndicator } from '../../model/years.ts';
import { mechanismPath, mechanismSeries } from '../../figures/mechanisms.ts';
import { mechId } from '../../indicators/mechanisms.ts';
import { factText } from '../../words/facts.ts';

export function roadmapsPage() {
  const { m, href } = site();
  return {
    roadmaps: m.roadmaps.map((r) => ({
      href: href(`/roadmap/${r.roadmap.id}/`),
      execution: href(`/roadmap/${r.roadmap.id}/execution/`),
      period: roadmapPeriod(r.roadmap.id),
      items: count(r.items.length, ['мероприятие', 'мероприятия', 'мероприятий']),
      ...progress(r.items),
    })),
  };
}

/** getStaticPaths of the pages made once per roadmap. */
export const roadmapPaths = () => getModel().roadmaps.map((view) => ({ params: { id: view.roadmap.id }, props: { view } }));

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((100 * a) / b));
export const statusClass = (s: string) => `status status-${s.replace(/ /g, '-')}`;

export function roadmapPage({ view }: { view: RoadmapView }) {
  const { m, href } = site();
  const names = namer(m.data);
  const sections = [...new Set(view.items.map((i) => i.item.section))];
  /** An indicator next to an item: its latest municipal value for each target's group (or its first group), and the target. */
  const indicatorLines = (id: string) => {
    const def = INDICATOR_BY_ID.get(id);
    const b = def ? undefined : m.data.mechanismBook.find((x) => mechId(x) === id);
    if (b) {
      const last = mechanismSeries(m, b).at(-1);
      return [
        {
          href: href(`${mechanismPath(b.mechanism)}#${b.id}`),
          name: b.name,
          value: last ? `${factText(last, b.unit)} в ${last.year} году` : 'нет данных',
          target: undefined,
        },
      ];
    }
    if (!def) return [{ href: href(`/indicators/${id}/`), name: id, value: 'неизвестный показатель', target: undefined }];
    const targets = m.data.targets.filter((t) => t.indicator === id);
    const groups =
      targets.length > 0
        ? targets.map((t) => ({ subject: t.subject, grade: t.grade, t }))
        : [{ ...(m.ix.groups(def.id)[0] ?? {}), t: undefined }];
    return groups.map(({ subject, grade, t }) => {
      const year = yearOfIndicator(m, def.id);
      const v = m.ix.get(def.id, year, { subject, grade });
      const group = names.group({ subject: subject ?? '', grade, period: '', task: '' });
      return {
        href: href(`/indicators/${id}/`),
        name: `${def.name}${group !== 'Всего' ? ` — ${group}` : ''}`,
        value: v && !v.suppressed && v.value !== undefined ? `${formatValue(v.value, unitOf(def, subject))} в ${year} году` : 'нет данных',
        target: t
          ? `${t.direction} ${formatValue(t.target, unitOf(def, subject))} к ${t.year} году${t.source ? ` (${t.source})` : ''}`
          : undefined,
      };
    });
  };
  return {
    href,
    view,
    demo: m.data.config.demo,
    period: roadmapPeriod(view.roadmap.id),
    items: count(view.items.length, ['мероприятие', 'мероприятия', 'мероприятий']),
    today: formatDate(m.today),
    bySection: sections.map((s, i) => {
      const p = progress(view.items.filter((x) => x.item.section === s));
      return { title: s, anchor: `#s-${i + 1}`, ...p, pct: pct(p.done, p.total) };
    }),
    byMechanism: [...MECHANISMS.map((_, i) => i + 1), undefined].flatMap((n) => {
      const items = view.items.filter((i) => i.item.direction === n);
      return items.length === 0
        ? []
        : [
            {
              name: mechanismName(n),
              href: n === undefined ? undefined : href(mechanismPath(n)),
              ...progress(items),
              items: items.map((i) => i.item.item),
            },
          ];
    }),
    sections: sections.map((s, i) => ({
      title: s,
      id: `s-${i + 1}`,
      items: view.items
        .filter((x) => x.item.section === s)
        .map((it) => ({
          ...it,
          due: it.dates.map(formatDate).join(', '),
          mechanism: it.item.direction === undefined ? undefined : mechanismName(it.item.direction),
          statusClass: statusClass(it.status),
          latest: it.latest ? `${formatPeriod(it.latest.period)}${it.latest.note ? `: ${it.latest.note}` : ''}` : undefined,
          indicators: it.item.indicators.flatMap(indicatorLines),
          history: it.history.map((h) => ({
            ...h,
            period: formatPeriod(h.period),
            statusClass: statusClass(h.status),
            reported: h.reported ? formatDate(h.reported) : undefined,
          })),
        })),
    })),
  };
}

/** Schools report by the 5th of the month after each quarter; the annual analysis is due by 30 November. */
const reportDue = (q: string) => {
  const [y, mo] = periodEnd(q).split('-').map(Number);
  return mo === 12 ? `${y + 1}-01-05` : `${y}-${String(mo + 1).padStart(2, '0')}-05`;
};

export function executionPage({ view }: { view: RoadmapView }) {
  const { m, href } = site();
  const quarters = view.years.flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
  const started = quarters.filter((q) => `${q.slice(0, 4)}-${String((Number(q.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01` <= m.today);
  const all = view.items.flatMap((i) => i.history.map((h) => ({ i, h })));
  const period = roadmapPeriod(view.roadmap.id);
  return {
    view,
    period,
    today: formatDate(m.today),
    ...progress(view.items),
    annual: view.years.map((y) => {
      const due = `${y}-11-30`;
      return `${y} год — срок ${formatDate(due)}: ${due < m.today ? 'срок прошёл' : 'срок не наступил'}${m.data.config.imc.short ? `, ответственный — ${m.data.config.imc.short}` : ''}.`;
    }),
    quarters: [...started].reverse().map((q) => {
      const due = reportDue(q);
      return {
        title: formatPeriod(q),
        due: `${formatDate(due)}${due < m.today ? '' : ' (ещё не наступил)'}`,
        reports: all
          .filter((x) => x.h.period === q)
          .map(({ i, h }) => ({
            href: href(`/roadmap/${view.roadmap.id}/#item-${i.item.item}`),
            item: i.item.item,
            title: i.item.title,
            status: h.status,
            note: h.note,
            evidence: h.evidence,
            reported: h.reported ? formatDate(h.reported) : '',
            late: h.reported !== undefined && h.reported > due,
          })),
      };
    }),
  };
}
