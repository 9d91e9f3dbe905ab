/**
 * The `tasks` sign of spec §16: hard tasks done better than easy ones. For
 * each participant with a score in every task of the plan, b is the basic
 * tasks' points as a percentage of their maximum, a the same over the harder
 * tasks, d = a − b. The gap grows with ability alone, so a school is marked
 * only when its easy tasks are below the rest's **and** its hard ones above.
 */
import type { TaskInfo } from '../../data/tables.ts';
import { sampleOf, without, type Sample } from '../../stats/tests.ts';
import { welchGreater } from '../../stats/one-sided.ts';

export interface TaskPlan {
  basic: TaskInfo[];
  hard: TaskInfo[];
}

/** The year's tasks of a work split by level: none without two basic tasks and one of a higher level. */
export function taskPlan(tasks: readonly TaskInfo[]): TaskPlan | undefined {
  const basic = tasks.filter((t) => t.level === 'базовый');
  const hard = tasks.filter((t) => t.level !== 'базовый');
  return basic.length >= 2 && hard.length >= 1 ? { basic, hard } : undefined;
}

/** A participant's b, a and d; none unless they have a score in every task of the plan. */
export function gapOf(scores: Record<string, number> | undefined, plan: TaskPlan): { b: number; a: number; d: number } | undefined {
  if (!scores) return undefined;
  const share = (list: TaskInfo[]) => {
    let got = 0;
    let max = 0;
    for (const t of list) {
      const s = scores[t.task];
      if (s === undefined) return undefined;
      got += s;
      max += t.max_score;
    }
    return (100 * got) / max;
  };
  const b = share(plan.basic);
  const a = share(plan.hard);
  return b === undefined || a === undefined ? undefined : { b, a, d: a - b };
}

/** Running sums of b, a and d over participants. */
export class Gaps {
  n = 0;
  private s = [0, 0, 0];
  private q = [0, 0, 0];
  add(g: { b: number; a: number; d: number }) {
    this.n++;
    [g.b, g.a, g.d].forEach((x, i) => ((this.s[i] += x), (this.q[i] += x * x)));
  }
  sample(i: 0 | 1 | 2): Sample {
    return sampleOf(this.n, this.s[i], this.q[i]);
  }
}

export const MIN_SCHOOL = 10;
export const MIN_REST = 30;

export interface TasksTest {
  school: { b: number; a: number; d: number; n: number };
  rest: { b: number; a: number; d: number; n: number };
  t: number;
  p: number;
  /** Easy tasks below the rest, hard above, and the gap's excess at least `minEffect` standard deviations of d. */
  matters: boolean;
}

/** A school's gaps against the rest of the group's (all less the school's); none when either is too small to test. */
export function tasksTest(school: Gaps, all: Gaps, minEffect: number): TasksTest | undefined {
  const restN = all.n - school.n;
  if (school.n < MIN_SCHOOL || restN < MIN_REST) return undefined;
  const [sb, sa, sd] = ([0, 1, 2] as const).map((i) => school.sample(i));
  const [rb, ra, rd] = ([0, 1, 2] as const).map((i) => without(all.sample(i), school.sample(i))!);
  const w = welchGreater(sd, rd);
  if (!w) return undefined;
  const spread = all.sample(2).sd;
  return {
    school: { b: sb.mean, a: sa.mean, d: sd.mean, n: school.n },
    rest: { b: rb.mean, a: ra.mean, d: rd.mean, n: restN },
    t: w.t,
    p: w.p,
    matters: sb.mean < rb.mean && sa.mean > ra.mean && sd.mean - rd.mean >= minEffect * spread,
  };
}
