/**
 * The tables of a subject's analysis (spec §14), as open-data rows: who sat
 * it, the groups by preparation, the score distribution, how each task was
 * done in each group, and the schools beyond chance. Intervals and tests are
 * the engine's (§11); a group under the privacy threshold is withheld.
 */
import { ascending, group } from 'd3';
import type { Dataset, School, TaskInfo } from '../../data/tables.ts';
import { benjaminiHochberg, compareShares, sampleOf, tInterval, wilson } from '../../stats/tests.ts';
import { BANDS, HIGH, LOW, type Pupil, type SubjectGroup } from './rows.ts';
import { SubjectStore, type SubjectRow } from './store.ts';

export type { SubjectRow, SubjectTable } from './store.ts';

/** Schools with fewer participants in a subject are not tested for its lists (the regional form's convention). */
export const SCHOOL_LIST_MIN = 10;

export interface Settings {
  minGroup: number;
  fdr: number;
  /** Schools with fewer participants are not tested for the lists. */
  listMin: number;
}

type Base = Pick<SubjectRow, 'year' | 'procedure' | 'subject' | 'grade'>;
const baseOf = (g: SubjectGroup): Base => ({ year: g.year, procedure: g.procedure, subject: g.subject, grade: g.grade });

/** The subject's participants: all, by category (ЕГЭ), with ОВЗ — counts of whole groups, published as the engine's counts are. */
export function participantsTable(g: SubjectGroup): SubjectRow[] {
  const row = (group: string, value: number): SubjectRow => ({
    ...baseOf(g),
    table: 'participants',
    group,
    band: '',
    task: '',
    value,
    denominator: g.procedureTotal,
    suppressed: false,
  });
  return [
    row('all', g.sat.all),
    ...(g.procedure === 'ege' ? ['ВТГ', 'ВПЛ', 'СПО'].map((c) => row(c, g.sat.category[c] ?? 0)) : []),
    row('ovz', g.sat.ovz),
  ];
}

/** A group's share in each band with its Wilson interval, or the bands withheld when the group is small. */
function bandRows(g: SubjectGroup, group: string, pupils: readonly Pupil[], minGroup: number): SubjectRow[] {
  if (pupils.length === 0) return [];
  return BANDS[g.procedure].map((band) => {
    const row: SubjectRow = { ...baseOf(g), table: 'bands', group, band, task: '', suppressed: pupils.length < minGroup, n: pupils.length };
    if (row.suppressed) return row;
    const num = pupils.filter((p) => p.band === band).length;
    const ci = wilson(num, pupils.length);
    return { ...row, value: (100 * num) / pupils.length, numerator: num, denominator: pupils.length, ci_low: ci?.low, ci_high: ci?.high };
  });
}

/** The bands for the municipality, each school kind, with and without ОВЗ, and each school. */
export function bandsTable(g: SubjectGroup, schools: ReadonlyMap<string, School>, minGroup: number): SubjectRow[] {
  const by = (f: (p: Pupil) => string) => group(g.pupils, f);
  return [
    ...bandRows(g, 'all', g.pupils, minGroup),
    ...[...by((p) => schools.get(p.school)?.kind || 'не указан')].flatMap(([kind, ps]) => bandRows(g, `kind:${kind}`, ps, minGroup)),
    ...bandRows(
      g,
      'ovz',
      g.pupils.filter((p) => p.ovz),
      minGroup,
    ),
    ...bandRows(
      g,
      'no_ovz',
      g.pupils.filter((p) => !p.ovz),
      minGroup,
    ),
    ...[...by((p) => p.school)].flatMap(([school, ps]) => bandRows(g, `school:${school}`, ps, minGroup)),
  ];
}

/** Municipal counts at each score; one withheld row when the subject is small. */
export function distributionTable(g: SubjectGroup, minGroup: number): SubjectRow[] {
  const base = { ...baseOf(g), table: 'distribution' as const, group: 'all', task: '' };
  if (g.pupils.length === 0) return [];
  if (g.pupils.length < minGroup) return [{ ...base, band: '', suppressed: true }];
  const counts = new Map<number, number>();
  for (const p of g.pupils) counts.set(p.score, (counts.get(p.score) ?? 0) + 1);
  return [...counts].map(([score, n]) => ({ ...base, band: String(score), value: n, suppressed: false }));
}

export { masteryThreshold } from '../../indicators/mastery.ts';

/** Completion of each described task in each band and over all, with the t-interval over participants' shares of its points. */
export function tasksTable(g: SubjectGroup, tasks: readonly TaskInfo[], minGroup: number): SubjectRow[] {
  const mine = tasks.filter(
    (t) => t.year === g.year && t.procedure === g.procedure && t.subject === g.subject && (t.grade ?? undefined) === g.grade,
  );
  if (mine.length === 0 || !g.pupils.some((p) => p.tasks)) return [];
  const out: SubjectRow[] = [];
  for (const t of mine) {
    for (const band of [...BANDS[g.procedure], 'all']) {
      const xs = g.pupils
        .filter((p) => band === 'all' || p.band === band)
        .map((p) => p.tasks?.[t.task])
        .filter((x): x is number => x !== undefined)
        .map((x) => (100 * x) / t.max_score);
      if (xs.length === 0) continue;
      const row: SubjectRow = {
        ...baseOf(g),
        table: 'tasks',
        group: 'all',
        band,
        task: t.task,
        suppressed: xs.length < minGroup,
        n: xs.length,
      };
      if (row.suppressed) {
        out.push(row);
        continue;
      }
      const sum = xs.reduce((a, x) => a + x, 0);
      const ci = tInterval(
        sampleOf(
          xs.length,
          sum,
          xs.reduce((a, x) => a + x * x, 0),
        ),
      );
      out.push({ ...row, value: sum / xs.length, denominator: xs.length, ci_low: ci?.low, ci_high: ci?.high });
    }
  }
  return out;
}

/**
 * The two lists in place of a ranking: schools (at least `listMin` participants) whose share of the high bands,
 * or of the low band, is higher than in the rest of the municipality beyond chance — two-sided tests,
 * Benjamini–Hochberg over the schools tested for each list.
 */
export function schoolsTable(g: SubjectGroup, s: Settings): SubjectRow[] {
  const bySchool = group(g.pupils, (p) => p.school);
  const tested = [...bySchool].filter(([, ps]) => ps.length >= s.listMin).sort(([a], [b]) => ascending(a, b));
  const out: SubjectRow[] = [];
  for (const [list, bands] of [
    ['high', HIGH[g.procedure]],
    ['low', LOW[g.procedure]],
  ] as const) {
    const all = g.pupils.filter((p) => bands.includes(p.band)).length;
    const tests = tested.map(([school, ps]) => {
      const x = ps.filter((p) => bands.includes(p.band)).length;
      return { school, x, n: ps.length, t: compareShares(x, ps.length, all - x, g.pupils.length - ps.length) };
    });
    const found = benjaminiHochberg(
      tests.map((t) => t.t?.p ?? 1),
      s.fdr,
    );
    tests.forEach((t, i) => {
      if (!found[i] || !t.t || t.t.diff <= 0) return;
      const ci = wilson(t.x, t.n);
      out.push({
        ...baseOf(g),
        table: 'schools',
        group: `school:${t.school}`,
        band: list,
        task: '',
        value: (100 * t.x) / t.n,
        numerator: t.x,
        denominator: t.n,
        suppressed: false,
        ci_low: ci?.low,
        ci_high: ci?.high,
      });
    });
  }
  return out;
}

/** Every row of every subject and year, in the order of the open-data file. */
export function subjectRows(d: Dataset, groups: Iterable<SubjectGroup>, s: Settings): SubjectRow[] {
  const schools = new Map(d.schools.map((x) => [x.school_id, x]));
  // Kept as columns as they are made: a region's rows as objects were the read stage's largest part (analyses/subjects/store.ts).
  const store = new SubjectStore();
  const rows: SubjectRow[] = [];
  for (const g of groups)
    for (const r of [
      ...participantsTable(g),
      ...bandsTable(g, schools, s.minGroup),
      ...distributionTable(g, s.minGroup),
      ...tasksTable(g, d.tasks, s.minGroup),
      ...schoolsTable(g, s),
    ])
      rows.push(store.add(r));
  return rows.sort(
    (a, b) =>
      a.year - b.year ||
      ascending(a.procedure, b.procedure) ||
      ascending(a.subject, b.subject) ||
      (a.grade ?? -1) - (b.grade ?? -1) ||
      ascending(a.table, b.table) ||
      ascending(a.group, b.group) ||
      ascending(a.band, b.band) ||
      ascending(a.task, b.task),
  );
}
