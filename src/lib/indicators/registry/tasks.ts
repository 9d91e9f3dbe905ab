/** Task-level results: success per task and over basic and advanced tasks. */
import { MASTERY_RULE } from '../mastery.ts';
import { rate } from '../measures.ts';
import type { TaskInfo } from '../../data/tables.ts';
import type { Ctx, Family, IndicatorDef, Measured } from '../types.ts';
import { def, school } from './common.ts';

type TaskRow = { participant_id: string; subject: string; grade?: number; tasks?: Record<string, number> };

/** Rows with task scores, one group per task of the row (and per level, task empty). */
function tasksOf<R extends TaskRow & { school_id: string }>(id: string, base: Family<R>): Family<R> {
  return {
    id: `${id}-tasks`,
    file: base.file,
    rows: (y) => base.rows(y)?.filter((r) => r.tasks !== undefined),
    groups: (r) => [
      ...Object.keys(r.tasks ?? {}).map((task) => ({ subject: r.subject, grade: r.grade, task })),
      { subject: r.subject, grade: r.grade },
    ],
    school,
  };
}
export function taskIndicators<R extends TaskRow & { school_id: string }, P extends 'ege' | 'oge' | 'vpr'>(
  p: P,
  base: Family<R>,
  population?: (r: R) => boolean,
) {
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p];
  const family = tasksOf(p, base);
  const over = (rows: R[], ctx: Ctx, levels: string[]): Measured => {
    // Per participant: points scored and possible over the tasks of these levels.
    const who = new Map<string, { score: number; max: number }>();
    // A group's rows share their subject and grade: each task's level and maximum are looked up once, not per
    // pupil (a region's ВПР groups made this the read stage's largest loop).
    const infos = new Map<string, TaskInfo | undefined>();
    let last: R | undefined;
    for (const r of rows) {
      if (last && (r.subject !== last.subject || r.grade !== last.grade)) infos.clear();
      last = r;
      const tasks = r.tasks;
      if (!tasks) continue;
      let acc = who.get(r.participant_id);
      for (const task in tasks) {
        let info = infos.get(task);
        if (info === undefined && !infos.has(task)) infos.set(task, (info = ctx.task(p, r.subject, r.grade, task)));
        if (!info || !levels.includes(info.level)) continue;
        if (!acc) who.set(r.participant_id, (acc = { score: 0, max: 0 }));
        acc.score += tasks[task];
        acc.max += info.max_score;
      }
    }
    return rate(who.values());
  };
  const common = {
    unit: '%' as const,
    procedure: p,
    dims: ['subject', 'grade', 'task'] as IndicatorDef['dims'],
    better: true,
    source: ['001 4.1–4.3', '001 5.5', '000 §3 9.6'],
    family,
    population,
  };
  return [
    def({
      ...common,
      id: `${p}.task_success`,
      name: `Процент выполнения задания ${label}`,
      short: `${label}: выполнение задания`,
      method: `Для каждого задания: 100 × (сумма баллов участников за задание) / (n × максимальный балл за задание), где n — число участников, у которых есть балл за это задание. Задание с результатом на уровне муниципалитета ${MASTERY_RULE} считается образовательным дефицитом.`,
      measure: (rows, ctx) => {
        const task = ctx.dims.task;
        if (task === undefined) return null;
        let info;
        const scored: { score: number; max: number }[] = [];
        for (const r of rows) {
          const s = r.tasks?.[task];
          if (s === undefined) continue;
          info ??= ctx.task(p, r.subject, r.grade, task);
          if (info) scored.push({ score: s, max: info.max_score });
        }
        return info ? rate(scored) : null;
      },
    }),
    def({
      ...common,
      id: `${p}.basic_tasks_success`,
      name: `Процент выполнения заданий базового уровня ${label}`,
      short: `${label}: задания базового уровня`,
      method:
        'То же, что процент выполнения задания, но по всем заданиям базового уровня сложности вместе: 100 × Σ баллов / Σ максимальных баллов.',
      measure: (rows, ctx) => (ctx.dims.task === undefined ? over(rows, ctx, ['базовый']) : null),
    }),
    def({
      ...common,
      id: `${p}.advanced_tasks_success`,
      name: `Процент выполнения заданий повышенного и высокого уровня ${label}`,
      short: `${label}: задания повышенного и высокого уровня`,
      method: 'То же по всем заданиям повышенного и высокого уровня сложности вместе: 100 × Σ баллов / Σ максимальных баллов.',
      measure: (rows, ctx) => (ctx.dims.task === undefined ? over(rows, ctx, ['повышенный', 'высокий']) : null),
    }),
  ];
}
