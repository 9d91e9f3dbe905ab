/** Bar charts: schools or subjects as horizontal bars, many schools as a histogram. */
import * as Plot from '@observablehq/plot';
import { CI_COLOR, COLORS, dec, document, finish, FONT, haloed, leftLabels, ticksFor, WIDE_COLUMN, WIDTH } from './render.ts';

/** A bar; `flag` marks a school in a risk zone; `lo`–`hi` is its 95 % interval. */
export interface Bar {
  label: string;
  value: number;
  flag?: boolean;
  lo?: number;
  hi?: number;
}

/** The municipality's line and the region's (dashed); they are named in the legend above the chart, so carry no labels. */
const refRules = (refs: { value: number }[] = []) =>
  refs.map((r, i) =>
    Plot.ruleX([r.value], { stroke: i === 0 ? COLORS.muni : COLORS.region, strokeWidth: 2.5, strokeDasharray: i === 0 ? '' : '6 3' }),
  );

/**
 * Horizontal bars with reference lines and value labels: in the order given
 * (schools by name: a chart of schools is never a ranking) or by value
 * (subjects of one municipality).
 */
export function barChart(
  bars: Bar[],
  o: {
    label: string;
    digits: number;
    refs?: { label: string; value: number }[];
    xLabel: string;
    domainMax?: number;
    width?: number;
    order: 'given' | 'value';
  },
): string {
  const data = o.order === 'given' ? bars : [...bars].sort((a, b) => b.value - a.value);
  const width = o.width ?? WIDTH;
  const { names, lines, margin } = leftLabels(
    data.map((b) => b.label),
    width,
  );
  // Rows closer on a phone, where a page holds many charts; two lines of 14 px still clear each other.
  const height = 36 + data.length * (width < WIDE_COLUMN ? (lines > 1 ? 31 : 24) : lines > 1 ? 34 : 26);
  const max =
    Math.max(o.domainMax ?? 0, ...data.map((b) => Math.max(b.value, b.hi ?? 0)), ...(o.refs ?? []).map((r) => r.value)) * 1.15 || 1;
  const y = (_: Bar, i: number) => names[i];
  const withCi = data.some((b) => b.lo !== undefined);
  const marks: Plot.Markish[] = [
    // Interval bars are lighter where they cross the bar, dark beyond it: readable on both.
    Plot.barX(data, { y, x: 'value', fill: (b: Bar) => (b.flag ? COLORS.low : COLORS.main), fillOpacity: withCi ? 0.78 : 1 }),
    ...(withCi
      ? [
          Plot.ruleY(
            data.filter((b) => b.lo !== undefined),
            { y: (b: Bar) => names[data.indexOf(b)], x1: 'lo', x2: 'hi', stroke: CI_COLOR, strokeWidth: 2 },
          ),
          Plot.tickX(
            data
              .filter((b) => b.lo !== undefined)
              .flatMap((b) => [
                { b, x: b.lo! },
                { b, x: b.hi! },
              ]),
            { y: (d: { b: Bar }) => names[data.indexOf(d.b)], x: 'x', stroke: CI_COLOR, strokeWidth: 2, inset: 6 },
          ),
        ]
      : []),
    Plot.ruleX([0], { stroke: '#1a1a1a' }),
  ];
  marks.push(...refRules(o.refs));
  // Values last, with a white halo: a reference line never runs through a number.
  marks.push(
    Plot.text(data, {
      y,
      x: (b: Bar) => Math.max(b.value, b.hi ?? b.value),
      text: (b: Bar) => dec(b.value, o.digits),
      textAnchor: 'start',
      dx: 4,
      ...haloed(4),
    }),
  );
  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft: margin,
    marginRight: 48,
    marginTop: 24,
    marginBottom: 12,
    style: FONT,
    x: {
      domain: [0, max],
      label: o.xLabel,
      labelAnchor: 'right',
      labelArrow: 'none',
      axis: 'top',
      ticks: ticksFor(width - margin - 48),
      tickFormat: (d: number) => dec(d, 0),
    },
    y: { domain: names, label: null, tickSize: 0 },
    marks,
  });
  return finish(svg, o.label);
}

/**
 * Many schools (a region has hundreds): how many schools have each value, as
 * a histogram, schools in a risk zone stacked in their colour, with the
 * reference lines. A bar per school would make a chart tens of thousands of
 * pixels tall; the table under the chart names every school.
 */
export function histogramChart(
  bars: Bar[],
  o: { label: string; digits: number; refs?: { label: string; value: number }[]; width?: number },
): string {
  const marks: Plot.Markish[] = [
    Plot.rectY(
      bars.map((b) => ({ value: b.value, kind: b.flag ? 'risk' : 'ok' })),
      Plot.binX<Plot.RectYOptions>({ y: 'count' }, { x: 'value', fill: 'kind', thresholds: 24, insetLeft: 0.5, insetRight: 0.5 }),
    ),
    Plot.ruleY([0], { stroke: '#1a1a1a' }),
    ...refRules(o.refs),
  ];
  const svg = Plot.plot({
    document,
    width: o.width ?? WIDTH,
    height: 240,
    marginLeft: 44,
    marginRight: 16,
    marginTop: 28,
    marginBottom: 36,
    style: FONT,
    x: { label: null, ticks: 5, tickFormat: (d: number) => dec(d, Number.isInteger(d) ? 0 : 1) },
    y: { label: 'школ', labelAnchor: 'top', labelArrow: 'none', ticks: 4, grid: true, tickFormat: (d: number) => dec(d, 0) },
    color: { domain: ['ok', 'risk'], range: [COLORS.main, COLORS.low] },
    marks,
  });
  return finish(svg, o.label);
}
