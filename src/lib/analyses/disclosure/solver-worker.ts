/**
 * The audit's linear programmes, solved by HiGHS (the University of Edinburgh's solver, compiled to WebAssembly:
 * the npm package `highs`) in a worker thread, so that the model can stay synchronous (solver.ts waits for the answer).
 * For each variable of a problem: its least and greatest value consistent with every constraint. A variable already
 * seen at two values in earlier solutions is free and needs no solve of its own.
 */
import highsLoader from 'highs';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { freeByCycles } from './cycles.ts';
import type { Problem, Ranges } from './problem.ts';
import type { Answer } from './solver.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs | undefined;

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(15));

function lp(p: Problem, objective: number, sense: 'Minimize' | 'Maximize'): string {
  const rows = p.rows.map((r, i) => ` c${i}: ${r.of.map((v) => `x${v}`).join(' + ')} = ${num(r.rhs)}`);
  const bounds = p.vars.map((v, i) => ` ${num(v.lo)} <= x${i} <= ${num(v.hi)}`);
  return [sense, ` obj: x${objective}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join('\n');
}

function lpWeighted(p: Problem, weights: number[]): string {
  const obj = weights.flatMap((w, i) => (w === 0 ? [] : [`${w < 0 ? '-' : '+'} x${i}`])).join(' ') || '0 x0';
  return lp(p, 0, 'Minimize').replace(/ obj: x0/, ` obj: ${obj}`);
}

/**
 * A variable in one sum only can take whatever the others of that sum leave: the sum's such variables are solved as
 * one (their total), and each then ranges from what the rest of them cannot hold to what they can — exact, as for
 * a single sum. A region's olympiad (schools × subjects, most school totals known to be 0) shrinks from thousands of
 * variables to a few hundred.
 */
function solveGrouped(h: Highs, p: Problem): Ranges {
  const rowsOf = new Array<number>(p.vars.length).fill(0);
  for (const r of p.rows) for (const i of r.of) rowsOf[i]++;
  const shared = p.vars.map((_, i) => i).filter((i) => rowsOf[i] > 1);
  const at = new Map(shared.map((i, k) => [i, k]));
  const alone = p.rows.map((r) => r.of.filter((i) => rowsOf[i] === 1));
  if (alone.every((a) => a.length <= 1)) return solveRanges(h, p);
  // The reduced problem: the shared variables, then one variable per sum for its own ones.
  const vars = shared.map((i) => p.vars[i]);
  const group = alone.map((a) => {
    if (a.length === 0) return -1;
    vars.push({
      lo: a.reduce((s, i) => s + p.vars[i].lo, 0),
      hi: a.reduce((s, i) => s + p.vars[i].hi, 0),
      integer: a.every((i) => p.vars[i].integer),
    });
    return vars.length - 1;
  });
  const rows = p.rows.map((r, k) => ({
    of: [...r.of.filter((i) => rowsOf[i] > 1).map((i) => at.get(i)!), ...(group[k] >= 0 ? [group[k]] : [])],
    rhs: r.rhs,
  }));
  const reduced = solveRanges(h, { vars, rows });
  const out: Ranges = p.vars.map(() => [NaN, NaN]);
  shared.forEach((i, k) => (out[i] = reduced[k]));
  alone.forEach((a, k) => {
    if (a.length === 0) return;
    const [zlo, zhi] = reduced[group[k]];
    const { lo, hi } = vars[group[k]];
    for (const i of a) out[i] = [Math.max(p.vars[i].lo, zlo - (hi - p.vars[i].hi)), Math.min(p.vars[i].hi, zhi - (lo - p.vars[i].lo))];
  });
  return out;
}

function solveRanges(h: Highs, p: Problem): Ranges {
  const seen: { lo: number; hi: number }[] = p.vars.map(() => ({ lo: Infinity, hi: -Infinity }));
  // The last solution found: a point every constraint holds at.
  let last: number[] | undefined;
  const free = (i: number) => seen[i].hi - seen[i].lo >= (p.vars[i].integer ? 0.5 : 1e-6);
  const take = (text: string) => {
    const r = h.solve(text, { output_flag: false });
    // No solution: these totals are not the sums of their parts (a pupil counted for the municipality in no one
    // school); nothing can be worked out from them, so every variable counts as free.
    if (r.Status !== 'Optimal') {
      for (const v of seen) [v.lo, v.hi] = [-Infinity, Infinity];
      return;
    }
    last = p.vars.map((_, j) => (r.Columns as Record<string, { Primal: number }>)[`x${j}`]?.Primal ?? 0);
    last.forEach((x, j) => (seen[j] = { lo: Math.min(seen[j].lo, x), hi: Math.max(seen[j].hi, x) }));
  };
  // A few opposite objectives first: most variables are seen at two values and need no solve of their own.
  let seed = 7;
  const sign = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) & 1024 ? 1 : -1);
  // Large problems (a region's olympiad: schools × subjects) get more of them, and then the same over the variables
  // still seen at one value only, until a round proves none free.
  const both = (w: number[]) => {
    take(lpWeighted(p, w));
    take(
      lpWeighted(
        p,
        w.map((x) => -x),
      ),
    );
  };
  both(p.vars.map(sign));
  if (last) freeByCycles(p, last, seen, free);
  // Then every variable seen at one value only is pushed away from it (down when it can go down, else up), all in
  // one objective, until a round frees none: a round costs one solve, where a variable of its own costs two.
  for (let left = p.vars.filter((_, i) => !free(i)).length; left > 1;) {
    take(
      lpWeighted(
        p,
        p.vars.map((v, i) => (free(i) ? 0 : seen[i].lo > v.lo + 1e-9 ? 1 : -1)),
      ),
    );
    const now = p.vars.filter((_, i) => !free(i)).length;
    if (now === left) break;
    left = now;
  }
  const out: Ranges = p.vars.map(() => [NaN, NaN]);
  for (let i = 0; i < p.vars.length; i++) {
    if (free(i)) {
      out[i] = [seen[i].lo, seen[i].hi];
      continue;
    }
    for (const sense of ['Minimize', 'Maximize'] as const) {
      take(lp(p, i, sense));
      out[i] = [seen[i].lo, seen[i].hi];
      if (free(i)) break;
    }
  }
  return out;
}

/** One set of problems after another, in the order given: the caller waits for the oldest first. */
let queue = Promise.resolve();
parentPort?.on('message', (m: { problems: Problem[]; flag: Int32Array; port: MessagePort }) => {
  queue = queue.then(() => reply(m));
});

async function reply({ problems, flag, port }: { problems: Problem[]; flag: Int32Array; port: MessagePort }) {
  let answer: Answer;
  try {
    highs ??= await highsLoader();
    answer = { ranges: problems.map((p) => solveGrouped(highs!, p)) };
  } catch (e) {
    answer = { error: (e as Error)?.stack ?? String(e) };
  }
  port.postMessage(answer);
  port.close();
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
