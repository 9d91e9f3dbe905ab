import { MECHANISMS } from '../data/mechanisms.ts';

/** «2026-2027» → «2026–2027 годы»; «2021» → «2021 год». */
export function roadmapPeriod(id: string): string {
  const ys = [...id.matchAll(/(20\d{2})/g)].map((m) => m[1]);
  if (ys.length === 0) return id;
  return ys.length === 1 ? `${ys[0]} год` : `${ys[0]}–${ys[ys.length - 1]} годы`;
}

export const mechanismName = (n: number | undefined) => (n === undefined ? 'Направление не указано' : `${n}. ${MECHANISMS[n - 1]}`);
