/** A problem of the audit (audit.ts) for the solver (solver-worker.ts): withheld numbers and the sums they are in. */
export interface Problem {
  vars: { lo: number; hi: number; integer: boolean }[];
  /** Σ vars[i] over `of` = rhs. */
  rows: { of: number[]; rhs: number }[];
}

/** Per variable: [least, greatest]. */
export type Ranges = [number, number][];
