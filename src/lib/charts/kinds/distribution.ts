/** A subject's score distribution (spec §14): participants at each score, the band or mark thresholds marked. */
import * as Plot from '@observablehq/plot';
import { count, sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { COLORS, dec, document, finish, FONT, haloed, WIDTH } from '../render.ts';
import type { Chart, ChartMeta } from '../types.ts';

export interface DistributionInput {
  meta: ChartMeta;
  year: number;
  /** «тестовый балл» or «первичный балл». */
  scoreWord: string;
  counts: { score: number; n: number }[];
  /** Where a band or a mark begins: the minimum, 61, 81; or the marks' first scores. */
  thresholds: { from: number; label: string }[];
}

const HEIGHT = 240;

/** A chart of participants by score: its size, and its axes up to `top`. */
export const scoresFrame = (width: number, scoreWord: string, top: number) => ({
  document,
  width,
  height: HEIGHT,
  marginLeft: 40,
  marginTop: 28,
  // Room for the axis's name under its numbers: at 30 px «первичный балл» sat on the middle tick («20»).
  marginBottom: 44,
  style: FONT,
  x: { label: scoreWord, labelAnchor: 'center' as const, labelArrow: 'none' as const, tickFormat: (d: number) => dec(d, 0) },
  y: {
    label: 'участников',
    labelAnchor: 'top' as const,
    labelArrow: 'none' as const,
    grid: true,
    domain: [0, top],
    tickFormat: (d: number) => dec(d, 0),
  },
});

/** The band or mark borders between the bars of scores, each named above the chart at `top`. */
export const thresholdRules = (thresholds: { from: number; label: string }[], top: number) => [
  Plot.ruleX(thresholds, { x: (d) => d.from - 0.5, stroke: COLORS.low, strokeWidth: 2, strokeDasharray: '5 3' }),
  Plot.text(thresholds, { x: (d) => d.from - 0.5, y: top, text: 'label', dy: -6, textAnchor: 'start', dx: 3, ...haloed(3) }),
];

function draw(t: DistributionInput, width = WIDTH): string {
  const max = Math.max(...t.counts.map((c) => c.n));
  const svg = Plot.plot({
    ...scoresFrame(width, t.scoreWord, max * 1.15),
    marks: [
      Plot.rectY(t.counts, { x1: (c) => c.score - 0.45, x2: (c) => c.score + 0.45, y: 'n', fill: COLORS.main }),
      Plot.ruleY([0], { stroke: '#1a1a1a' }),
      ...thresholdRules(t.thresholds, max * 1.15),
    ],
  });
  return finish(svg, t.meta.title);
}

export function distributionChart(t: DistributionInput): Chart | undefined {
  if (t.counts.length === 0) return undefined;
  const total = t.counts.reduce((a, c) => a + c.n, 0);
  return {
    ...t.meta,
    ...drawn((width) => draw(t, width)),
    alt: sentence(
      `${sentence(t.meta.title)} ${count(total, ['участник', 'участника', 'участников'])}; ${t.thresholds.map((th) => `${th.label} — с ${th.from}`).join('; ')}`,
    ),
    table: {
      head: [sentence(t.scoreWord).replace(/\.$/, ''), 'Участников'],
      rows: t.counts.map((c) => [
        { text: String(c.score), num: true },
        { text: String(c.n), num: true },
      ]),
    },
    csv: { header: ['year', 'score', 'participants'], rows: t.counts.map((c) => [t.year, c.score, c.n]) },
    notes: [],
    legend: [{ label: 'граница группы по уровню подготовки (отметки)', color: COLORS.low, mark: 'dashed' }],
  };
}
