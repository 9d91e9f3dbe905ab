/** The schools of a group in one year, with intervals and the municipality. */
import { formatNumber, formatValue, sentence, type UnitKind } from '../../words/format.ts';
import { CI_LEGEND, digitsOf, drawn, MANY, nCell, pointCell, pointColumns, shown } from '../common.ts';
import { barChart, histogramChart, type Bar } from '../render-bars.ts';
import { COLORS } from '../render.ts';
import type { Chart, ChartMeta, Keys, Point } from '../types.ts';

export interface SchoolsInput {
  meta: ChartMeta;
  keys: Keys;
  unit: UnitKind;
  year: number;
  /** In the order of their names: a chart of schools is never a ranking. */
  schools: { id: string; name: string; point: Point; /** In a risk zone for this indicator. */ flag: boolean }[];
  /** Reference lines: the municipality (with its size), the region. */
  refs: { label: 'Муниципалитет' | 'Регион'; value: number; n?: number }[];
}

export function schoolsChart(t: SchoolsInput): Chart | undefined {
  const { unit, keys } = t;
  const visible = t.schools.filter((s) => shown(s.point));
  if (visible.length < 2) return undefined;
  const bars: Bar[] = visible.map((s) => ({ label: s.name, value: s.point.value!, lo: s.point.lo, hi: s.point.hi, flag: s.flag }));
  const digits = digitsOf(unit);
  const refs = t.refs.map(({ label, value }) => ({ label, value }));
  const hidden = t.schools.filter((s) => s.point.why !== undefined);
  return {
    ...t.meta,
    // Past a few dozen schools a bar each would be unreadable: how many schools have each value, the table names them.
    ...drawn((width) =>
      bars.length > MANY
        ? histogramChart(bars, { label: t.meta.title, digits, refs, width })
        : barChart(bars, { label: t.meta.title, digits, refs, xLabel: '', width, order: 'given' }),
    ),
    alt: sentence(`${sentence(t.meta.title)} ${visible.map((s) => `${s.name} — ${formatValue(s.point.value!, unit)}`).join('; ')}`),
    table: {
      head: ['Школа', 'Значение', 'Участников (n)'],
      rows: [
        ...t.schools.map((s) => [{ text: s.name }, pointCell(s.point, unit), nCell(s.point)]),
        ...t.refs.map((r) => [
          { text: r.label },
          { text: formatValue(r.value, unit), num: true },
          { text: r.n === undefined ? '' : formatNumber(r.n, 0), num: true },
        ]),
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
      rows: t.schools.map((s) => [t.year, s.id, s.name, keys.indicator, keys.subject, keys.grade, keys.period, ...pointColumns(s.point)]),
    },
    notes: hidden.length ? [`Не показаны на графике: ${hidden.map((s) => `${s.name} (${s.point.why})`).join('; ')}.`] : [],
    legend: [
      ...t.refs.map((r, i) => ({
        label: `${r.label}: ${formatValue(r.value, unit)}`,
        color: i === 0 ? COLORS.muni : COLORS.region,
        mark: i === 0 ? ('line' as const) : ('dashed' as const),
      })),
      ...(bars.some((b) => b.flag) ? [{ label: 'Школа в зоне риска', color: COLORS.low, mark: 'box' as const }] : []),
      ...(bars.some((b) => b.lo !== undefined) && bars.length <= MANY ? [CI_LEGEND] : []),
    ],
  };
}
