/**
 * The mechanisms of quality management (spec §15): a page per direction with
 * what was measured and what the roadmap planned for it, side by side; the
 * kindergartens' list and their pages. Counts of whole populations: values
 * and changes are facts, organisations are listed by name, never ranked.
 */
import { SECONDARY_REASON } from '../../indicators/present.ts';
import { namer } from '../../data/names.ts';
import { MECHANISM_SLUGS, MECHANISMS } from '../../data/mechanisms.ts';
import type { MechanismIndicator, School } from '../../data/tables.ts';
import { catalog } from '../../figures/catalog.ts';
import { mechanismPath, mechanismSeries, mechanismYears } from '../../figures/mechanisms.ts';
import { mechId } from '../../indicators/mechanisms.ts';
import type { Model } from '../../model/build.ts';
import type { IndicatorValue } from '../../indicators/compute.ts';
import { getModel } from '../../model/handoff.ts';
import type { TableCell } from '../../words/cells.ts';
import { direction, factText, toneOf } from '../../words/facts.ts';
import { count, formatPeriod, sentence } from '../../words/format.ts';
import { SECTIONS } from '../../indicators/sections.ts';
import { site } from '../site.ts';
import { statusClass } from './roadmap.ts';

const kindergartenPath = (id: string) => `/kindergartens/${id}/`;
/** More organisations than this are not listed on a mechanism's page (a region): each has its own page. */
const ORG_TABLE_MAX = 150;
const UNIT_WORDS = { процент: 'процент (доля)', количество: 'количество', наличие: 'наличие: да или нет' } as const;
/** Where the site already measures a mechanism with assessment results. */
const RELATED: Record<number, { path: string; label: string }[]> = {
  1: SECTIONS.filter((s) => ['ege', 'oge', 'vpr', 'diagnostics'].includes(s.slug)).map((s) => ({ path: `/${s.slug}/`, label: s.title })),
  2: [
    { path: '/context/', label: 'Результаты с учётом условий работы школ' },
    { path: '/progress/', label: 'Прогресс учащихся' },
  ],
  3: SECTIONS.filter((s) => s.slug === 'olympiad').map((s) => ({ path: `/${s.slug}/`, label: s.title })),
  4: SECTIONS.filter((s) => s.slug === 'graduates').map((s) => ({ path: `/${s.slug}/`, label: s.title })),
  8: [{ path: '/kindergartens/', label: 'Детские сады' }],
};

export const mechanismPaths = () => MECHANISMS.map((_, i) => ({ params: { slug: MECHANISM_SLUGS[i] }, props: { n: i + 1 } }));
export const kindergartenPaths = () =>
  getModel().data.kindergartens.map((school) => ({ params: { id: school.school_id }, props: { school } }));

/** An organisation's value as a table cell; a withheld one says why. */
const orgCell = (m: Model, v: IndicatorValue, unit: MechanismIndicator['unit']): TableCell =>
  v.suppressed
    ? {
        text: '—',
        num: true,
        why: v.reason === 'secondary' ? SECONDARY_REASON : `в группе меньше ${m.data.config.privacy.min_group} человек`,
      }
    : { text: factText(v, unit), num: true };

const bookOf = (m: Model, n: number) => m.data.mechanismBook.filter((b) => b.mechanism === n);
const itemsOf = (m: Model, n: number) => m.roadmaps.flatMap((r) => r.items.filter((i) => i.item.direction === n).map((it) => ({ r, it })));

export function mechanismsPage() {
  const { m, href } = site();
  return {
    mechanisms: MECHANISMS.map((name, i) => {
      const book = bookOf(m, i + 1);
      const measured = book.filter((b) => m.ix.all(mechId(b)).length > 0).length;
      const items = itemsOf(m, i + 1);
      return {
        title: name,
        href: href(mechanismPath(i + 1)),
        indicators: measured
          ? `${count(measured, ['показатель', 'показателя', 'показателей'])} с данными`
          : 'показателей с данными пока нет',
        roadmap: items.length
          ? `${count(items.length, ['пункт', 'пункта', 'пунктов'])} дорожной карты, выполнено ${items.filter((x) => x.it.status === 'выполнено').length}`
          : 'в дорожной карте пунктов нет',
      };
    }),
  };
}

export function mechanismPage({ n }: { n: number }) {
  const { m, href } = site();
  const charts = catalog(m).mechanisms;
  const indicators = bookOf(m, n).map((b) => indicatorView(m, b, href, charts.get(b.id)));
  const items = itemsOf(m, n);
  return {
    path: mechanismPath(n),
    title: MECHANISMS[n - 1],
    number: n,
    measured: indicators.filter((i) => i.latest !== undefined || i.orgs || i.orgsElsewhere),
    unmeasured: indicators.filter((i) => i.latest === undefined && !i.orgs && !i.orgsElsewhere),
    related: (RELATED[n] ?? []).map((r) => ({ href: href(r.path), label: r.label })),
    roadmap: items.map(({ r, it }) => ({
      item: it.item.item,
      title: it.item.title,
      href: href(`/roadmap/${r.roadmap.id}/#item-${it.item.item}`),
      deadline: it.item.deadline ? sentence(`Срок: ${it.item.deadline}`) : undefined,
      status: it.status,
      statusClass: statusClass(it.status),
      latest: it.latest ? `${formatPeriod(it.latest.period)}${it.latest.note ? `: ${it.latest.note}` : ''}` : undefined,
      overdue: it.overdue,
      expected: it.item.expected ? sentence(`Ожидаемый результат: ${it.item.expected}`) : undefined,
    })),
    others: MECHANISMS.map((name, i) => ({ href: href(mechanismPath(i + 1)), name: `${i + 1}. ${name}`, current: i + 1 === n })),
  };
}

function indicatorView(
  m: Model,
  b: MechanismIndicator,
  href: (p: string) => string,
  chart: ReturnType<ReturnType<typeof catalog>['mechanisms']['get']>,
) {
  const names = namer(m.data);
  const id = mechId(b);
  const series = mechanismSeries(m, b);
  const last = series.at(-1);
  const before = series.at(-2);
  const orgValues = m.ix.all(id).filter((v) => v.scope === 'school');
  const orgYear = orgValues.at(-1)?.year;
  const latestOrgs = orgValues.filter((v) => v.year === orgYear);
  const kindergarten = new Set(m.data.kindergartens.map((k) => k.school_id));
  const orgHref = (sid: string) => href(kindergarten.has(sid) ? kindergartenPath(sid) : `/schools/${sid}/`);
  const targets = m.data.targets.filter((t) => t.indicator === id);
  return {
    anchor: b.id,
    code: b.code,
    name: b.name,
    passport: [
      ['Код', `${b.code} (в открытых данных — ${id})`],
      ['Единица', UNIT_WORDS[b.unit]],
      ['Лучше', b.better ?? 'не оценивается: показатель описывает, а не сравнивает'],
      ['Уровень', [b.level.municipality && 'муниципалитет', b.level.organisation && 'организации'].filter(Boolean).join(' и ')],
      ['Как считается', b.method],
      ['Источник', b.source],
    ],
    latest: last ? factText(last, b.unit) : undefined,
    year: last?.year,
    change: last?.change,
    tone: last && before ? toneOf(direction(last, before, b.unit), b.better) : undefined,
    pooled: last?.pooled
      ? `Муниципальное значение ${last.year} года сложено из значений всех организаций (строки по муниципалитету в данных нет).`
      : undefined,
    chart,
    // Presence has no chart: its years are a table.
    table:
      chart || series.length === 0
        ? undefined
        : {
            head: ['Год', 'Значение', 'Изменение'],
            rows: series.map((y): TableCell[] => [{ text: String(y.year) }, { text: factText(y, b.unit) }, { text: y.change ?? '' }]),
          },
    // A region's thousand organisations stay on their own pages and in open data, not in one table here.
    orgsElsewhere: orgYear !== undefined && latestOrgs.length > ORG_TABLE_MAX ? { year: orgYear, href: href('/opendata/') } : undefined,
    orgs:
      orgYear === undefined || latestOrgs.length > ORG_TABLE_MAX
        ? undefined
        : {
            year: orgYear,
            head: ['Организация', 'Значение'],
            rows: names
              .bySchoolName(latestOrgs, (v) => v.school_id)
              .map((v): TableCell[] => [{ text: names.school(v.school_id), href: orgHref(v.school_id) }, orgCell(m, v, b.unit)]),
          },
    targets: targets.map((t) => {
      const v = series.find((y) => y.year === t.year);
      const goal = `${t.direction === '≥' ? 'не менее' : 'не более'} ${factText({ value: t.target }, b.unit)} к ${t.year} году${t.source ? ` (${t.source})` : ''}`;
      if (!v) return `Цель: ${goal} — данных за ${t.year} год пока нет.`;
      const reached = t.direction === '≥' ? v.value >= t.target : v.value <= t.target;
      return `Цель: ${goal} — ${reached ? 'достигнута' : 'не достигнута'} (${factText(v, b.unit)}).`;
    }),
  };
}

export function kindergartensPage() {
  const { m, href } = site();
  const names = namer(m.data);
  return {
    list: names
      .bySchoolName(m.data.kindergartens, (k) => k.school_id)
      .map((k) => ({ name: k.name, href: href(kindergartenPath(k.school_id)), address: k.address, closed: k.closed })),
    mechanism: href(mechanismPath(MECHANISMS.length)),
  };
}

export function kindergartenPage({ school }: { school: School }) {
  const { m, href } = site();
  const rows = m.data.mechanismBook.flatMap((b) => {
    const values = mechanismYears(m)
      .toReversed()
      .flatMap((y) => m.ix.of(mechId(b), y, school.school_id));
    return values.length ? [{ b, values }] : [];
  });
  const years = [...new Set(rows.flatMap((r) => r.values.map((v) => v.year)))].sort((a, b) => a - b);
  return {
    path: kindergartenPath(school.school_id),
    school,
    website: school.website,
    list: href('/kindergartens/'),
    // An indicator a small table (year, this kindergarten, the municipality): readable on a phone without scrolling sideways.
    indicators: rows.map(({ b, values }) => {
      const muni = mechanismSeries(m, b);
      return {
        name: `${b.code}. ${b.name}`,
        href: href(`${mechanismPath(b.mechanism)}#${b.id}`),
        head: ['Год', 'Детский сад', 'Муниципалитет'],
        rows: values.map((v): TableCell[] => {
          const mv = muni.find((y) => y.year === v.year);
          return [{ text: String(v.year) }, orgCell(m, v, b.unit), { text: mv ? factText(mv, b.unit) : '', num: true }];
        }),
      };
    }),
    description: `${school.name}: показатели мониторинга качества дошкольного образования${years.length ? ` за ${years[0] === years.at(-1) ? `${years[0]} год` : `${years[0]}–${years.at(-1)} годы`}` : ''}.`,
    empty: rows.length === 0,
  };
}

/**
 * A school's own values of the mechanisms' indicators in their latest year, beside the municipality's
 * (for its page: one small table, folded).
 */
export function schoolMechanisms(m: Model, school: string, href: (p: string) => string) {
  // Indexed look-ups (a region has a thousand school pages): the newest year with a value, per indicator.
  const values = m.data.mechanismBook.flatMap((b) => {
    const v = mechanismYears(m)
      .map((y) => m.ix.of(mechId(b), y, school)[0])
      .find((x) => x !== undefined);
    return v ? [{ b, v }] : [];
  });
  const year = Math.max(...values.map((x) => x.v.year));
  const latest = values.filter((x) => x.v.year === year);
  if (latest.length === 0) return undefined;
  return {
    year,
    head: ['Показатель', 'Школа', 'Муниципалитет'],
    rows: latest.map(({ b, v }): TableCell[] => {
      const muni = mechanismSeries(m, b).find((y) => y.year === year);
      return [
        { text: `${b.code}. ${b.name}`, href: href(`${mechanismPath(b.mechanism)}#${b.id}`) },
        orgCell(m, v, b.unit),
        { text: muni ? factText(muni, b.unit) : '', num: true },
      ];
    }),
  };
}
