/**
 * The audit's linear programmes, solved by HiGHS (the University of Edinburgh's solver, compiled to WebAssembly:
 * the npm package `highs`) in a worker thread, so that the model can stay synchronous (synckit waits for the answer).
 * For each variable of a problem: its least and greatest value consistent with every constraint. A variable already
 * seen at two values in earlier solutions is free and needs no solve of its own.
 */
import highsLoader from 'highs';
import { runAsWorker } from 'synckit';

export interface Problem {
  vars: { lo: number; hi: number; integer: boolean }[];
  /** Σ vars[i] over `of` = rhs. */
  rows: { of: number[]; rhs: number }[];
}

/** Per variable: [least, greatest]. */
export type Ranges = [number, number][];

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

function solveRanges(h: Highs, p: Problem): Ranges {
  const seen: { lo: number; hi: number }[] = p.vars.map(() => ({ lo: Infinity, hi: -Infinity }));
  const free = (i: number) => seen[i].hi - seen[i].lo >= (p.vars[i].integer ? 0.5 : 1e-6);
  const take = (text: string) => {
    const r = h.solve(text, { output_flag: false });
    // No solution: these totals are not the sums of their parts (a pupil counted for the municipality in no one
    // school); nothing can be worked out from them, so every variable counts as free.
    if (r.Status !== 'Optimal') {
      for (const v of seen) [v.lo, v.hi] = [-Infinity, Infinity];
      return;
    }
    for (let j = 0; j < p.vars.length; j++) {
      const x = (r.Columns as Record<string, { Primal: number }>)[`x${j}`]?.Primal ?? 0;
      seen[j] = { lo: Math.min(seen[j].lo, x), hi: Math.max(seen[j].hi, x) };
    }
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
  for (let k = 0; k < (p.vars.length > 40 ? 4 : 1); k++) both(p.vars.map(sign));
  for (let left = p.vars.filter((_, i) => !free(i)).length; p.vars.length > 40 && left > 4;) {
    both(p.vars.map((_, i) => (free(i) ? 0 : sign())));
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

runAsWorker(async (problems: Problem[]): Promise<Ranges[]> => {
  highs ??= await highsLoader();
  return problems.map((p) => solveRanges(highs!, p));
});
