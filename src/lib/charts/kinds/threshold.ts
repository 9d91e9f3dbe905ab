/**
 * A `threshold` sign (spec §16): the school's primary scores as a histogram
 * against the rest of the municipality's distribution scaled to the school's
 * number of participants, the marks' thresholds marked and the tested
 * window shaded — a pile just at a threshold stands out of the line.
 */
import * as Plot from '@observablehq/plot';
import { count, formatNumber, sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { COLORS, finish, WIDTH } from '../render.ts';
import { scoresFrame, thresholdRules } from './distribution.ts';
import type { Chart, ChartMeta } from '../types.ts';

export interface ThresholdInput {
  meta: ChartMeta;
  year: number;
  /** Participants at each primary score: the school's, and the rest's scaled to the school's total. */
  scores: { score: number; school: number; rest: number; restScaled: number }[];
  thresholds: { from: number; label: string }[];
  /** The tested window of the flagged threshold: scores `from`…`to`, its middle `middle`…`middle + 1`. */
  window: { from: number; to: number; middle: number };
}

function draw(t: ThresholdInput, width = WIDTH): string {
  const max = Math.max(...t.scores.map((c) => Math.max(c.school, c.restScaled)), 1);
  const top = max * 1.2;
  const svg = Plot.plot({
    ...scoresFrame(width, 'первичный балл', top),
    marks: [
      // The window's middle: the threshold and the score after it.
      Plot.rectY([t.window], { x1: (w) => w.middle - 0.5, x2: (w) => w.middle + 1.5, y1: 0, y2: top, fill: '#fde9c8' }),
      Plot.rectY(t.scores, { x1: (c) => c.score - 0.4, x2: (c) => c.score + 0.4, y: 'school', fill: COLORS.main }),
      Plot.lineY(t.scores, { x: 'score', y: 'restScaled', stroke: COLORS.muni, strokeWidth: 2, curve: 'step' }),
      Plot.ruleY([0], { stroke: '#1a1a1a' }),
      ...thresholdRules(t.thresholds, top),
    ],
  });
  return finish(svg, t.meta.title);
}

export function thresholdChart(t: ThresholdInput): Chart {
  const n = t.scores.reduce((a, c) => a + c.school, 0);
  const rest = t.scores.reduce((a, c) => a + c.rest, 0);
  return {
    ...t.meta,
    ...drawn((width) => draw(t, width)),
    alt: sentence(
      `${sentence(t.meta.title)} ${count(n, ['участник', 'участника', 'участников'])} школы и ${count(rest, ['участник', 'участника', 'участников'])} остальных школ; отмечены пороги отметок: ${t.thresholds.map((th) => `${th.label} — с ${th.from}`).join(', ')}; выделены баллы ${t.window.middle} и ${t.window.middle + 1}`,
    ),
    table: {
      head: ['Первичный балл', 'Участников в школе', 'Остальные школы: участников', 'Остальные школы в пересчёте на размер школы'],
      rows: t.scores.map((c) => [
        { text: String(c.score), num: true },
        { text: String(c.school), num: true },
        { text: String(c.rest), num: true },
        { text: formatNumber(c.restScaled, 1), num: true },
      ]),
    },
    csv: {
      header: ['year', 'score', 'school_participants', 'rest_participants', 'rest_scaled'],
      rows: t.scores.map((c) => [t.year, c.score, c.school, c.rest, Number(c.restScaled.toFixed(2))]),
    },
    notes: [],
    legend: [
      { label: 'участники школы', color: COLORS.main, mark: 'box' },
      { label: 'остальные школы в пересчёте на число участников школы', color: COLORS.muni, mark: 'line' },
      { label: 'порог отметки', color: COLORS.low, mark: 'dashed' },
      { label: 'порог и следующий балл — середина проверенного окна', color: '#fde9c8', mark: 'box' },
    ],
  };
}
