/**
 * The `threshold` sign of spec §16: scores piled up just at a mark's lowest
 * score. For each mark's threshold c the window is the scores c − 2 … c + 3
 * and its middle c and c + 1: a smooth distribution puts about the same
 * share of a symmetric window in its middle whatever its slope, while marking
 * that lifts pupils over the threshold moves them from c − 2, c − 1 into it.
 */
import type { Scale } from '../../data/tables.ts';
import { fisherMidPGreater } from '../../stats/one-sided.ts';

/** The marks whose lowest primary score a scale gives, with that score. */
export function thresholds(scale: Scale): { mark: 3 | 4 | 5; c: number }[] {
  const out: { mark: 3 | 4 | 5; c: number }[] = [];
  for (const [mark, c] of [
    [3, scale.min_score],
    [4, scale.mark4_from],
    [5, scale.mark5_from],
  ] as const)
    if (c !== undefined && c - 2 >= 0 && c + 3 <= scale.max_score) out.push({ mark, c });
  return out;
}

/** A tested window: the school's m participants in it, k in its middle; the rest's m₀ and k₀; the one-sided mid-p. */
export interface ThresholdWindow {
  mark: 3 | 4 | 5;
  c: number;
  m: number;
  k: number;
  m0: number;
  k0: number;
  p: number;
}

export interface ThresholdTest {
  /** min(1, T · min p_c) over the T tested thresholds (Bonferroni). */
  p: number;
  /** The threshold with the smallest p_c (a tie: the lower mark). */
  window: ThresholdWindow;
  tested: number;
  /** A tested window holds at least `CHECKED_WINDOW` of the school's participants: a pile could have been seen. */
  checked: boolean;
}

/** The school's window at least this large for its group to count as checked. */
export const CHECKED_WINDOW = 30;
/** The smallest windows tested: the school's and the rest's. */
export const MIN_WINDOW = 8;
export const MIN_REST_WINDOW = 30;

/** Pupils by primary score: `counts[s]` have score s. */
export type Histogram = number[];

const inWindow = (h: Histogram, c: number) => {
  let m = 0;
  for (let s = c - 2; s <= c + 3; s++) m += h[s] ?? 0;
  return { m, k: (h[c] ?? 0) + (h[c + 1] ?? 0) };
};

/**
 * The school against the rest of the municipality (the whole group's histogram less the school's); none when
 * no threshold's windows are large enough to test.
 */
export function thresholdTest(
  marks: readonly { mark: 3 | 4 | 5; c: number }[],
  school: Histogram,
  all: Histogram,
): ThresholdTest | undefined {
  const windows: ThresholdWindow[] = [];
  for (const { mark, c } of marks) {
    const s = inWindow(school, c);
    const a = inWindow(all, c);
    const m0 = a.m - s.m;
    const k0 = a.k - s.k;
    if (s.m < MIN_WINDOW || m0 < MIN_REST_WINDOW) continue;
    windows.push({ mark, c, m: s.m, k: s.k, m0, k0, p: fisherMidPGreater(s.k, s.m, k0, m0) });
  }
  if (windows.length === 0) return undefined;
  // Marks come in ascending order: the first of equal p-values is the lower mark.
  const window = windows.reduce((best, w) => (w.p < best.p ? w : best));
  return {
    p: Math.min(1, windows.length * window.p),
    window,
    tested: windows.length,
    checked: windows.some((w) => w.m >= CHECKED_WINDOW),
  };
}
