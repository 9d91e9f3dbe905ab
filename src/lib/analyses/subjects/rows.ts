/**
 * The participants of a subject's analysis (spec §14), as the tables read
 * them: for each year, ЕГЭ subject (not base maths), ОГЭ subject and ВПР
 * grade × subject, each participant with its school, score, band and task
 * scores. The analysis population is the indicators' own: ЕГЭ form ЕГЭ and
 * category ВТГ, ОГЭ form ОГЭ, ВПР all; the participants table counts every
 * category besides.
 */
import type { Dataset, EgeRow, OgeRow, VprRow } from '../../data/tables.ts';

export type SubjectProcedure = 'ege' | 'oge' | 'vpr';

/** The bands by preparation: ЕГЭ by the minimum and 60 and 80 points; ОГЭ and ВПР by the mark. */
export const BANDS: Record<SubjectProcedure, readonly string[]> = {
  ege: ['below_min', 'min_60', '61_80', '81_100'],
  oge: ['2', '3', '4', '5'],
  vpr: ['2', '3', '4', '5'],
};

/** The bands of the «high» and «low» school lists. */
export const HIGH: Record<SubjectProcedure, readonly string[]> = { ege: ['61_80', '81_100'], oge: ['4', '5'], vpr: ['4', '5'] };
export const LOW: Record<SubjectProcedure, readonly string[]> = { ege: ['below_min'], oge: ['2'], vpr: ['2'] };
/** The band whose unmastered tasks the text lists beside all participants': the weakest passing group. */
export const WEAK: Record<SubjectProcedure, string> = { ege: 'min_60', oge: '3', vpr: '3' };

export interface Pupil {
  school: string;
  participant: string;
  ovz: boolean;
  /** The test score (ЕГЭ) or primary score (ОГЭ, ВПР). */
  score: number;
  band: string;
  tasks?: Record<string, number>;
}

/** One subject of one year: who is in the analysis, and how many sat it at all (every category). */
export interface SubjectGroup {
  year: number;
  procedure: SubjectProcedure;
  subject: string;
  grade?: number;
  pupils: Pupil[];
  /** Every participant of the subject (form ЕГЭ or ОГЭ, any category): counts by category (ЕГЭ) and with ОВЗ. */
  sat: { all: number; ovz: number; category: Record<string, number> };
  /** Distinct participants of the procedure that year (for ВПР: of the grade). */
  procedureTotal: number;
}

const key = (...parts: (string | number | undefined)[]) => parts.map((p) => p ?? '').join('|');

/**
 * Every subject group of every year, one at a time: a region's million rows are grouped by reference, and a
 * group's pupils exist only while its tables are computed.
 */
export function* subjectGroups(d: Dataset): Generator<SubjectGroup> {
  for (const [year, res] of d.years) {
    const minOf = (subject: string) => d.scales.find((s) => s.year === year && s.procedure === 'ege' && s.subject === subject)?.min_score;
    // Base maths is a mark, not a test score: it has no bands of its own, but its participants are the procedure's.
    yield* collect(
      year,
      'ege',
      (res.ege ?? []).filter((r) => r.form === 'ЕГЭ'),
      () => undefined,
      (r: EgeRow) => {
        if (r.category !== 'ВТГ' || r.test_score === undefined) return undefined;
        const min = minOf(r.subject);
        if (min === undefined) return undefined;
        const s = r.test_score;
        return { score: s, band: s < min ? 'below_min' : s <= 60 ? 'min_60' : s <= 80 ? '61_80' : '81_100' };
      },
    );
    yield* collect(
      year,
      'oge',
      (res.oge ?? []).filter((r) => r.form === 'ОГЭ'),
      () => undefined,
      (r: OgeRow) => (r.primary_score === undefined || r.mark === undefined ? undefined : { score: r.primary_score, band: String(r.mark) }),
    );
    yield* collect(
      year,
      'vpr',
      res.vpr ?? [],
      (r: VprRow) => r.grade,
      (r: VprRow) => ({ score: r.primary_score, band: String(r.mark) }),
    );
  }
}

type AnyRow = {
  school_id: string;
  participant_id: string;
  subject: string;
  ovz?: boolean;
  category?: string;
  tasks?: Record<string, number>;
};

function* collect<R extends AnyRow>(
  year: number,
  procedure: SubjectProcedure,
  rows: readonly R[],
  gradeOf: (r: R) => number | undefined,
  scored: (r: R) => { score: number; band: string } | undefined,
): Generator<SubjectGroup> {
  const groups = new Map<string, R[]>();
  const totals = new Map<string, Set<string>>();
  for (const r of rows) {
    const grade = gradeOf(r);
    const total = totals.get(key(grade)) ?? totals.set(key(grade), new Set()).get(key(grade))!;
    total.add(r.participant_id);
    if (procedure === 'ege' && r.subject === 'math_base') continue;
    const k = key(r.subject, grade);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  for (const list of groups.values()) {
    const first = list[0];
    const grade = gradeOf(first);
    const g: SubjectGroup = {
      year,
      procedure,
      subject: first.subject,
      grade,
      pupils: [],
      sat: { all: 0, ovz: 0, category: {} },
      procedureTotal: totals.get(key(grade))!.size,
    };
    // A participant sits a subject once (the files' unique key): rows are participants.
    for (const r of list) {
      g.sat.all++;
      if (r.ovz === true) g.sat.ovz++;
      if (r.category) g.sat.category[r.category] = (g.sat.category[r.category] ?? 0) + 1;
      const s = scored(r);
      if (s) g.pupils.push({ school: r.school_id, participant: r.participant_id, ovz: r.ovz === true, ...s, tasks: r.tasks });
    }
    yield g;
  }
}
