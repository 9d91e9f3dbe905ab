/**
 * The per-sum rule of secondary suppression (indicators spec §0): in a sum whose total is published, one withheld
 * part is covered by withholding the published part with the fewest participants, and withheld parts that together
 * have fewer than `min_group` participants take the next smallest too; repeated over every sum until nothing changes.
 * A total of 0 or of 100 % decides its parts by itself and needs no cover.
 */
import type { Part, Sum } from './sums.ts';

/** Withheld and not known anyway (a group of 0 participants is 0 whatever is published). */
export const open = (p: Part) => p.withheld && p.hi > p.lo;

/** Fewest participants first; ties by name, so that every build and every output makes the same choice. */
export const smallestFirst = (a: Part, b: Part) => a.n - b.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The total says every part by itself: all at their lower bounds (0 %, `low`) or all at their upper bounds (100 %, `high`). */
export function decided(s: Sum): 'low' | 'high' | undefined {
  if (s.total.withheld) return undefined;
  let lo = 0;
  let hi = 0;
  for (const p of s.parts) {
    lo += p.lo;
    hi += p.hi;
  }
  const eps = 1e-9 * (1 + Math.abs(s.total.x));
  return Math.abs(s.total.x - lo) < eps ? 'low' : Math.abs(s.total.x - hi) < eps ? 'high' : undefined;
}
export const decides = (s: Sum) => decided(s) !== undefined;

/** Applies the rule until no sum changes; returns how many parts it withheld. */
export function coverSums(sums: readonly Sum[], minGroup: number): number {
  let hidden = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const s of sums) {
      if (s.total.withheld || decides(s)) continue;
      const withheld = s.parts.filter(open);
      if (withheld.length === 0) continue;
      let people = withheld.reduce((a, p) => a + p.n, 0);
      let count = withheld.length;
      const cover = s.parts.filter((p) => !p.withheld && p.hi > p.lo).sort(smallestFirst);
      for (const p of cover) {
        if (count >= 2 && people >= minGroup) break;
        p.hide();
        hidden++;
        changed = true;
        count++;
        people += p.n;
      }
    }
  }
  return hidden;
}
