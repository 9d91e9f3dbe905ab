/** A school's main results over the years against the municipality. */
import { describeStanding, DIGITS, formatNumber, formatValue, sentence } from '../../format.ts';
import { compareWithRest } from '../../indicators/compare.ts';
import type { Where } from '../../indicators/query.ts';
import { unitOf } from '../../indicators/registry.ts';
import type { Indicator } from '../../indicators/registry.ts';
import type { Model } from '../../model.ts';
import type { Namer } from '../../names.ts';

import { ciCells, CI_LEGEND, drawn, groupWords, naturalRange, slug, unitWord } from '../common.ts';
import { COLORS, lineChart, type SeriesPoint } from '../render.ts';
import type { Chart } from '../types.ts';

export function schoolTrendChart(m: Model, names: Namer, def: Indicator, school: string, where: Where): Chart | undefined {
  const mine = m.ix.series(def.id, { ...where, school }).filter((s) => s.v);
  const shown = mine.filter((s) => !s.v!.suppressed && s.v!.value !== undefined);
  if (shown.length === 0) return undefined;
  const muni = m.ix.series(def.id, where).filter((s) => s.v && !s.v.suppressed && s.v.value !== undefined);
  const name = names.school(school);
  const points: SeriesPoint[] = [
    ...shown.map((s) => ({ series: name, x: s.year, y: s.v!.value!, lo: s.v!.ci_low, hi: s.v!.ci_high })),
    ...muni.map((s) => ({ series: 'Муниципалитет', x: s.year, y: s.v!.value! })),
  ];
  const last = shown[shown.length - 1];
  const muniLast = m.ix.get(def.id, last.year, where);
  const what = `${def.name.charAt(0).toLowerCase()}${def.name.slice(1)} ${groupWords(names, where)}`.trim();
  const standing = describeStanding(compareWithRest(last.v, muniLast));
  // The school's name leads: an embedded chart travels without the page that names it.
  const title = `${name}: ${what} в ${last.year} году — ${formatValue(last.v!.value!, unitOf(def, where.subject))}${standing.text ? `, ${standing.text}` : ''}`;
  const withCi = shown.some((s) => s.v!.ci_low !== undefined);
  return {
    id: slug('school', school, def.id, where.subject, where.grade),
    title,
    page: `/schools/${school}/`,
    pageTitle: name,
    indicator: def.id,
    subtitle: `${def.name} ${groupWords(names, where)}, ${unitWord(def, where.subject)}: ${name} и муниципалитет по годам`,
    ...drawn((width) =>
      lineChart(points, {
        label: title,
        digits: DIGITS[unitOf(def, where.subject)],
        series: [name, 'Муниципалитет'],
        yLabel: unitOf(def, where.subject) === '%' ? '%' : unitOf(def, where.subject),
        width,
        bounds: naturalRange(m, def, where),
      }),
    ),
    alt: sentence(
      `${sentence(title)} По годам: ${shown.map((s) => `${s.year} — ${formatValue(s.v!.value!, unitOf(def, where.subject))}`).join('; ')}`,
    ),
    table: {
      head: ['Год', name, 'Участников (n)', 'Муниципалитет'],
      rows: mine.map((s) => [
        { text: String(s.year) },
        m.present.valueCell(s.v, def),
        { text: formatNumber(s.v!.n, 0), num: true },
        m.present.valueCell(m.ix.get(def.id, s.year, where), def),
      ]),
    },
    csv: {
      header: ['year', 'series', 'school_id', 'indicator', 'subject', 'grade', 'value', 'n', 'suppressed', 'ci_low', 'ci_high'],
      rows: [
        ...mine.map((s) => [
          s.year,
          'school',
          school,
          def.id,
          where.subject,
          where.grade,
          s.v!.suppressed ? undefined : s.v!.value!.toFixed(2),
          s.v!.n,
          s.v!.suppressed ? 1 : 0,
          ...ciCells(s.v!),
        ]),
        ...muni.map((s) => [
          s.year,
          'municipality',
          '',
          def.id,
          where.subject,
          where.grade,
          s.v!.value!.toFixed(2),
          s.v!.n,
          0,
          ...ciCells(s.v!),
        ]),
      ],
    },
    notes: mine.filter((s) => s.v!.suppressed).map((s) => `${s.year}: ${m.present.whyHidden(s.v!)}`),
    legend: [
      { label: name, color: COLORS.main, mark: 'line' },
      { label: 'Муниципалитет', color: COLORS.region, mark: 'dashed' },
      ...(withCi ? [{ ...CI_LEGEND, color: COLORS.main }] : []),
    ],
  };
}
