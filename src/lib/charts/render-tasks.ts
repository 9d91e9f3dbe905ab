/** The task chart: success per task, deficits under the line. */
import * as Plot from '@observablehq/plot';
import { COLORS, document, finish, FONT, WIDTH } from './render.ts';

export interface TaskBar {
  task: string;
  value: number;
  /** The task's mastery threshold (§6 = §14): 50 % at the basic level, 15 % at the advanced and high. */
  limit: number;
}

/** Task success as columns, each with a dashed tick at its own mastery threshold; tasks under it are red and marked. */
export function taskChart(tasks: TaskBar[], o: { label: string; width?: number }): string {
  const svg = Plot.plot({
    document,
    width: o.width ?? WIDTH,
    height: 260,
    marginLeft: 40,
    marginRight: 10,
    marginTop: 24,
    marginBottom: 36,
    style: FONT,
    // Many tasks do not fit their numbers on a phone: every other one is labelled then (the table has all).
    x: {
      domain: tasks.map((t) => t.task),
      label: 'Задание',
      labelAnchor: 'center',
      labelArrow: 'none',
      tickSize: 0,
      tickFormat: (t: string, i: number) => (tasks.length > 14 && i % 2 === 1 ? '' : t),
    },
    y: { domain: [0, 100], label: '% выполнения', labelAnchor: 'top', labelArrow: 'none', ticks: 5, grid: true },
    marks: [
      Plot.barY(tasks, { x: 'task', y: 'value', fill: (t: TaskBar) => (t.value < t.limit ? COLORS.low : COLORS.main) }),
      Plot.text(
        tasks.filter((t) => t.value < t.limit),
        { x: 'task', y: 'value', text: () => '!', dy: -8, fontWeight: 'bold', fill: COLORS.low },
      ),
      Plot.tickY(tasks, { x: 'task', y: 'limit', stroke: '#1a1a1a', strokeDasharray: '5 3', strokeWidth: 1.5 }),
      Plot.ruleY([0]),
    ],
  });
  return finish(svg, o.label);
}
