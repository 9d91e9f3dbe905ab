/**
 * Chart builders: data plus marks, rendered by Observable Plot to a static SVG
 * string at build time (no JavaScript in the browser). One shared linkedom
 * document serves every chart.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import { parseHTML } from 'linkedom';
import { formatNumber } from '../words/format.ts';

export const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Palette of Okabe & Ito: distinct for colour-blind readers and in greyscale by lightness. */
export const COLORS = {
  main: '#0b5394',
  muni: '#1a1a1a',
  region: '#b35806',
  low: '#c0392b',
  lowered: '#e69f00',
  confirmed: '#0b5394',
  raised: '#9ecae1',
};
const SYMBOLS = ['circle', 'square', 'triangle', 'diamond'] as const;
const DASH = ['', '6 3', '2 3', '8 3 2 3'];

/**
 * A chart is drawn twice, so that its text stays 12–14 CSS px at every width (issue 39): at `WIDTH` for phones and
 * narrow columns, at `WIDE` where the column holds 514 px and more. Neither is ever scaled up (ChartBody.astro); a
 * drawing at 14 px scaled down to 6/7 of its width still writes 12 px. The files (SVG, PNG) are the wide drawing.
 */
export const WIDTH = 320;
export const WIDE = 600;
/** The least column that shows the wide drawing (its 14 px at 12 px); site.css's container query holds the same. */
export const WIDE_COLUMN = 514;
export const FONT = { fontFamily: '"PT Sans", "Segoe UI", Arial, sans-serif', fontSize: '14px', overflow: 'visible' };

export const dec = (x: number, digits: number) => formatNumber(x, digits);

/** Escapes text for an attribute (linkedom leaves `&` and `<` raw there, which breaks XML). */
export const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function finish(svg: Element, label: string): string {
  svg.removeAttribute('class');
  // Only the root speaks (role="img" with the finding); Plot's labels on inner groups are not allowed inside an image.
  let s = svg.outerHTML.replace(/ aria-(label|description)="[^"]*"/g, '').replace(/^<svg/, `<svg role="img" aria-label="${attr(label)}"`);
  // Plot numbers its clip paths and classes with a counter; fix them so output is stable.
  s = s.replace(/plot-[0-9a-z-]+/g, 'plot');
  return s;
}

/** Values written over marks: dark text in a white halo, so that no line runs through a number. */
export const haloed = (strokeWidth: number) => ({ fill: '#1a1a1a', stroke: 'white', strokeWidth, paintOrder: 'stroke' }) as const;

/** A point of a line; `lo`–`hi` is its 95 % interval, drawn as an error bar. */
export interface SeriesPoint {
  series: string;
  x: number;
  y: number;
  lo?: number;
  hi?: number;
}

/** Ink of the interval marks: dark and thin, so they read as uncertainty, not as data. */
export const CI_COLOR = '#444';

/** Lines over years: one per series, each with its own symbol and dash, values written at the points. */
export function lineChart(
  points: SeriesPoint[],
  o: {
    label: string;
    digits: number;
    series: string[];
    yLabel: string;
    height?: number;
    width?: number;
    /** What the values can be (0–100 for a share): the axis never runs past it, so no «−0,5 %». */
    bounds?: [number, number];
  },
): string {
  const years = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const ys = points.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]);
  const min = Math.min(...ys);
  const max = Math.max(...ys);
  const pad = Math.max((max - min) * 0.25, Math.abs(max) * 0.03, 0.5);
  // A round domain (ticks at whole numbers), then held within the bounds: a share's axis never shows «−0,5 %».
  const [niceLow, niceHigh] = scaleLinear()
    .domain([min - pad, max + pad])
    .nice(5)
    .domain();
  const [floor, ceiling] = o.bounds ?? [-Infinity, Infinity];
  const color = (s: string) => [COLORS.main, COLORS.region, COLORS.muni, '#009e73'][o.series.indexOf(s) % 4];
  const marks: Plot.Markish[] = [Plot.gridY({ stroke: '#ccc', strokeOpacity: 1 })];
  o.series.forEach((s, i) => {
    const data = points.filter((p) => p.series === s);
    const bars = data.filter((d) => d.lo !== undefined && d.hi !== undefined);
    // Error bars sit a little to the side of each series' point so that two series' bars do not overlap.
    if (bars.length)
      marks.push(
        Plot.ruleX(bars, { x: 'x', y1: 'lo', y2: 'hi', stroke: color(s), strokeWidth: 1.5, strokeOpacity: 0.75, dx: i === 0 ? 0 : 6 }),
      );
    marks.push(
      Plot.line(data, { x: 'x', y: 'y', stroke: color(s), strokeWidth: 2.5, strokeDasharray: DASH[i % 4] }),
      Plot.dot(data, { x: 'x', y: 'y', fill: color(s), r: 4.5, symbol: SYMBOLS[i % 4] }),
    );
    if (i === 0) {
      // The value goes on the side away from the other lines, so it never sits on their markers; beside its error bar.
      const above = (d: SeriesPoint) =>
        points.some((p) => p.series !== s && p.x === d.x && p.y > d.y && p.y - d.y < (max - min + 2 * pad) * 0.15);
      for (const [side, dy] of [
        [false, -13],
        [true, 20],
      ] as const) {
        marks.push(
          Plot.text(
            data.filter((d) => above(d) === side),
            {
              x: 'x',
              y: 'y',
              text: (d: SeriesPoint) => dec(d.y, o.digits),
              dy,
              dx: data.some((p) => p.lo !== undefined) ? 4 : 0,
              textAnchor: data.some((p) => p.lo !== undefined) ? 'start' : 'middle',
              fontWeight: 'bold',
              ...haloed(3),
            },
          ),
        );
      }
    }
  });
  const svg = Plot.plot({
    document,
    width: o.width ?? WIDTH,
    // Lower on a phone, where a page holds many: the years' values need no more.
    height: o.height ?? ((o.width ?? WIDTH) < WIDE_COLUMN ? 220 : 260),
    marginLeft: 48,
    // A value written beside its interval runs right of the last year's point: room for «100,0».
    marginRight: points.some((p) => p.lo !== undefined) ? 48 : 20,
    marginTop: 28,
    marginBottom: 32,
    style: FONT,
    x: { type: 'point', domain: years, label: null, tickFormat: (d: number) => String(d) },
    y: {
      domain: [Math.max(floor, niceLow), Math.min(ceiling, niceHigh)],
      label: o.yLabel,
      labelAnchor: 'top',
      labelArrow: 'none',
      tickFormat: (d: number) => dec(d, Number.isInteger(d) ? 0 : 1),
      ticks: 5,
    },
    marks,
  });
  return finish(svg, o.label);
}

/**
 * Letters by their width in 14 px DejaVu Sans, rounded up: the widest of the fonts a reader's system may set a chart
 * in (PT Sans, Segoe UI, Roboto and Arial run narrower). Plot does not measure text; measured in Chromium.
 */
const WIDTHS = new Map(
  (
    [
      [4, "ijl'"],
      [5, 'IJf ,.;:/\u00a0'],
      [6, 'rt()-![]'],
      [7, '"–*_`'],
      [8, 'гзсэLcsz?'],
      [9, 'ГЕЁЗРТУабвеёклортухчьяEFPSTYabdeghknopquvxy0123456789«»'],
      [10, 'АБВКСХЧЬЭЯдийнпцъABCKRVXZ'],
      [11, 'ДИЙЛНОПЦмDGHNOQU&'],
      [12, 'Ъфыюw+<>=#~^'],
      [13, 'МФЫжшM'],
      [14, 'щWm—%…@'],
      [15, 'Ш№'],
      [16, 'ЖЩЮ'],
    ] as const
  ).flatMap(([w, chars]) => [...chars].map((ch) => [ch, w] as const)),
);

/** How wide a line of 14 px text runs (a letter not in the table: 10 px). */
export const textWidth = (line: string) => [...line].reduce((a, ch) => a + (WIDTHS.get(ch) ?? 10), 0);

/** How many ticks an axis of `room` px holds: a number of 14 px wants some 60 px, so that «80» never sits on «100». */
export const ticksFor = (room: number) => Math.max(2, Math.min(5, Math.floor(room / 60)));

/** Room for the longest line of the labels on the left, and the gap to the axis. */
const labelMargin = (labels: string[]) => 12 + Math.max(...labels.flatMap((n) => n.split('\n').map(textWidth)));

/** A line of a label on the left: a phone's chart gives its labels less than half its width. */
const lineRoom = (width: number) => (width >= WIDE_COLUMN ? 270 : 155);

/** A line cut to `px` with «…» where it is wider (the table has it whole). */
function fit(line: string, px: number): string {
  if (textWidth(line) <= px) return line;
  let s = line;
  while (s.length > 1 && textWidth(`${s}…`) > px) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/**
 * Labels on the left of a chart `width` px wide, never cut where two lines hold them: a long one goes on to a second
 * line at a space («Русский язык, 5 класс», a school's long name); only what a third line would need ends in «…»
 * (the table has it whole). `lines` is the most any label takes, for the height of its row.
 */
export function leftLabels(labels: string[], width: number): { names: string[]; lines: number; margin: number } {
  const px = lineRoom(width);
  const names = labels.map((label) => {
    // Levels of maths in short words; «№ 5» and «6 класс» stay on one line.
    const words = label
      .replace(' (базовый уровень)', ' (база)')
      .replace(' (профильный уровень)', ' (профиль)')
      .replace(/№ /g, '№\u00a0')
      .replace(/(\d) (класс)/g, '$1\u00a0$2')
      .split(' ');
    const rows: string[] = [];
    for (const w of words) {
      const last = rows.length - 1;
      if (last >= 0 && textWidth(`${rows[last]} ${w}`) <= px) rows[last] += ` ${w}`;
      else rows.push(w);
    }
    return [rows[0], rows.slice(1).join(' ')]
      .filter(Boolean)
      .map((r) => fit(r, px))
      .join('\n');
  });
  // Two labels cut alike would share a row: a zero-width space keeps them apart (the table tells them apart in words).
  const seen = new Map<string, number>();
  for (const [i, l] of names.entries()) {
    const k = seen.get(l) ?? 0;
    seen.set(l, k + 1);
    if (k) names[i] = l + '\u200b'.repeat(k);
  }
  return { names, lines: names.some((l) => l.includes('\n')) ? 2 : 1, margin: labelMargin(names) };
}

/**
 * A tiny trend line for key-figure cards; decorative (the numbers are next to
 * it). Drawn on the indicator's whole range (a share on 0–100 %), never from
 * its own minimum to its maximum, where a change within chance looks like a
 * cliff; with the 95 % interval as a light band.
 */
export function sparkline(values: { x: number; y: number; lo?: number; hi?: number }[], range?: [number, number]): string {
  const all = values.flatMap((v) => [v.y, v.lo ?? v.y, v.hi ?? v.y]);
  const top = Math.max(...all);
  const svg = Plot.plot({
    document,
    width: 120,
    height: 36,
    margin: 4,
    axis: null,
    style: { overflow: 'visible' },
    y: { domain: range ?? [0, top > 0 ? top * 1.15 : 1], nice: false, clamp: true },
    marks: [
      Plot.areaY(
        values.filter((v) => v.lo !== undefined && v.hi !== undefined),
        { x: 'x', y1: 'lo', y2: 'hi', fill: COLORS.main, fillOpacity: 0.15 },
      ),
      Plot.line(values, { x: 'x', y: 'y', stroke: COLORS.main, strokeWidth: 2 }),
      Plot.dot(values.slice(-1), { x: 'x', y: 'y', fill: COLORS.main, r: 3 }),
    ],
  });
  svg.setAttribute('aria-hidden', 'true');
  svg.removeAttribute('class');
  return svg.outerHTML.replace(/plot-[0-9a-z-]+/g, 'plot').replace(/<style>[\s\S]*?<\/style>/, '');
}
