/** Task success of a work, with deficits under each task's mastery threshold (§6 = §14). */
import { isDeficit, masteryThreshold } from '../../indicators/mastery.ts';
import { formatNumber, formatValue, sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { COLORS } from '../render.ts';
import { taskChart } from '../render-tasks.ts';
import type { Chart, ChartMeta } from '../types.ts';

export interface TasksInput {
  meta: ChartMeta;
  keys: { year: number; procedure: string; subject: string; grade?: number };
  /** In the order of the work: 1, 2, … 9, 10. */
  tasks: { task: string; level?: string; skill?: string; value: number; n: number }[];
}

export function tasksChart(t: TasksInput): Chart | undefined {
  if (t.tasks.length === 0) return undefined;
  const k = t.keys;
  const deficit = (x: { value: number; level?: string }) => isDeficit(x.value, x.level);
  return {
    ...t.meta,
    ...drawn((width) =>
      taskChart(
        t.tasks.map((x) => ({ task: x.task, value: x.value, limit: masteryThreshold(x.level) })),
        { label: t.meta.title, width },
      ),
    ),
    alt: sentence(`${sentence(t.meta.title)} ${t.tasks.map((x) => `задание ${x.task} — ${formatValue(x.value, '%')}`).join('; ')}`),
    table: {
      head: ['Задание', 'Уровень', 'Проверяемое умение', 'Выполнение', 'Участников (n)'],
      rows: t.tasks.map((x) => [
        { text: x.task },
        { text: x.level ?? '' },
        { text: x.skill ?? '' },
        { text: formatValue(x.value, '%') + (deficit(x) ? ' (дефицит)' : ''), num: true },
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
        deficit(x) ? 1 : 0,
      ]),
    },
    notes: [],
    legend: [
      { label: 'Задание освоено', color: COLORS.main, mark: 'box' },
      { label: 'Дефицит: задание не освоено (отмечено «!»)', color: COLORS.low, mark: 'box' },
    ],
  };
}
