/** Task success of a work, with deficits under 50\u00a0%. */
import { formatNumber, formatValue, plural, sentence } from '../../format.ts';
import type { Where } from '../../indicators/query.ts';
import type { Model } from '../../model.ts';
import type { Namer } from '../../names.ts';
import { drawn, slug, taskOrder } from '../common.ts';
import { COLORS } from '../render.ts';
import { taskChart } from '../render-tasks.ts';
import type { Chart } from '../types.ts';
import type { TaskProcedure } from '../../indicators/registry.ts';

export function tasksChart(
  m: Model,
  names: Namer,
  p: TaskProcedure,
  where: Where,
  year: number,
  page: string,
  pageTitle: string,
): Chart | undefined {
  const values = m.ix
    .all(`${p}.task_success`)
    .filter(
      (v) =>
        v.year === year && v.scope === 'municipality' && v.subject === where.subject && v.grade === where.grade && v.task && !v.suppressed,
    );
  if (values.length === 0) return undefined;
  const byTask = values.sort((a, b) => taskOrder(a.task, b.task));
  const deficits = byTask.filter((v) => v.value! < 50);
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p] ?? p;
  const group = names.group({ subject: where.subject ?? '', grade: where.grade, period: '', task: '' });
  const title = deficits.length
    ? `${label}, ${group}: ${deficits.length} из ${byTask.length} ${plural(byTask.length, ['задания', 'заданий', 'заданий'])} ${plural(deficits.length, ['выполнено', 'выполнены', 'выполнены'])} менее чем на 50\u00a0% — это дефициты`
    : `${label}, ${group}: все задания выполнены не менее чем на 50 %`;
  const task = (t: string) =>
    m.data.tasks.find(
      (x) => x.year === year && x.procedure === p && x.subject === where.subject && (x.grade ?? undefined) === where.grade && x.task === t,
    );
  return {
    id: slug(p, 'tasks', where.subject, where.grade),
    title,
    page,
    pageTitle,
    indicator: `${p}.task_success`,
    subtitle: `Процент выполнения каждого задания, муниципалитет, ${year} год; пунктир — 50 %`,
    ...drawn((width) =>
      taskChart(
        byTask.map((v) => ({ task: v.task, value: v.value! })),
        { label: title, threshold: 50, width },
      ),
    ),
    alt: sentence(`${sentence(title)} ${byTask.map((v) => `задание ${v.task} — ${formatValue(v.value!, '%')}`).join('; ')}`),
    table: {
      head: ['Задание', 'Уровень', 'Проверяемое умение', 'Выполнение', 'Участников (n)'],
      rows: byTask.map((v) => [
        { text: v.task },
        { text: task(v.task)?.level ?? '' },
        { text: task(v.task)?.skill ?? '' },
        { text: formatValue(v.value!, '%') + (v.value! < 50 ? ' (дефицит)' : ''), num: true },
        { text: formatNumber(v.n, 0), num: true },
      ]),
    },
    csv: {
      header: ['year', 'procedure', 'subject', 'grade', 'task', 'level', 'skill', 'success', 'n', 'deficit'],
      rows: byTask.map((v) => [
        year,
        p,
        v.subject,
        v.grade,
        v.task,
        task(v.task)?.level,
        task(v.task)?.skill,
        v.value!.toFixed(2),
        v.n,
        v.value! < 50 ? 1 : 0,
      ]),
    },
    notes: [],
    legend: [
      { label: 'Выполнено не менее чем на 50 %', color: COLORS.main, mark: 'box' },
      { label: 'Дефицит: менее 50\u00a0% (отмечен «!»)', color: COLORS.low, mark: 'box' },
    ],
  };
}
