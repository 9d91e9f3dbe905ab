/**
 * Pupils' progress (indicators spec §13): how far a school's pupils moved
 * from an earlier result (ОГЭ, ВПР) to a later one (ЕГЭ, ОГЭ), compared with
 * the pupils of the municipality who started from the same score. Pupils are
 * linked by their pseudonymous `student_id`; the code goes no further than
 * this module: what leaves it are counts, lines and means.
 */
import { gradeOf } from '../../data/progress-checks.ts';
import type { Dataset, EgeRow, OgeRow, ProgressPair, VprRow, YearResults } from '../../data/tables.ts';
import { leastSquares, sampleOf, type Line, type Sample } from '../../stats/tests.ts';

/** Fewer linked pupils in the municipality than this leave the line too uncertain: no progress that year. */
export const MIN_LINKED = 30;

export interface ProgressSchool {
  school_id: string;
  /** The later procedure's participants with a score. */
  participants: number;
  linked: number;
  /** The residuals of its linked pupils: their mean is the school's progress. */
  residuals?: Sample;
}

/** The municipal picture for the chart: how many linked pupils had each pair of scores. */
export interface ScoreCell {
  earlier: number;
  later: number;
  pupils: number;
}

export interface ProgressYear {
  pair: ProgressPair;
  /** The later year. */
  year: number;
  /** The later procedure's grade and subject: where the progress rows of open data stand. */
  grade: number;
  subject: string;
  participants: number;
  linked: number;
  line?: Line;
  /** Why there is no line this year, in Russian. */
  noModel?: string;
  cells: ScoreCell[];
  schools: ProgressSchool[];
}

export type Scored = { school_id: string; student_id?: string; score: number };

/** The results of a procedure and subject in a year that have a score of the form compared (ЕГЭ, ОГЭ — not ГВЭ; ЕГЭ of this year's graduates). */
export function scored(res: YearResults | undefined, procedure: string, subject: string, grade?: number): Scored[] {
  if (!res) return [];
  const take = <R extends { school_id: string; student_id?: string; subject: string }>(
    rows: R[] | undefined,
    keep: (r: R) => boolean,
    score: (r: R) => number | undefined,
  ) =>
    (rows ?? []).flatMap((r) => {
      const s = r.subject === subject && keep(r) ? score(r) : undefined;
      return s === undefined ? [] : [{ school_id: r.school_id, student_id: r.student_id || undefined, score: s }];
    });
  if (procedure === 'ege')
    return take<EgeRow>(
      res.ege,
      (r) => r.form === 'ЕГЭ' && r.category === 'ВТГ',
      (r) => r.test_score,
    );
  if (procedure === 'oge')
    return take<OgeRow>(
      res.oge,
      (r) => r.form === 'ОГЭ',
      (r) => r.primary_score,
    );
  return take<VprRow>(
    res.vpr,
    (r) => r.grade === grade,
    (r) => r.primary_score,
  );
}

/** Every pair's progress in every later year whose earlier year has results. */
export function progressModel(data: Dataset): ProgressYear[] {
  const out: ProgressYear[] = [];
  for (const pair of [...data.progressPairs].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const year of [...data.years.keys()].sort((a, b) => a - b)) {
      const before = data.years.get(year - pair.lag);
      if (!before) continue;
      const later = scored(data.years.get(year), pair.to_procedure, pair.to_subject);
      if (later.length === 0) continue;
      // A code with two earlier results is a data error the reader reports; the first is taken here.
      const start = new Map<string, number>();
      for (const r of scored(before, pair.from_procedure, pair.from_subject, pair.from_grade))
        if (r.student_id && !start.has(r.student_id)) start.set(r.student_id, r.score);
      const linked = later.flatMap((r) => {
        const earlier = r.student_id === undefined ? undefined : start.get(r.student_id);
        return earlier === undefined ? [] : [{ school_id: r.school_id, earlier, later: r.score }];
      });
      out.push(progressYear(pair, year, later, linked));
    }
  }
  return out.filter((p) => p.linked > 0 || p.participants > 0);
}

/** The line over the linked pupils and each school's mean residual. */
export function progressYear(
  pair: ProgressPair,
  year: number,
  later: readonly { school_id: string }[],
  linked: readonly { school_id: string; earlier: number; later: number }[],
): ProgressYear {
  const base = {
    pair,
    year,
    grade: gradeOf(pair.to_procedure)!,
    subject: pair.to_subject,
    participants: later.length,
    linked: linked.length,
  };
  const cells = new Map<string, ScoreCell>();
  for (const p of linked) {
    const k = `${p.earlier}|${p.later}`;
    const c = cells.get(k) ?? { earlier: p.earlier, later: p.later, pupils: 0 };
    c.pupils++;
    cells.set(k, c);
  }
  const cellList = [...cells.values()].sort((a, b) => a.earlier - b.earlier || a.later - b.later);
  const bySchool = new Map<string, { participants: number; residuals: number[] }>();
  for (const r of later) {
    const s = bySchool.get(r.school_id) ?? { participants: 0, residuals: [] };
    s.participants++;
    bySchool.set(r.school_id, s);
  }
  if (linked.length < MIN_LINKED) {
    const schools = [...bySchool]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([school_id, s]) => ({
        school_id,
        participants: s.participants,
        linked: linked.filter((p) => p.school_id === school_id).length,
      }));
    return {
      ...base,
      cells: cellList,
      schools,
      noModel: `связаны результаты только ${linked.length} из ${later.length} участников, а для прямой нужно не меньше ${MIN_LINKED}`,
    };
  }
  const line = leastSquares(
    linked.map((p) => p.earlier),
    linked.map((p) => p.later),
  );
  for (const p of linked) bySchool.get(p.school_id)!.residuals.push(p.later - (line.a + line.b * p.earlier));
  const schools = [...bySchool]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([school_id, s]) => {
      const n = s.residuals.length;
      const sum = s.residuals.reduce((a, e) => a + e, 0);
      const sumSq = s.residuals.reduce((a, e) => a + e * e, 0);
      return { school_id, participants: s.participants, linked: n, residuals: n > 0 ? sampleOf(n, sum, sumSq) : undefined };
    });
  return { ...base, line, cells: cellList, schools };
}
