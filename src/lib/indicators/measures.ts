import type { Measured } from './types.ts';

/** Participants are distinct `participant_id`s. */
export function distinct<R extends { participant_id: string }>(rows: R[]): number {
  if (rows.length < 2) return rows.length;
  const s = new Set<string>();
  for (const r of rows) s.add(r.participant_id);
  return s.size;
}

export const participants = <R extends { participant_id: string }>(rows: R[]): Measured => ({
  kind: 'participants',
  value: distinct(rows),
});

/** Share of rows passing `test` among rows passing `base` (one row per participant in these groups). */
export function share<R>(rows: R[], test: (r: R) => boolean, base: (r: R) => boolean = () => true): Measured {
  let num = 0;
  let den = 0;
  for (const r of rows) {
    if (!base(r)) continue;
    den++;
    if (test(r)) num++;
  }
  return { kind: 'share', num, den };
}

export function mean<R>(rows: R[], value: (r: R) => number | undefined): Measured {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (const r of rows) {
    const v = value(r);
    if (v === undefined) continue;
    sum += v;
    sumSq += v * v;
    n++;
  }
  return { kind: 'mean', sum, sumSq, n };
}

/** A count of results; `n` (for the privacy rule) is the group's participants unless given. */
export function count<R extends { participant_id: string }>(rows: R[], test: (r: R) => boolean, n = distinct(rows)): Measured {
  let value = 0;
  for (const r of rows) if (test(r)) value++;
  return { kind: 'count', value, n };
}

/** Task success over participants, each with the points scored and the points possible. */
export function rate(perParticipant: Iterable<{ score: number; max: number }>): Measured {
  let score = 0;
  let max = 0;
  let n = 0;
  let sumX = 0;
  let sumSq = 0;
  for (const p of perParticipant) {
    if (p.max <= 0) continue;
    score += p.score;
    max += p.max;
    const x = (100 * p.score) / p.max;
    sumX += x;
    sumSq += x * x;
    n++;
  }
  return { kind: 'rate', score, max, n, sumX, sumSq };
}

/** Σ of a field over aggregate rows that have it; `n` is Σ students of those rows. */
export function sumShare<R extends { students: number }>(
  rows: R[],
  num: (r: R) => number | undefined,
  den: (r: R) => number = (r) => r.students,
): Measured {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    const v = num(r);
    if (v === undefined) continue;
    a += v;
    b += den(r);
  }
  return { kind: 'share', num: a, den: b };
}

export function sumCount<R extends { students: number }>(rows: R[], field: (r: R) => number | undefined): Measured {
  let value = 0;
  let n = 0;
  for (const r of rows) {
    const v = field(r);
    if (v === undefined) continue;
    value += v;
    n += r.students;
  }
  return { kind: 'count', value, n };
}

/** Groups participant rows by participant. */
export function byParticipant<R extends { participant_id: string }>(rows: R[]): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of rows) {
    const list = m.get(r.participant_id);
    if (list) list.push(r);
    else m.set(r.participant_id, [r]);
  }
  return m;
}
