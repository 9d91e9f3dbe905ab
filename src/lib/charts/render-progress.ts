/**
 * Charts of pupils' progress (spec §13): the municipal picture as a 2-D
 * histogram of earlier against later scores with the fitted line (never a dot
 * per pupil), and each school's progress as a dot with its interval.
 */
import * as Plot from '@observablehq/plot';
import { CI_COLOR, COLORS, dec, document, finish, FONT, leftLabels, ticksFor, WIDTH } from './render.ts';

export interface HeatCell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The shade's class, 0 (fewest pupils) … shades.length − 1. */
  shade: number;
}

/** Light to dark blue: how many pupils a cell has. */
export const SHADES = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'];

export function heatChart(
  cells: HeatCell[],
  line: { a: number; b: number },
  o: { label: string; xLabel: string; yLabel: string; x: [number, number]; y: [number, number]; width?: number },
): string {
  const width = o.width ?? WIDTH;
  const ends = [o.x[0], o.x[1]].map((x) => ({ x, y: line.a + line.b * x }));
  const svg = Plot.plot({
    document,
    width,
    height: 340,
    marginLeft: 44,
    marginRight: 14,
    marginTop: 24,
    marginBottom: 40,
    style: FONT,
    x: { domain: o.x, label: o.xLabel, labelAnchor: 'right', labelArrow: 'none', ticks: 5, tickFormat: (d: number) => dec(d, 0) },
    y: { domain: o.y, label: o.yLabel, labelAnchor: 'top', labelArrow: 'none', ticks: 5, tickFormat: (d: number) => dec(d, 0) },
    marks: [
      Plot.rect(cells, { x1: 'x0', x2: 'x1', y1: 'y0', y2: 'y1', fill: (c: HeatCell) => SHADES[c.shade], inset: 0.5 }),
      Plot.line(
        ends.map((e) => ({ x: e.x, y: Math.min(o.y[1], Math.max(o.y[0], e.y)) })),
        { x: 'x', y: 'y', stroke: COLORS.low, strokeWidth: 2.5 },
      ),
      Plot.frame({ stroke: '#bbb' }),
    ],
  });
  return finish(svg, o.label);
}

export interface Whisker {
  label: string;
  value: number;
  lo?: number;
  hi?: number;
  /** Beyond chance: above or below 0. */
  mark?: 'above' | 'below';
}

/** Each school's mean with its interval, in the order given (by name), and the line of 0: «как у всех». */
export function whiskerChart(rows: Whisker[], o: { label: string; labelled: boolean; width?: number }): string {
  const width = o.width ?? WIDTH;
  // A region's hundreds of schools are dots without names: their labels are not made.
  const left = o.labelled
    ? leftLabels(
        rows.map((r) => r.label),
        width,
      )
    : { names: rows.map((_, i) => String(i)), lines: 1, margin: 12 };
  const names = left.names;
  const step = o.labelled ? (left.lines > 1 ? 36 : 24) : 8;
  const ticks = ticksFor(width - left.margin - 16);
  const extent = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.lo ?? r.value), Math.abs(r.hi ?? r.value)])) * 1.1;
  const y = (_: Whisker, i: number) => names[i];
  const color = (r: Whisker) => (r.mark === 'above' ? COLORS.main : r.mark === 'below' ? COLORS.low : '#555');
  const withCi = rows.map((r, i) => ({ r, i })).filter((d) => d.r.lo !== undefined && d.r.hi !== undefined);
  const svg = Plot.plot({
    document,
    width,
    height: 40 + rows.length * step,
    marginLeft: left.margin,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 10,
    style: FONT,
    x: {
      domain: [-extent, extent],
      // The unit is in the chart's subtitle: a label at the top would sit on the last tick.
      label: null,
      axis: 'top',
      ticks,
      tickFormat: (d: number) => (d > 0 ? `+${dec(d, 0)}` : dec(d, 0)),
    },
    y: { domain: names, label: null, tickSize: 0, axis: o.labelled ? 'left' : null },
    marks: [
      Plot.gridX({ stroke: '#e5e5e5', strokeOpacity: 1, ticks }),
      Plot.ruleX([0], { stroke: '#1a1a1a', strokeWidth: 1.5 }),
      Plot.ruleY(withCi, {
        y: (d: { i: number }) => names[d.i],
        x1: (d: { r: Whisker }) => d.r.lo,
        x2: (d: { r: Whisker }) => d.r.hi,
        stroke: CI_COLOR,
        strokeWidth: o.labelled ? 2 : 1,
      }),
      Plot.dot(rows, { y, x: 'value', r: o.labelled ? 5 : 2.5, fill: color, stroke: 'white', strokeWidth: 1 }),
    ],
  });
  return finish(svg, o.label);
}
