/**
 * Pupil codes (student_id) for the demo: a cohort keeps its codes from ВПР in
 * grade 4 to ОГЭ and ЕГЭ, so pupils' progress (spec §13) has real content.
 * The years' tables are generated independently; here each year's pupils of a
 * school take the codes of last year's pupils of the grade below (ЕГЭ: ОГЭ two
 * years before) matched by rank with noise, so an earlier score predicts a
 * later one about as well as in real data (r ≈ 0.7). Some pupils come from
 * elsewhere and get new codes; a few change school. Its own random stream, so
 * the rest of the demo is as it was.
 */
import { mulberry32, type Rows } from './random.ts';

const rnd = mulberry32(20261201);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

export interface YearRows {
  year: number;
  ege: Rows;
  oge: Rows;
  vpr: Rows;
}

interface Pupil {
  pid: string;
  school: string;
  /** Mean of the pupil's standardised scores: what the rank matching uses. */
  z: number;
  code?: string;
}

/** The pupils of a table (a header row, then rows), with rows kept by `keep`. */
function pupils(t: Rows, keep: (r: Record<string, unknown>) => boolean): Pupil[] {
  const h = t[0] as string[];
  const score = (r: Record<string, unknown>) => r.test_score ?? r.primary_score;
  const rows = t.slice(1).map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
  const bySubject = new Map<string, number[]>();
  for (const r of rows)
    if (keep(r) && typeof score(r) === 'number') {
      const xs = bySubject.get(String(r.subject)) ?? [];
      xs.push(score(r) as number);
      bySubject.set(String(r.subject), xs);
    }
  const scale = new Map(
    [...bySubject].map(([s, xs]) => {
      const m = xs.reduce((a, x) => a + x, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1)) || 1;
      return [s, { m, sd }];
    }),
  );
  const out = new Map<string, Pupil & { zs: number[] }>();
  for (const r of rows) {
    if (!keep(r)) continue;
    const pid = String(r.participant_id);
    const p = out.get(pid) ?? { pid, school: String(r.school_id), z: 0, zs: [] };
    const x = score(r);
    const s = scale.get(String(r.subject));
    if (typeof x === 'number' && s) p.zs.push((x - s.m) / s.sd);
    out.set(pid, p);
  }
  return [...out.values()].map(({ zs, ...p }) => ({ ...p, z: zs.length ? zs.reduce((a, x) => a + x, 0) / zs.length : -1 }));
}

let next = 0;
const newCode = () => `S-${String(++next).padStart(6, '0')}`;

/** Later pupils take the codes of earlier ones of their school, matched by rank of a noisy score. */
function inherit(later: Pupil[], earlier: Pupil[]) {
  const schools = new Set(later.map((p) => p.school));
  for (const school of [...schools].sort()) {
    const noisy = (ps: Pupil[]) =>
      ps
        .map((p) => ({ p, key: p.z + normal() * 0.4 }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.p);
    const now = noisy(later.filter((p) => p.school === school));
    const then = noisy(earlier.filter((p) => p.school === school && p.code));
    if (then.length === 0) continue;
    now.forEach((p, i) => {
      // One in fifteen came from outside the municipality's records.
      if (rnd() < 1 / 15) return;
      p.code = then[Math.min(then.length - 1, Math.floor(((i + rnd()) * then.length) / now.length))].code;
    });
  }
  // A code taken twice (more pupils now than then) goes to one of them only.
  const seen = new Set<string>();
  for (const p of later) {
    if (p.code && seen.has(p.code)) p.code = undefined;
    if (p.code) seen.add(p.code);
  }
  // Of those who came from outside the school's records, some changed school within the municipality: they keep their code.
  const free = earlier.filter((p) => p.code && !seen.has(p.code));
  for (const p of later) {
    if (p.code) continue;
    const other = free.findIndex((e) => e.school !== p.school);
    p.code = other >= 0 && rnd() < 0.4 ? free.splice(other, 1)[0].code : newCode();
  }
}

/** Adds a student_id column to every year's ЕГЭ, ОГЭ and ВПР tables. */
export function addStudentIds(years: YearRows[]): void {
  const byYear = new Map<number, { ege: Pupil[]; oge: Pupil[]; vpr: Map<number, Pupil[]> }>();
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    const vpr = new Map([4, 5, 6, 7, 8].map((g) => [g, pupils(y.vpr, (r) => r.grade === g)]));
    const oge = pupils(y.oge, () => true);
    const ege = pupils(y.ege, (r) => r.category === 'ВТГ');
    const before = byYear.get(y.year - 1);
    for (const [g, ps] of vpr) {
      if (g > 4 && before) inherit(ps, before.vpr.get(g - 1)!);
      else for (const p of ps) p.code = newCode();
    }
    if (before) inherit(oge, before.vpr.get(8)!);
    else for (const p of oge) p.code = newCode();
    const twoBefore = byYear.get(y.year - 2);
    if (twoBefore) inherit(ege, twoBefore.oge);
    else for (const p of ege) p.code = newCode();
    byYear.set(y.year, { ege, oge, vpr });
    const codes = new Map([...ege, ...oge, ...[...vpr.values()].flat()].map((p) => [p.pid, p.code]));
    for (const t of [y.ege, y.oge, y.vpr]) {
      // Next to the participant code, where an export would have it (rows without task scores are shorter than the header).
      const pid = (t[0] as string[]).indexOf('participant_id');
      t[0].splice(pid + 1, 0, 'student_id');
      for (const r of t.slice(1)) r.splice(pid + 1, 0, codes.get(String(r[pid])));
    }
  }
}
