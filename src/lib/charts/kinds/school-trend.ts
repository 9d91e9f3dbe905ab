/** A school's main results over the years against the municipality. */
import { formatValue, sentence, type UnitKind } from '../../words/format.ts';
import { CI_LEGEND, digitsOf, drawn, nCell, pointCell, pointColumns, shown, whyNotes } from '../common.ts';
import { COLORS, lineChart, type SeriesPoint } from '../render.ts';
import type { Chart, ChartMeta, Keys, Point } from '../types.ts';

export interface SchoolTrendInput {
  meta: ChartMeta;
  keys: Keys;
  unit: UnitKind;
  bounds?: [number, number];
  school: { id: string; name: string };
  /** The years the school has a value. */
  years: { year: number; school: Point }[];
  /** The municipality over all the years, the school's closing included. */
  municipality: { year: number; point: Point }[];
}

export function schoolTrendChart(t: SchoolTrendInput): Chart | undefined {
  const { unit, keys, school } = t;
  const mine = t.years.filter((y) => shown(y.school));
  if (mine.length === 0) return undefined;
  const muni = t.municipality.filter((y) => shown(y.point));
  const muniOf = new Map(t.municipality.map((y) => [y.year, y.point]));
  const points: SeriesPoint[] = [
    ...mine.map((y) => ({ series: school.name, x: y.year, y: y.school.value!, lo: y.school.lo, hi: y.school.hi })),
    ...muni.map((y) => ({ series: 'Муниципалитет', x: y.year, y: y.point.value! })),
  ];
  return {
    ...t.meta,
    ...drawn((width) =>
      lineChart(points, {
        label: t.meta.title,
        digits: digitsOf(unit),
        series: [school.name, 'Муниципалитет'],
        yLabel: unit,
        width,
        bounds: t.bounds,
      }),
    ),
    alt: sentence(`${sentence(t.meta.title)} По годам: ${mine.map((y) => `${y.year} — ${formatValue(y.school.value!, unit)}`).join('; ')}`),
    table: {
      head: ['Год', school.name, 'Участников (n)', 'Муниципалитет'],
      rows: t.years.map((y) => [
        { text: String(y.year) },
        pointCell(y.school, unit),
        nCell(y.school),
        pointCell(muniOf.get(y.year) ?? {}, unit),
      ]),
    },
    csv: {
      header: ['year', 'series', 'school_id', 'indicator', 'subject', 'grade', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [
        ...t.years.map((y) => [y.year, 'school', school.id, keys.indicator, keys.subject, keys.grade, ...pointColumns(y.school)]),
        ...muni.map((y) => [y.year, 'municipality', '', keys.indicator, keys.subject, keys.grade, ...pointColumns(y.point)]),
      ],
    },
    notes: whyNotes(t.years.map((y) => ({ year: y.year, why: y.school.why }))),
    legend: [
      { label: school.name, color: COLORS.main, mark: 'line' },
      { label: 'Муниципалитет', color: COLORS.region, mark: 'dashed' },
      ...(mine.some((y) => y.school.lo !== undefined) ? [{ ...CI_LEGEND, color: COLORS.main }] : []),
    ],
  };
}
