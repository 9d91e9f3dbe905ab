/** Educational deficits of a year (spec §6 = §14): the tasks the municipality has not mastered, with the skill checked. */
import { taskOrder } from '../charts/common.ts';
import { namer } from '../data/names.ts';
import { isDeficit } from '../indicators/mastery.ts';
import { TASK_PROCEDURES, type TaskProcedure } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { byRussian } from '../words/format.ts';

/** Task-level deficits of a year (municipal success under the task's mastery threshold, §6 = §14), with the skill checked. */
export function deficits(m: Model, year: number) {
  const out: { procedure: TaskProcedure; group: string; task: string; value: number; skill?: string; level?: string }[] = [];
  for (const p of TASK_PROCEDURES) {
    for (const v of m.ix.all(`${p}.task_success`)) {
      if (v.year !== year || v.scope !== 'municipality' || !v.task || v.suppressed || v.value === undefined) continue;
      const t = m.data.tasks.find(
        (x) => x.year === year && x.procedure === p && x.subject === v.subject && (x.grade ?? undefined) === v.grade && x.task === v.task,
      );
      if (!isDeficit(v.value, t?.level)) continue;
      out.push({
        procedure: p,
        group: namer(m.data).group({ subject: v.subject, grade: v.grade, period: '', task: '' }),
        task: v.task,
        value: v.value,
        skill: t?.skill,
        level: t?.level,
      });
    }
  }
  // In the order of the work: procedure, group, then tasks 1, 2, … 9, 10 (never 10, 11, 9).
  const procedure = (x: { procedure: TaskProcedure }) => TASK_PROCEDURES.indexOf(x.procedure);
  return out.sort((a, b) => procedure(a) - procedure(b) || byRussian(a.group, b.group) || taskOrder(a.task, b.task));
}
