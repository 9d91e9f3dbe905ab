/** A group's values over the years, with the region and intervals. */
import { formatValue, sentence, type UnitKind } from '../../words/format.ts';
import { CI_LEGEND, digitsOf, drawn, nCell, pointCell, pointColumns, shown, whyNotes } from '../common.ts';
import { COLORS, lineChart, type SeriesPoint } from '../render.ts';
import type { Chart, ChartMeta, Keys, Point } from '../types.ts';

export interface TrendInput {
  meta: ChartMeta;
  keys: Keys;
  unit: UnitKind;
  /** The axis: the range the indicator's values can take (never «−0,5 %»). */
  bounds?: [number, number];
  /** The series' name: the municipality. */
  name: string;
  years: { year: number; point: Point; /** The change from the year before, in words already weighed by §11. */ change?: string }[];
  region: { year: number; value: number }[];
}

export function trendChart(t: TrendInput): Chart | undefined {
  const drawnYears = t.years.filter((y) => shown(y.point));
  if (drawnYears.length === 0) return undefined;
  const points: SeriesPoint[] = [
    ...drawnYears.map((y) => ({ series: 'Муниципалитет', x: y.year, y: y.point.value!, lo: y.point.lo, hi: y.point.hi })),
    ...t.region.map((r) => ({ series: 'Регион', x: r.year, y: r.value })),
  ];
  const withRegion = t.region.length > 0;
  const regionOf = new Map(t.region.map((r) => [r.year, r.value]));
  const { keys, unit } = t;
  return {
    ...t.meta,
    ...drawn((width) =>
      lineChart(points, {
        label: t.meta.title,
        digits: digitsOf(unit),
        series: withRegion ? ['Муниципалитет', 'Регион'] : ['Муниципалитет'],
        yLabel: unit,
        width,
        bounds: t.bounds,
      }),
    ),
    alt: sentence(
      `${sentence(t.meta.title)} Значения по годам: ${drawnYears.map((y) => `${y.year} — ${formatValue(y.point.value!, unit)}`).join('; ')}`,
    ),
    table: {
      head: ['Год', 'Муниципалитет', 'Изменение', 'Участников (n)', ...(withRegion ? ['Регион'] : [])],
      rows: t.years.map((y) => {
        const r = regionOf.get(y.year);
        return [
          { text: String(y.year) },
          pointCell(y.point, unit),
          { text: y.change ?? '' },
          nCell(y.point),
          ...(withRegion ? [{ text: r === undefined ? '' : formatValue(r, unit), num: true }] : []),
        ];
      }),
    },
    csv: {
      header: ['year', 'series', 'indicator', 'subject', 'grade', 'period', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [
        ...t.years.map((y) => [y.year, 'municipality', keys.indicator, keys.subject, keys.grade, keys.period, ...pointColumns(y.point)]),
        ...t.region.map((r) => [
          r.year,
          'region',
          keys.indicator,
          keys.subject,
          keys.grade,
          keys.period,
          r.value.toFixed(2),
          undefined,
          0,
          undefined,
          undefined,
        ]),
      ],
    },
    notes: whyNotes(t.years.map((y) => ({ year: y.year, why: y.point.why }))),
    legend: [
      { label: t.name, color: COLORS.main, mark: 'line' },
      ...(withRegion ? [{ label: 'Регион', color: COLORS.region, mark: 'dashed' as const }] : []),
      ...(drawnYears.some((y) => y.point.lo !== undefined) ? [CI_LEGEND] : []),
    ],
  };
}
