/** The figures of a group over the years: the municipality (with the region) and a school against it. */
import { describeComparison, describeStanding, formatValue, genderOf, lowerFirst } from '../words/format.ts';
import type { Namer } from '../data/names.ts';
import { changeFromPrevious, compareWithFixed, compareWithRest } from '../indicators/compare.ts';
import type { Where } from '../indicators/query.ts';
import { nameOf, unitOf, type Indicator } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { trendChart } from '../charts/kinds/trend.ts';
import { schoolTrendChart } from '../charts/kinds/school-trend.ts';
import type { Chart } from '../charts/types.ts';
import { slug } from '../charts/common.ts';
import { chartId, groupWords, keysOf, naturalRange, pointOf, unitWord } from './common.ts';

export type RegionOf = (id: string, year: number, w: Where) => number | undefined;

export function trendFigure(
  m: Model,
  names: Namer,
  def: Indicator,
  where: Where,
  page: string,
  pageTitle: string,
  regionOf: RegionOf,
): Chart | undefined {
  const series = m.ix.series(def.id, where).filter((s) => s.v);
  const shown = series.filter((s) => !s.v!.suppressed && s.v!.value !== undefined);
  if (shown.length === 0) return undefined;
  const unit = unitOf(def, where.subject);
  const gender = genderOf(nameOf(def, where.subject));
  const last = shown[shown.length - 1];
  const change = changeFromPrevious(m.ix, last.v!);
  const what = `${nameOf(def, where.subject)} ${groupWords(names, where)}`.trim();
  const regionLast = regionOf(def.id, last.year, where);
  const vsRegion = regionLast === undefined ? undefined : compareWithFixed(last.v, regionLast);
  const regionWords = !vsRegion
    ? ''
    : vsRegion.significant
      ? `; ${vsRegion.diff > 0 ? 'выше' : 'ниже'}, чем в регионе (${formatValue(regionLast!, unit)})`
      : `; на уровне региона (${formatValue(regionLast!, unit)})`;
  const title =
    change !== undefined
      ? `${what} в ${last.year} году — ${formatValue(last.v!.value!, unit)}: ${describeComparison(change, unit, gender)}${regionWords}`
      : `${what}: ${formatValue(last.v!.value!, unit)} в ${last.year} году${regionWords}`;
  const region = series.flatMap((s) => {
    const r = regionOf(def.id, s.year, where);
    return r === undefined ? [] : [{ year: s.year, value: r }];
  });
  const muniName = m.data.config.municipality.name;
  return trendChart({
    meta: {
      id: chartId(def, where, 'municipality'),
      title,
      page,
      pageTitle,
      indicator: def.id,
      subtitle: `${nameOf(def, where.subject)}, ${unitWord(def, where.subject)}; ${muniName}${region.length ? ' и регион' : ''}, ${series[0].year}–${series[series.length - 1].year}`,
    },
    keys: keysOf(def, where),
    unit,
    bounds: naturalRange(m, def, where),
    name: muniName,
    years: series.map((s) => {
      const c = changeFromPrevious(m.ix, s.v!);
      return { year: s.year, point: pointOf(s.v, m.present), change: c === undefined ? undefined : describeComparison(c, unit, gender) };
    }),
    region,
  });
}

export function schoolTrendFigure(m: Model, names: Namer, def: Indicator, school: string, where: Where): Chart | undefined {
  const mine = m.ix.series(def.id, { ...where, school }).filter((s) => s.v);
  const last = mine.filter((s) => !s.v!.suppressed && s.v!.value !== undefined).at(-1);
  if (!last) return undefined;
  const name = names.school(school);
  const unit = unitOf(def, where.subject);
  const what = `${lowerFirst(nameOf(def, where.subject))} ${groupWords(names, where)}`.trim();
  const standing = describeStanding(compareWithRest(last.v, m.ix.get(def.id, last.year, where)));
  return schoolTrendChart({
    meta: {
      id: slug('school', school, def.id, where.subject, where.grade),
      // The school's name leads: an embedded chart travels without the page that names it.
      title: `${name}: ${what} в ${last.year} году — ${formatValue(last.v!.value!, unit)}${standing.text ? `, ${standing.text}` : ''}`,
      page: `/schools/${school}/`,
      pageTitle: name,
      indicator: def.id,
      subtitle: `${def.name} ${groupWords(names, where)}, ${unitWord(def, where.subject)}: ${name} и муниципалитет по годам`,
    },
    keys: keysOf(def, where),
    unit,
    bounds: naturalRange(m, def, where),
    school: { id: school, name },
    years: mine.map((s) => ({ year: s.year, school: pointOf(s.v, m.present) })),
    municipality: m.ix.series(def.id, where).map((s) => ({ year: s.year, point: pointOf(s.v, m.present) })),
  });
}
