/** A group's values over the years, with the region and intervals. */
import { describeComparison, DIGITS, formatNumber, formatValue, genderOf, sentence } from '../../format.ts';
import { changeFromPrevious, compareWithFixed } from '../../indicators/compare.ts';
import type { Where } from '../../indicators/query.ts';
import { unitOf } from '../../indicators/registry.ts';
import type { Indicator } from '../../indicators/registry.ts';
import type { Model } from '../../model.ts';
import type { Namer } from '../../names.ts';

import { ciCells, CI_LEGEND, drawn, groupWords, naturalRange, slug, unitWord, type RegionOf } from '../common.ts';
import { COLORS, lineChart, type SeriesPoint } from '../render.ts';
import type { Chart } from '../types.ts';

export function trendChart(
  m: Model,
  names: Namer,
  def: Indicator,
  where: Where,
  page: string,
  pageTitle: string,
  regionOf: RegionOf,
  muniName: string,
): Chart | undefined {
  const series = m.ix.series(def.id, where).filter((s) => s.v);
  const shown = series.filter((s) => s.v && !s.v.suppressed && s.v.value !== undefined);
  if (shown.length === 0) return undefined;
  const digits = DIGITS[unitOf(def, where.subject)];
  const points: SeriesPoint[] = shown.map((s) => ({
    series: 'Муниципалитет',
    x: s.year,
    y: s.v!.value!,
    lo: s.v!.ci_low,
    hi: s.v!.ci_high,
  }));
  const regionPoints = series.map((s) => ({ year: s.year, r: regionOf(def.id, s.year, where) })).filter((x) => x.r !== undefined);
  for (const r of regionPoints) points.push({ series: 'Регион', x: r.year, y: r.r! });
  const last = shown[shown.length - 1];
  const change = changeFromPrevious(m.ix, last.v!);
  const unit = unitOf(def, where.subject);
  const what = `${def.name} ${groupWords(names, where)}`.trim();
  const regionLast = regionOf(def.id, last.year, where);
  const vsRegion = regionLast === undefined ? undefined : compareWithFixed(last.v, regionLast);
  const regionWords = !vsRegion
    ? ''
    : vsRegion.significant
      ? `; ${vsRegion.diff > 0 ? 'выше' : 'ниже'}, чем в регионе (${formatValue(regionLast!, unit)})`
      : `; на уровне региона (${formatValue(regionLast!, unit)})`;
  const title =
    change !== undefined
      ? `${what} в ${last.year} году — ${formatValue(last.v!.value!, unit)}: ${describeComparison(change, unit, genderOf(def.name))}${regionWords}`
      : `${what}: ${formatValue(last.v!.value!, unit)} в ${last.year} году${regionWords}`;
  const withCi = shown.some((s) => s.v!.ci_low !== undefined);
  const id = slug(
    def.id,
    where.subject,
    where.grade,
    where.period === undefined ? undefined : where.period === '1 полугодие' ? 'h1' : where.period === '2 полугодие' ? 'h2' : 'year',
    'municipality',
  );
  const seriesNames = regionPoints.length ? ['Муниципалитет', 'Регион'] : ['Муниципалитет'];
  return {
    id,
    title,
    page,
    pageTitle,
    indicator: def.id,
    subtitle: `${def.name}, ${unitWord(def, where.subject)}; ${muniName}${regionPoints.length ? ' и регион' : ''}, ${series[0].year}–${series[series.length - 1].year}`,
    ...drawn((width) =>
      lineChart(points, {
        label: title,
        digits,
        series: seriesNames,
        yLabel: unitOf(def, where.subject) === '%' ? '%' : unitOf(def, where.subject),
        width,
        bounds: naturalRange(m, def, where),
      }),
    ),
    alt: sentence(
      `${sentence(title)} Значения по годам: ${shown.map((s) => `${s.year} — ${formatValue(s.v!.value!, unitOf(def, where.subject))}`).join('; ')}`,
    ),
    table: {
      head: ['Год', 'Муниципалитет', 'Изменение', 'Участников (n)', ...(regionPoints.length ? ['Регион'] : [])],
      rows: series.map((s) => {
        const ch = changeFromPrevious(m.ix, s.v!);
        const r = regionOf(def.id, s.year, where);
        return [
          { text: String(s.year) },
          m.present.valueCell(s.v, def),
          { text: ch === undefined ? '' : describeComparison(ch, unit, genderOf(def.name)), num: false },
          { text: formatNumber(s.v!.n, 0), num: true },
          ...(regionPoints.length ? [{ text: r === undefined ? '' : formatValue(r, unitOf(def, where.subject)), num: true }] : []),
        ];
      }),
    },
    csv: {
      header: ['year', 'series', 'indicator', 'subject', 'grade', 'period', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [
        ...series.map((s) => [
          s.year,
          'municipality',
          def.id,
          where.subject,
          where.grade,
          where.period,
          s.v!.suppressed ? undefined : s.v!.value!.toFixed(2),
          s.v!.n,
          s.v!.suppressed ? 1 : 0,
          ...ciCells(s.v!),
        ]),
        ...regionPoints.map((r) => [
          r.year,
          'region',
          def.id,
          where.subject,
          where.grade,
          where.period,
          r.r!.toFixed(2),
          undefined,
          0,
          undefined,
          undefined,
        ]),
      ],
    },
    notes: series.filter((s) => s.v!.suppressed).map((s) => `${s.year}: ${m.present.whyHidden(s.v!)}`),
    legend: [
      { label: muniName, color: COLORS.main, mark: 'line' },
      ...(regionPoints.length ? [{ label: 'Регион', color: COLORS.region, mark: 'dashed' as const }] : []),
      ...(withCi ? [CI_LEGEND] : []),
    ],
  };
}
