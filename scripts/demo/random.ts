/** The demo's random source (one fixed seed: the demo regenerates identically) and its CSV writer. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A seeded stream of numbers in [0, 1); a part of the demo added later draws from a stream of its own, leaving the rest as it was. */
export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const rnd = mulberry32(20260523);
export const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
export const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
export const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
export const chance = (p: number) => rnd() < p;

export type Rows = (string | number | undefined)[][];

export function csv(rows: Rows): string {
  return (
    rows
      .map((r) =>
        r
          .map((v) => {
            const s = v === undefined ? '' : String(v);
            return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(','),
      )
      .join('\n') + '\n'
  );
}

/** Writes files under the data folder `dir`. */
export const writer = (dir: string) => (rel: string, content: string) => {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
};
