/**
 * A scatter of schools: each a dot with its 95 % interval and its own
 * expectation, a fitted line with its band, every school labelled by its
 * full name. Labels are placed beside their dots where they do not collide
 * (Plot does not move text apart), farther out with a leader line where they
 * must; the table under the chart names them all anyway.
 */
import * as Plot from '@observablehq/plot';
import { CI_COLOR, COLORS, dec, document, finish, FONT, textWidth, WIDE_COLUMN, WIDTH } from './render.ts';

export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  lo?: number;
  hi?: number;
  /** A school the text names as beyond chance: drawn in the accent colour. */
  mark?: 'above' | 'below';
  /** What was expected of this point (a school's own expectation, itself left out of the fit): a tick at its place. */
  expected?: number;
}

export interface ScatterLine {
  /** The line's value and its band's half-width at x. */
  at: (x: number) => { y: number; half: number };
}

/** Taller on a phone: its names need the room the width does not give. */
const heightOf = (width: number) => (width < WIDE_COLUMN ? 440 : 380);
const LABEL = 14;
const M = { left: 44, right: 14, top: 24, bottom: 40 };

type Box = { x0: number; x1: number; y0: number; y1: number };

/** A long name in two lines, broken at the space nearest its middle: it finds room between the bars more easily. */
export function labelLines(label: string): string[] {
  if (label.length <= 20) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return [label];
  const at = spaces.reduce((a, b) => (Math.abs(b - label.length / 2) < Math.abs(a - label.length / 2) ? b : a));
  return [label.slice(0, at), label.slice(at + 1)];
}
const dec2 = (x: number) => String(Math.round(x * 100) / 100);
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));

/**
 * Where each label goes: beside, above or below its dot, then farther out with a leader line — the first place
 * that overlaps no dot or label placed before and whose nearest dot is its own, or else the one that breaks
 * these least. A name beside another school's dot would say the wrong school's result.
 */
function placeLabels(points: ScatterPoint[], dots: { x: number; y: number }[], width: number, marks: Box[] = []) {
  // Nothing a label may cover: the dots, and the intervals, ticks and line drawn (a name crossed by a bar reads badly).
  const boxes: Box[] = [...dots.map((d) => ({ x0: d.x - 6, x1: d.x + 6, y0: d.y - 6, y1: d.y + 6 })), ...marks];
  // The vertical axis's name, at the top left.
  boxes.push({ x0: 0, x1: M.left + 90, y0: 0, y1: M.top });
  const height = heightOf(width) - M.bottom;
  // Inside the frame, never over the axis's numbers on the left.
  const inFrame = (b: Box) => b.x0 >= M.left - 4 && b.x1 <= width && b.y0 >= 0 && b.y1 <= height;
  const placed = new Map<
    number,
    ScatterPoint & { dx: number; dy: number; anchor: 'start' | 'end' | 'middle'; leader?: { x: number; y: number } }
  >();
  // The longest names first: they have the fewest places that fit; the short ones find room around them.
  const order = points.map((_, i) => i).sort((a, b) => points[b].label.length - points[a].label.length || a - b);
  for (const i of order) {
    const p = points[i];
    // As wide as the widest font a browser may fall back to sets it (render.ts).
    const lines = labelLines(p.label);
    const w = Math.max(...lines.map(textWidth));
    const { x, y } = dots[i];
    const h = LABEL * 0.65 * lines.length;
    const at = (dx: number, dy: number, anchor: 'start' | 'end' | 'middle') => {
      const x0 = anchor === 'start' ? x + dx : anchor === 'end' ? x + dx - w : x + dx - w / 2;
      return { dx, dy, anchor, box: { x0, x1: x0 + w, y0: y + dy - h, y1: y + dy + h } };
    };
    const side = (dy: number, d = 9) => [at(d, dy, 'start'), at(-d, dy, 'end')];
    // Nearest first: beside, right above or below, a little higher or lower beside; then farther, with a leader line.
    const options = [
      ...side(0),
      at(0, -15, 'middle'),
      at(0, 16, 'middle'),
      ...side(-13),
      ...side(13),
      at(0, -30, 'middle'),
      at(0, 31, 'middle'),
      ...side(-26, 14),
      ...side(26, 14),
      ...side(-42, 18),
      ...side(42, 18),
      at(0, -50, 'middle'),
      at(0, 52, 'middle'),
      ...side(-58, 22),
      ...side(58, 22),
      at(0, -68, 'middle'),
      at(0, 70, 'middle'),
      ...side(-76, 26),
      ...side(76, 26),
      at(0, -88, 'middle'),
      at(0, 90, 'middle'),
      // A name longer than the room beside its dot slides along the row, held inside the frame, with a leader line.
      ...[-16, 16, -30, 30, -44, 44, -58, 58, -72, 72].map((dy) => at(Math.min(Math.max(x - w / 2, 0), width - w) - x, dy, 'start')),
    ].filter((o) => inFrame(o.box));
    // The point of the label nearest its dot: another school's dot must not be nearer to it.
    const near = (o: (typeof options)[number]) => ({
      x: Math.min(Math.max(x, o.box.x0), o.box.x1),
      y: Math.min(Math.max(y, o.box.y0), o.box.y1),
    });
    const strays = (o: (typeof options)[number]) => {
      const n = near(o);
      const mine = Math.hypot(n.x - x, n.y - y);
      return dots.some((d, j) => j !== i && Math.hypot(n.x - d.x, n.y - d.y) < mine) ? 1 : 0;
    };
    const cost = (o: (typeof options)[number]) => boxes.reduce((a, b) => a + overlap(o.box, b), 0) + strays(o) * 400;
    // Where a cluster leaves no room near its dots (a phone's narrow chart), farther out over the frame, nearest first, with a leader line.
    const farther = () =>
      Array.from({ length: 21 }, (_, r) => (r - 10) * 14)
        .flatMap((dy) => Array.from({ length: 17 }, (_, c) => at((c - 8) * 20, dy, 'start')).filter((o) => inFrame(o.box)))
        .map((o) => ({ o, d: Math.hypot(near(o).x - x, near(o).y - y) }))
        .sort((a, b) => a.d - b.d)
        .map(({ o }) => o);
    const best = (list: typeof options) => list.reduce((a, b) => (cost(b) < cost(a) ? b : a), list[0] ?? side(0)[0]);
    // Out there the leader line says whose name it is: a place nearer its own dot than any other first, then any free one.
    const free = (o: (typeof options)[number]) => boxes.every((b) => overlap(o.box, b) === 0);
    const far = () => farther().filter(free);
    const pick = options.find((o) => cost(o) === 0) ?? ((f) => f.find((o) => !strays(o)) ?? f[0])(far()) ?? best(options);
    boxes.push(pick.box);
    const n = near(pick);
    placed.set(i, { ...p, dx: pick.dx, dy: pick.dy, anchor: pick.anchor, leader: Math.hypot(n.x - x, n.y - y) > 16 ? n : undefined });
  }
  return points.map((_, i) => placed.get(i)!);
}

export function scatterChart(
  points: ScatterPoint[],
  line: ScatterLine | undefined,
  o: { label: string; xLabel: string; yLabel: string; width?: number },
): string {
  const width = o.width ?? WIDTH;
  const HEIGHT = heightOf(width);
  const xs = points.map((p) => p.x);
  const ys = points.flatMap((p) => [p.y, p.lo ?? p.y, p.hi ?? p.y, p.expected ?? p.y]);
  const pad = (lo: number, hi: number) => [lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08] as [number, number];
  const xDomain = pad(Math.min(...xs), Math.max(...xs));
  const yDomain = pad(Math.min(...ys), Math.max(...ys));
  const px = (x: number) => M.left + ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * (width - M.left - M.right);
  const py = (y: number) => M.top + ((yDomain[1] - y) / (yDomain[1] - yDomain[0])) * (HEIGHT - M.top - M.bottom);
  // Unlabelled points (a region's hundreds of schools) take no room from the labels.
  const named = points.filter((p) => p.label);
  // The line and its band stay inside the frame: the band is cut at the axis ends, the line drawn only where it is inside.
  const inY = (y: number) => Math.min(yDomain[1], Math.max(yDomain[0], y));
  const grid = Array.from({ length: 81 }, (_, i) => xDomain[0] + ((xDomain[1] - xDomain[0]) * i) / 80);
  const tick = (xDomain[1] - xDomain[0]) * 0.025;
  const drawn: Box[] = [
    ...points.flatMap((p) =>
      p.lo !== undefined && p.hi !== undefined ? [{ x0: px(p.x) - 2, x1: px(p.x) + 2, y0: py(p.hi), y1: py(p.lo) }] : [],
    ),
    ...points.flatMap((p) =>
      p.expected !== undefined ? [{ x0: px(p.x - tick), x1: px(p.x + tick), y0: py(p.expected) - 2, y1: py(p.expected) + 2 }] : [],
    ),
    // The line as short pieces, each a box around its part of the stroke.
    ...(line
      ? grid.slice(1).flatMap((x, i) => {
          const [a, b] = [line.at(grid[i]).y, line.at(x).y];
          if (Math.max(a, b) < yDomain[0] || Math.min(a, b) > yDomain[1]) return [];
          const [y0, y1] = [py(inY(Math.max(a, b))), py(inY(Math.min(a, b)))];
          return [{ x0: px(grid[i]), x1: px(x), y0: y0 - 2, y1: y1 + 2 }];
        })
      : []),
  ];
  const labelled = placeLabels(
    named,
    named.map((p) => ({ x: px(p.x), y: py(p.y) })),
    width,
    drawn,
  );
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
    // Each school's own expectation: the point its dot is judged against (the line is the fit over all schools).
    Plot.ruleY(
      points.filter((p) => p.expected !== undefined),
      {
        y: 'expected',
        x1: (p: ScatterPoint) => p.x - (xDomain[1] - xDomain[0]) * 0.025,
        x2: (p: ScatterPoint) => p.x + (xDomain[1] - xDomain[0]) * 0.025,
        stroke: '#1a1a1a',
        strokeWidth: crowd ? 1 : 2,
      },
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
    if (l.leader) {
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      for (const [k, v] of [
        ['x1', px(l.x)],
        ['y1', py(l.y)],
        ['x2', l.leader.x],
        ['y2', l.leader.y],
      ] as const)
        line.setAttribute(k, dec2(v));
      line.setAttribute('stroke', '#777');
      line.setAttribute('stroke-width', '1');
      g.appendChild(line);
    }
    const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    t.setAttribute('x', dec2(px(l.x) + l.dx));
    t.setAttribute('y', dec2(py(l.y) + l.dy));
    t.setAttribute('text-anchor', l.anchor);
    const lines = labelLines(l.label);
    // Lines centred on the label's place, as one line is.
    lines.forEach((line, k) => {
      const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      span.setAttribute('x', dec2(px(l.x) + l.dx));
      span.setAttribute('dy', k === 0 ? `${dec2(0.32 - ((lines.length - 1) * 1.1) / 2)}em` : '1.1em');
      span.textContent = line;
      t.appendChild(span);
    });
    g.appendChild(t);
  }
  svg.appendChild(g);
  return finish(svg, o.label);
}
