/**
 * A scatter of schools: each a dot with its 95 % interval, a fitted line with
 * its band, every school labelled. Labels are placed beside their dots where
 * they do not collide (Plot does not move text apart), so every name reads at
 * 320 px; the table under the chart names them all anyway.
 */
import * as Plot from '@observablehq/plot';
import { CI_COLOR, COLORS, dec, document, finish, FONT, shorten, WIDTH } from './render.ts';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  lo?: number;
  hi?: number;
  /** A school the text names as beyond chance: drawn in the accent colour. */
  mark?: 'above' | 'below';
}

export interface ScatterLine {
  /** The line's value and its band's half-width at x. */
  at: (x: number) => { y: number; half: number };
}

const HEIGHT = 380;
/** Label size: about 10 px when the 360 px chart is shown in a 320 px screen's column. */
const LABEL = 13;
const M = { left: 44, right: 14, top: 24, bottom: 40 };

type Box = { x0: number; x1: number; y0: number; y1: number };
const dec2 = (x: number) => String(Math.round(x * 100) / 100);
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * Where each label goes: beside, above or below its dot, a little higher or lower where that is free —
 * the first place that overlaps no dot or label placed before, or else the one that overlaps least.
 */
function placeLabels(points: ScatterPoint[], px: (x: number) => number, py: (y: number) => number, width: number) {
  const boxes: Box[] = points.map((p) => ({ x0: px(p.x) - 5, x1: px(p.x) + 5, y0: py(p.y) - 5, y1: py(p.y) + 5 }));
  return points.map((p) => {
    const w = p.label.length * LABEL * 0.6;
    const x = px(p.x);
    const y = py(p.y);
    const side = (dy: number) => [
      { dx: 8, dy, anchor: 'start' as const, box: { x0: x + 8, x1: x + 8 + w, y0: y + dy - LABEL * 0.65, y1: y + dy + LABEL * 0.65 } },
      { dx: -8, dy, anchor: 'end' as const, box: { x0: x - 8 - w, x1: x - 8, y0: y + dy - LABEL * 0.65, y1: y + dy + LABEL * 0.65 } },
    ];
    const over = (dy: number) => ({
      dx: 0,
      dy,
      anchor: 'middle' as const,
      box: { x0: x - w / 2, x1: x + w / 2, y0: y + dy - LABEL * 0.65, y1: y + dy + LABEL * 0.65 },
    });
    // Nearest first: beside, right above or below, then a little higher or lower beside.
    const options = [...side(0), over(-14), over(16), ...side(-12), ...side(12), over(-28), over(30), ...side(-24), ...side(24)].filter(
      (o) => o.box.x0 >= 0 && o.box.x1 <= width,
    );
    const cost = (o: (typeof options)[number]) => boxes.reduce((a, b) => a + overlap(o.box, b), 0);
    const pick = options.find((o) => cost(o) === 0) ?? options.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    boxes.push(pick.box);
    return { ...p, dx: pick.dx, dy: pick.dy, anchor: pick.anchor };
  });
}

export function scatterChart(
  points: ScatterPoint[],
  line: ScatterLine | undefined,
  o: { label: string; xLabel: string; yLabel: string; width?: number },
): string {
  const width = o.width ?? WIDTH;
  const xs = points.map((p) => p.x);
  const ys = points.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y]);
  const pad = (lo: number, hi: number) => [lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08] as [number, number];
  const xDomain = pad(Math.min(...xs), Math.max(...xs));
  const yDomain = pad(Math.min(...ys), Math.max(...ys));
  const px = (x: number) => M.left + ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * (width - M.left - M.right);
  const py = (y: number) => M.top + ((yDomain[1] - y) / (yDomain[1] - yDomain[0])) * (HEIGHT - M.top - M.bottom);
  // Unlabelled points (a region's hundreds of schools) take no room from the labels.
  const labelled = placeLabels(
    points.filter((p) => p.label).map((p) => ({ ...p, label: shorten(p.label, 16) })),
    px,
    py,
    width,
  );
  // The line and its band stay inside the frame: the band is cut at the axis ends, the line drawn only where it is inside.
  const inY = (y: number) => Math.min(yDomain[1], Math.max(yDomain[0], y));
  const grid = Array.from({ length: 81 }, (_, i) => xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / 80);
  const color = (p: ScatterPoint) => (p.mark === 'above' ? COLORS.main : p.mark === 'below' ? COLORS.low : '#555');
  const marks: Plot.Markish[] = [Plot.gridY({ stroke: '#ddd', strokeOpacity: 1 }), Plot.gridX({ stroke: '#ddd', strokeOpacity: 1 })];
  if (line) {
    const band = grid.map((x) => ({ x, ...line.at(x) }));
    marks.push(
      Plot.areaY(band, {
        x: 'x',
        y1: (d: { y: number; half: number }) => inY(d.y - d.half),
        y2: (d: { y: number; half: number }) => inY(d.y + d.half),
        fill: COLORS.main,
        fillOpacity: 0.12,
      }),
      Plot.line(
        band.filter((d) => d.y >= yDomain[0] && d.y <= yDomain[1]),
        { x: 'x', y: 'y', stroke: COLORS.main, strokeWidth: 2 },
      ),
    );
  }
  // Hundreds of schools (a region) become a cloud: small dots and faint bars, so that the line shows through.
  const crowd = points.length > 100;
  marks.push(
    Plot.ruleX(
      points.filter((p) => p.lo !== undefined && p.hi !== undefined),
      { x: 'x', y1: 'lo', y2: 'hi', stroke: CI_COLOR, strokeWidth: crowd ? 0.5 : 1.5, strokeOpacity: crowd ? 0.35 : 1 },
    ),
    Plot.dot(points, { x: 'x', y: 'y', r: crowd ? 2.5 : 5, fill: color, stroke: 'white', strokeWidth: crowd ? 0.5 : 1.5 }),
  );
  const svg = Plot.plot({
    document,
    width,
    height: HEIGHT,
    marginLeft: M.left,
    marginRight: M.right,
    marginTop: M.top,
    marginBottom: M.bottom,
    style: FONT,
    x: { domain: xDomain, label: o.xLabel, labelAnchor: 'center', labelArrow: 'none', ticks: 5, tickFormat: (d: number) => dec(d, 0) },
    y: { domain: yDomain, label: o.yLabel, labelAnchor: 'top', labelArrow: 'none', ticks: 5, tickFormat: (d: number) => dec(d, 0) },
    marks,
  });
  // Labels are added in the order given (schools by name), each with its own offset and anchor, which one Plot mark cannot have.
  const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  g.setAttribute('font-size', String(LABEL));
  g.setAttribute('fill', '#1a1a1a');
  g.setAttribute('stroke', 'white');
  g.setAttribute('stroke-width', '3');
  g.setAttribute('paint-order', 'stroke');
  for (const l of labelled) {
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', dec2(px(l.x) + l.dx));
    t.setAttribute('y', dec2(py(l.y) + l.dy));
    t.setAttribute('dy', '0.32em');
    t.setAttribute('text-anchor', l.anchor);
    t.textContent = l.label;
    g.appendChild(t);
  }
  svg.appendChild(g);
  return finish(svg, o.label);
}
