/** The schools of a group in one year, with intervals and the municipality. */
import { count, DIGITS, formatNumber, formatValue, sentence } from '../../format.ts';
import { compareWithRest } from '../../indicators/compare.ts';
import type { Where } from '../../indicators/query.ts';
import { unitOf } from '../../indicators/registry.ts';
import type { Indicator } from '../../indicators/registry.ts';
import type { Model } from '../../model.ts';
import type { Namer } from '../../names.ts';

import { byName, capital, ciCells, CI_LEGEND, drawn, groupWords, MANY, slug, unitWord, type RegionOf } from '../common.ts';
import { barChart, histogramChart, type Bar } from '../render-bars.ts';
import { COLORS } from '../render.ts';
import type { Chart } from '../types.ts';

export function schoolsChart(
  m: Model,
  names: Namer,
  def: Indicator,
  where: Where,
  year: number,
  page: string,
  pageTitle: string,
  regionOf: RegionOf,
  suffix: string,
): Chart | undefined {
  const values = m.ix
    .all(def.id)
    .filter(
      (v) =>
        v.year === year &&
        v.scope === 'school' &&
        v.subject === (where.subject ?? '') &&
        v.grade === where.grade &&
        v.period === (where.period ?? '') &&
        !v.task,
    );
  // By name, everywhere: in the bars, the table and the text alternative (a reader who wants an order sorts the table).
  const byNameOf = (a: (typeof values)[number], b: (typeof values)[number]) => byName(names.school(a.school_id), names.school(b.school_id));
  values.sort(byNameOf);
  const shown = values.filter((v) => !v.suppressed && v.value !== undefined);
  if (shown.length < 2) return undefined;
  const muni = m.ix.get(def.id, year, where);
  const reg = regionOf(def.id, year, where);
  const digits = DIGITS[unitOf(def, where.subject)];
  const bars: Bar[] = shown.map((v) => ({
    label: names.school(v.school_id),
    value: v.value!,
    lo: v.ci_low,
    hi: v.ci_high,
    flag: m.risks.some(
      (r) => r.year === year && r.school_id === v.school_id && r.indicator === def.id && r.subject === v.subject && r.grade === v.grade,
    ),
  }));
  const top = shown.reduce((a, b) => (b.value! > a.value! ? b : a));
  const bottom = shown.reduce((a, b) => (b.value! < a.value! ? b : a));
  const unit = unitOf(def, where.subject);
  const what = `${def.short.replace(/^[^:]+: /, '')} ${groupWords(names, where)}`.trim();
  // The finding is how many schools differ from the rest beyond chance (spec §11), not who is first.
  const differ = shown.map((v) => ({ v, c: compareWithRest(v, muni) })).filter((x) => x.c?.significant && !x.c.exact);
  const listed = (xs: typeof differ) =>
    xs.length <= 3 ? xs.map((x) => names.school(x.v.school_id)).join(', ') : count(xs.length, ['школа', 'школы', 'школ']);
  const higher = differ.filter((x) => x.c!.diff > 0);
  const lower = differ.filter((x) => x.c!.diff < 0);
  const testable = shown.some((v) => v.sd !== undefined || v.numerator !== undefined);
  const finding =
    def.better === null || !testable
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
    id: slug(
      def.id,
      where.subject,
      where.grade,
      where.period === undefined ? undefined : where.period === '1 полугодие' ? 'h1' : where.period === '2 полугодие' ? 'h2' : 'year',
      'schools',
      suffix,
    ),
    title,
    page,
    pageTitle,
    indicator: def.id,
    subtitle: `${def.name} ${groupWords(names, where)}, ${unitWord(def, where.subject)}, ${year} год, по школам${bars.length > MANY ? ' (столбик — число школ с таким значением)' : ''}; вертикальные линии — муниципалитет${reg !== undefined ? ' и регион' : ''}${bars.some((b) => b.flag) ? '; красным — школы в зоне риска' : ''}`,
    // Past a few dozen schools a bar each would be unreadable: how many schools have each value, the table names them.
    ...drawn((width) =>
      bars.length > MANY
        ? histogramChart(bars, { label: title, digits, refs, width })
        : barChart(bars, { label: title, digits, refs, xLabel: '', width, order: 'given' }),
    ),
    alt: sentence(
      `${sentence(title)} ${shown.map((v) => `${names.school(v.school_id)} — ${formatValue(v.value!, unitOf(def, where.subject))}`).join('; ')}`,
    ),
    table: {
      head: ['Школа', 'Значение', 'Участников (n)'],
      rows: [
        ...values.map((v) => [
          { text: names.school(v.school_id) },
          m.present.valueCell(v, def),
          { text: v.reason === 'ovz' ? '—' : formatNumber(v.n, 0), num: true },
        ]),
        ...(refs.length
          ? refs.map((r) => [
              { text: r.label },
              { text: formatValue(r.value, unitOf(def, where.subject)), num: true },
              { text: r.label === 'Муниципалитет' && muni ? formatNumber(muni.n, 0) : '', num: true },
            ])
          : []),
      ],
    },
    csv: {
      header: [
        'year',
        'school_id',
        'school_name',
        'indicator',
        'subject',
        'grade',
        'period',
        'value',
        'n',
        'suppressed',
        'ci_low',
        'ci_high',
      ],
      rows: values.map((v) => [
        year,
        v.school_id,
        names.school(v.school_id),
        def.id,
        v.subject,
        v.grade,
        v.period,
        v.suppressed ? undefined : v.value!.toFixed(2),
        v.reason === 'ovz' ? undefined : v.n,
        v.suppressed ? 1 : 0,
        ...ciCells(v),
      ]),
    },
    notes: hidden.length
      ? [`Не показаны на графике: ${hidden.map((v) => `${names.school(v.school_id)} (${m.present.whyHidden(v)})`).join('; ')}.`]
      : [],
    legend: [
      ...refs.map((r, i) => ({
        label: `${r.label}: ${formatValue(r.value, unitOf(def, where.subject))}`,
        color: i === 0 ? COLORS.muni : COLORS.region,
        mark: i === 0 ? ('line' as const) : ('dashed' as const),
      })),
      ...(bars.some((b) => b.flag) ? [{ label: 'Школа в зоне риска', color: COLORS.low, mark: 'box' as const }] : []),
      ...(withCi && bars.length <= MANY ? [CI_LEGEND] : []),
    ],
  };
}
