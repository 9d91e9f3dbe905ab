/** The objectivity chart: exam marks against school marks as 100 % stacked bars. */
import * as Plot from '@observablehq/plot';
import { COLORS, dec, document, finish, FONT, leftLabels, WIDTH } from './render.ts';

export interface StackRow {
  group: string;
  lowered: number;
  confirmed: number;
  raised: number;
}

/** Objectivity: «понизили / подтвердили / повысили» as 100 % stacked bars with labels. */
export function stackChart(rows: StackRow[], o: { label: string; width?: number }): string {
  const parts = [
    ['понизили', 'lowered', COLORS.lowered, '#1a1a1a'],
    ['подтвердили', 'confirmed', COLORS.confirmed, 'white'],
    ['повысили', 'raised', COLORS.raised, '#1a1a1a'],
  ] as const;
  const width = o.width ?? WIDTH;
  const { names, lines, margin } = leftLabels(
    rows.map((r) => r.group),
    width,
  );
  const long = rows.flatMap((r, i) => parts.map(([name, k, fill, ink]) => ({ group: names[i], name, value: r[k], fill, ink })));
  const height = 50 + rows.length * (lines > 1 ? 36 : 30);
  const svg = Plot.plot({
    document,
    width,
    height,
    marginLeft: margin,
    marginRight: 22,
    marginTop: 30,
    marginBottom: 10,
    style: FONT,
    x: { domain: [0, 100], axis: 'top', label: null, ticks: [0, 50, 100], tickFormat: (d: number) => `${d} %` },
    y: { domain: names, label: null, tickSize: 0 },
    marks: [
      Plot.barX(
        long,
        Plot.stackX({ y: 'group', x: 'value', fill: (d: { fill: string }) => d.fill, order: null, stroke: 'white', strokeWidth: 1 }),
      ),
      Plot.text(
        long,
        Plot.stackX({
          y: 'group',
          x: 'value',
          order: null,
          text: (d: { value: number }) => (d.value >= 9 ? dec(d.value, 0) : ''),
          fill: (d: { ink: string }) => d.ink,
          fontWeight: 'bold',
        }),
      ),
    ],
  });
  return finish(svg, o.label);
}
