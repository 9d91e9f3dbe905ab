/**
 * The audit of secondary suppression (indicators spec §0): after the per-sum rule, every withheld number must
 * have at least two values consistent with everything published — totals, parts, group sizes, bounds, whole
 * numbers. Withheld numbers linked by sums form small problems: one sum is solved in closed form (its bounds are
 * exact), linked sums by HiGHS (solver-worker.ts). A number a total of 0 or 100 % decides is known, not pinned.
 */
import { decided, open } from './rule.ts';
import type { Problem, Ranges } from './problem.ts';
import { solve } from './solver.ts';
import type { Part, Sum } from './sums.ts';

const pinned = (p: Part, [lo, hi]: [number, number]) =>
  p.integer ? Math.floor(hi + 1e-6) - Math.ceil(lo - 1e-6) < 1 : hi - lo < 1e-6 * (1 + Math.abs(hi));

export interface Audit {
  /** Withheld numbers an outsider can work out exactly from what is published. */
  pinned: Part[];
  /** The one value each pinned number can have. */
  at: Map<Part, number>;
  /** How many withheld numbers the audit looked at, and how many problems went to the solver. */
  checked: number;
  solved: number;
}

/** An audit that hands its problems out (`yield`) and is given their ranges back: the caller decides how they are solved. */
export type Auditing = Generator<Problem[], Audit, Ranges[]>;

/**
 * `cache`: problems solved in an earlier round over the same sums, by their variables and totals (the pinned
 * ones' positions): only what changed is solved again. The solver is waited for here.
 */
export function audit(sums: readonly Sum[], cache = new Map<string, [number, number][]>()): Audit {
  const a = auditing(sums, cache);
  for (let r = a.next(); ; r = a.next(solve(r.value))) if (r.done) return r.value;
}

/** The audit, its problems handed out to be solved (`audit`, or several sets of sums at a time: index.ts). */
export function* auditing(sums: readonly Sum[], cache: Map<string, [number, number][]>): Auditing {
  // What a total of 0 or 100 % says about its parts: known, and known to the audit as constants.
  const known = new Map<Part, number>();
  const live: Sum[] = [];
  for (const s of sums) {
    if (s.total.withheld) continue;
    const by = decided(s);
    if (by) for (const p of s.parts) if (open(p)) known.set(p, by === 'low' ? p.lo : p.hi);
    if (!by) live.push(s);
  }
  const unknown = (p: Part) => open(p) && !known.has(p);
  const value = (p: Part) => (p.withheld ? (known.get(p) ?? p.lo) : p.x);
  // Withheld numbers linked through the sums they share: union–find over the parts.
  const parent = new Map<Part, Part>();
  const find = (p: Part): Part => {
    let r = p;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(p, r);
    return r;
  };
  const rows: { vars: Part[]; rhs: number }[] = [];
  for (const s of live) {
    const vars = s.parts.filter(unknown);
    if (vars.length === 0) continue;
    const rhs = s.total.x - s.parts.filter((p) => !unknown(p)).reduce((a, p) => a + value(p), 0);
    rows.push({ vars, rhs });
    for (const v of vars) if (!parent.has(v)) parent.set(v, v);
    for (const v of vars.slice(1)) parent.set(find(v), find(vars[0]));
  }
  const components = new Map<Part, { vars: Part[]; rows: { vars: Part[]; rhs: number }[] }>();
  for (const v of parent.keys()) {
    const r = find(v);
    let c = components.get(r);
    if (!c) components.set(r, (c = { vars: [], rows: [] }));
    c.vars.push(v);
  }
  for (const row of rows) components.get(find(row.vars[0]))!.rows.push(row);
  const out: Part[] = [];
  const at = new Map<Part, number>();
  const problems: Problem[] = [];
  const asked: Part[][] = [];
  const signatures: string[] = [];
  for (const c of components.values()) {
    if (c.rows.length === 1) {
      // One sum: each part ranges from what the others cannot hold to what they can — exact, no solver needed.
      const { vars, rhs } = c.rows[0];
      const lo = vars.reduce((a, p) => a + p.lo, 0);
      const hi = vars.reduce((a, p) => a + p.hi, 0);
      for (const p of vars) {
        const range: [number, number] = [Math.max(p.lo, rhs - (hi - p.hi)), Math.min(p.hi, rhs - (lo - p.lo))];
        if (pinned(p, range)) {
          out.push(p);
          at.set(p, range[0]);
        }
      }
      continue;
    }
    const index = new Map(c.vars.map((p, i) => [p, i]));
    const problem: Problem = {
      vars: c.vars.map((p) => ({ lo: p.lo, hi: p.hi, integer: p.integer })),
      rows: c.rows.map((r) => ({ of: r.vars.map((p) => index.get(p)!), rhs: r.rhs })),
    };
    const signature = `${c.vars.map((p) => `${p.key}:${p.lo}:${p.hi}`).join(',')}|${problem.rows.map((r) => `${r.of.join('+')}=${r.rhs}`).join(',')}`;
    const before = cache.get(signature);
    if (before)
      for (const [i, x] of before) {
        out.push(c.vars[i]);
        at.set(c.vars[i], x);
      }
    else {
      problems.push(problem);
      asked.push(c.vars);
      signatures.push(signature);
    }
  }
  if (problems.length > 0) {
    (yield problems).forEach((ranges, k) => {
      const found = ranges.flatMap((r, i): [number, number][] => (pinned(asked[k][i], r) ? [[i, r[0]]] : []));
      cache.set(signatures[k], found);
      for (const [i, x] of found) {
        out.push(asked[k][i]);
        at.set(asked[k][i], x);
      }
    });
  }
  return { pinned: out, at, checked: parent.size, solved: problems.length };
}
