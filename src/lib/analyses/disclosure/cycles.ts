/**
 * Free variables proven without a solver. When every variable of a problem is in at most two sums, and the sums
 * fall into two sides (schools and bands, schools and subjects), a variable lies on an even cycle of sums, and
 * moving its values by +δ, −δ, +δ … around the cycle changes no sum: where each value on the cycle has room for δ
 * (from a solution the solver found), every variable on it can take two values. Found by a breadth-first
 * search per variable; what is not found here is left to the linear programmes.
 */
import type { Problem } from './problem.ts';

/** Marks, in `seen`, the two values of every variable a cycle frees. */
export function freeByCycles(p: Problem, at: number[], seen: { lo: number; hi: number }[], free: (i: number) => boolean): void {
  const rowsOf: number[][] = p.vars.map(() => []);
  p.rows.forEach((r, k) => r.of.forEach((i) => rowsOf[i].push(k)));
  if (rowsOf.some((r) => r.length > 2)) return;
  // A variable in one sum only is on no cycle (solveGrouped has made it its sum's own).
  const joins = (i: number) => rowsOf[i].length === 2;
  // Two sides: every variable joins a sum of one side to a sum of the other.
  const side = new Array<number>(p.rows.length).fill(-1);
  const edges: number[][] = p.rows.map(() => []);
  p.vars.forEach((_, i) => joins(i) && rowsOf[i].forEach((k) => edges[k].push(i)));
  for (let start = 0; start < p.rows.length; start++) {
    if (side[start] >= 0) continue;
    side[start] = 0;
    for (const queue = [start]; queue.length > 0;) {
      const k = queue.pop()!;
      for (const i of edges[k]) {
        const other = rowsOf[i][0] === k ? rowsOf[i][1] : rowsOf[i][0];
        if (side[other] < 0) ((side[other] = 1 - side[k]), queue.push(other));
        else if (side[other] === side[k]) return;
      }
    }
  }
  const step = (i: number) => (p.vars[i].integer ? 1 : 1e-6 * (1 + Math.abs(at[i])));
  const up = (i: number) => p.vars[i].hi - at[i] >= step(i);
  const down = (i: number) => at[i] - p.vars[i].lo >= step(i);
  for (let e = 0; e < p.vars.length; e++) {
    if (free(e) || !joins(e)) continue;
    for (const sign of [1, -1]) {
      if (!(sign > 0 ? up(e) : down(e))) continue;
      const cycle = path(e, sign);
      if (!cycle) continue;
      // The room every value on the cycle has in its direction.
      let delta = Infinity;
      cycle.forEach(([i, s]) => (delta = Math.min(delta, s > 0 ? p.vars[i].hi - at[i] : at[i] - p.vars[i].lo)));
      for (const [i, s] of cycle) {
        const x = at[i] + s * delta;
        seen[i] = { lo: Math.min(seen[i].lo, x), hi: Math.max(seen[i].hi, x) };
      }
      break;
    }
  }

  /** A cycle through e, moved by `sign` on e: e and the path back, each variable with its direction. */
  function path(e: number, sign: number): [number, number][] | undefined {
    const [from, to] = rowsOf[e];
    // From `to`, edges alternate −sign, +sign, … and must reach `from` with −sign (the last edge's direction).
    const via = new Map<number, number>([[to, -1]]);
    for (let queue = [to], q = 0; q < queue.length; q++) {
      const k = queue[q];
      // On the side of `to`, the next edge moves against e; on the side of `from`, with it.
      const s = side[k] === side[to] ? -sign : sign;
      for (const i of edges[k]) {
        if (i === e || !(s > 0 ? up(i) : down(i))) continue;
        const other = rowsOf[i][0] === k ? rowsOf[i][1] : rowsOf[i][0];
        if (via.has(other)) continue;
        via.set(other, i);
        if (other === from) {
          const out: [number, number][] = [[e, sign]];
          for (let at = from; at !== to;) {
            const i2 = via.get(at)!;
            out.push([i2, side[at] === side[to] ? sign : -sign]);
            at = rowsOf[i2][0] === at ? rowsOf[i2][1] : rowsOf[i2][0];
          }
          return out;
        }
        queue.push(other);
      }
    }
    return undefined;
  }
}
