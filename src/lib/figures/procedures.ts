/** The figures of a procedure's finer results: objectivity (exam against school marks) and task completion. */
import { isDeficit } from '../indicators/mastery.ts';
import { formatValue, plural } from '../words/format.ts';
import type { Namer } from '../data/names.ts';
import type { Where } from '../indicators/query.ts';
import type { TaskProcedure } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { objectivityChart } from '../charts/kinds/objectivity.ts';
import { tasksChart } from '../charts/kinds/tasks.ts';
import { slug, taskOrder } from '../charts/common.ts';
import type { Chart } from '../charts/types.ts';

const LABEL = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' } as const;

export function objectivityFigure(
  m: Model,
  names: Namer,
  p: 'ege' | 'oge' | 'vpr',
  year: number,
  page: string,
  pageTitle: string,
): Chart | undefined {
  const groups = m.ix
    .all(`${p}.lowered_share`)
    .filter((v) => v.year === year && v.scope === 'municipality')
    .map((l) => {
      const w = { subject: l.subject, grade: l.grade };
      const c = m.ix.get(`${p}.confirmed_share`, year, w);
      const r = m.ix.get(`${p}.raised_share`, year, w);
      const withheld = l.suppressed || !c || !r;
      return {
        subject: l.subject,
        grade: l.grade,
        label: names.group(l),
        n: l.n,
        shares: withheld ? undefined : { lowered: l.value!, confirmed: c.value!, raised: r.value! },
        why: withheld ? m.present.whyHidden(l) : undefined,
      };
    });
  const lowered = groups.flatMap((g) => (g.shares ? [g.shares.lowered] : []));
  if (lowered.length === 0) return undefined;
  const label = LABEL[p];
  // A range, not a ranking: which group is first among several can be chance (spec §11).
  const title =
    lowered.length > 1
      ? `${label}: отметку за работу ниже школьной получили от ${formatValue(Math.min(...lowered), '%')} до ${formatValue(Math.max(...lowered), '%')} участников, в зависимости от предмета`
      : `${label}: отметку за работу ниже школьной получили ${formatValue(lowered[0], '%')} участников (${groups.find((g) => g.shares)!.label})`;
  return objectivityChart({
    meta: {
      id: slug(p, 'objectivity'),
      title,
      page,
      pageTitle,
      indicator: `${p}.lowered_share`,
      subtitle: `Сравнение отметки за ${label} с ${p === 'vpr' ? 'отметкой по журналу' : 'отметкой в аттестате'}, % участников с обеими отметками, ${year} год: понизили, подтвердили, повысили`,
    },
    year,
    groups,
  });
}

export function tasksFigure(
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
    )
    .sort((a, b) => taskOrder(a.task, b.task));
  if (values.length === 0) return undefined;
  const info = (t: string) =>
    m.data.tasks.find(
      (x) => x.year === year && x.procedure === p && x.subject === where.subject && (x.grade ?? undefined) === where.grade && x.task === t,
    );
  const deficits = values.filter((v) => isDeficit(v.value!, info(v.task)?.level)).length;
  const group = names.group({ subject: where.subject ?? '', grade: where.grade, period: '', task: '' });
  const label = LABEL[p];
  return tasksChart({
    meta: {
      id: slug(p, 'tasks', where.subject, where.grade),
      title: deficits
        ? `${label}, ${group}: ${deficits} из ${values.length} ${plural(values.length, ['задания', 'заданий', 'заданий'])} не ${plural(deficits, ['освоено', 'освоены', 'освоены'])} — это дефициты`
        : `${label}, ${group}: все задания освоены`,
      page,
      pageTitle,
      indicator: `${p}.task_success`,
      subtitle: `Процент выполнения каждого задания, муниципалитет, ${year} год; пунктир — порог освоения задания: 50 % базовый уровень, 15 % повышенный и высокий`,
    },
    keys: { year, procedure: p, subject: where.subject ?? '', grade: where.grade },
    tasks: values.map((v) => ({ task: v.task, level: info(v.task)?.level, skill: info(v.task)?.skill, value: v.value!, n: v.n })),
  });
}
