/** Task success of a work, with deficits under the threshold. */
import { formatNumber, formatValue, sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { COLORS } from '../render.ts';
import { taskChart } from '../render-tasks.ts';
import type { Chart, ChartMeta } from '../types.ts';

export interface TasksInput {
  meta: ChartMeta;
  keys: { year: number; procedure: string; subject: string; grade?: number };
  /** Under this a task is a deficit (50 %). */
  threshold: number;
  /** In the order of the work: 1, 2, … 9, 10. */
  tasks: { task: string; level?: string; skill?: string; value: number; n: number }[];
}

export function tasksChart(t: TasksInput): Chart | undefined {
  if (t.tasks.length === 0) return undefined;
  const k = t.keys;
  const deficit = (v: number) => v < t.threshold;
  return {
    ...t.meta,
    ...drawn((width) => taskChart(t.tasks, { label: t.meta.title, threshold: t.threshold, width })),
    alt: sentence(`${sentence(t.meta.title)} ${t.tasks.map((x) => `задание ${x.task} — ${formatValue(x.value, '%')}`).join('; ')}`),
    table: {
      head: ['Задание', 'Уровень', 'Проверяемое умение', 'Выполнение', 'Участников (n)'],
      rows: t.tasks.map((x) => [
        { text: x.task },
        { text: x.level ?? '' },
        { text: x.skill ?? '' },
        { text: formatValue(x.value, '%') + (deficit(x.value) ? ' (дефицит)' : ''), num: true },
        { text: formatNumber(x.n, 0), num: true },
      ]),
    },
    csv: {
      header: ['year', 'procedure', 'subject', 'grade', 'task', 'level', 'skill', 'success', 'n', 'deficit'],
      rows: t.tasks.map((x) => [
        k.year,
        k.procedure,
        k.subject,
        k.grade,
        x.task,
        x.level,
        x.skill,
        x.value.toFixed(2),
        x.n,
        deficit(x.value) ? 1 : 0,
      ]),
    },
    notes: [],
    legend: [
      { label: `Выполнено не менее чем на ${t.threshold} %`, color: COLORS.main, mark: 'box' },
      { label: `Дефицит: менее ${t.threshold}\u00a0% (отмечен «!»)`, color: COLORS.low, mark: 'box' },
    ],
  };
}
