/**
 * The `confirmation` sign of spec §16: a school's ВПР results that the same
 * pupils' later exam does not confirm. Two one-sided tests must both hold
 * (an intersection–union test): the school's ВПР participants stand above
 * the rest of the municipality, and its pupils then did worse on the later
 * exam than the §13 line predicts from their ВПР score. Pupils are linked by
 * `student_id` here and nowhere further: what leaves are samples and p-values.
 */
import type { Dataset } from '../../data/tables.ts';
import { mean, sampleSd, without, type Sample } from '../../stats/tests.ts';
import { tBelow, welchGreater } from '../../stats/one-sided.ts';
import { scored, type ProgressYear } from '../progress/model.ts';

/** The fewest pupils with a standardised residual for a school to be tested. */
export const MIN_LINKED_PUPILS = 10;

export interface ConfirmationTest {
  /** The ВПР year and grade whose result is tested. */
  year: number;
  grade: number;
  school_id: string;
  /** The school's mean ВПР z and the rest's; their one-sided Welch p. */
  z: { school: number; rest: number; p: number };
  /** The mean standardised residual of the school's linked pupils, their number; the one-sample t-test's p. */
  r: { mean: number; n: number; p: number };
  /** max(p₁, p₂). */
  p: number;
}

/** Per ВПР year and grade: the schools' linked pupils (one mean standardised residual each), and who could not be linked. */
type Linked = Map<string, Map<string, { school: string; rs: number[] }>>;

function residuals(data: Dataset, progress: readonly ProgressYear[]): Linked {
  const out: Linked = new Map();
  for (const p of progress) {
    const { pair, line } = p;
    if (pair.from_procedure !== 'vpr' || pair.from_grade === undefined) continue;
    const y = p.year - pair.lag;
    const key = `${y}|${pair.from_grade}`;
    // A ВПР with a later exam in the data but no line (no pupil codes, too few linked): its schools are untested.
    if (!out.has(key)) out.set(key, new Map());
    if (!line) continue;
    // The school of the earlier (ВПР) result; a code with two earlier results takes the first, as §13 does.
    const start = new Map<string, { school: string; score: number }>();
    for (const r of scored(data.years.get(y), 'vpr', pair.from_subject, pair.from_grade))
      if (r.student_id && !start.has(r.student_id)) start.set(r.student_id, { school: r.school_id, score: r.score });
    const linked: { id: string; school: string; e: number }[] = [];
    for (const r of scored(data.years.get(p.year), pair.to_procedure, pair.to_subject)) {
      const s = r.student_id === undefined ? undefined : start.get(r.student_id);
      if (s) linked.push({ id: r.student_id!, school: s.school, e: r.score - (line.a + line.b * s.score) });
    }
    const se = sampleSd(linked.map((l) => l.e));
    if (!(se > 0)) continue;
    const pupils = out.get(key)!;
    for (const l of linked) {
      const pupil = pupils.get(l.id) ?? pupils.set(l.id, { school: l.school, rs: [] }).get(l.id)!;
      pupil.rs.push(l.e / se);
    }
  }
  return out;
}

/** Each ВПР participant's mean z over their works of the grade, with their school. */
function zScores(data: Dataset, year: number, grade: number): Map<string, { school: string; zs: number[] }> {
  const rows = (data.years.get(year)?.vpr ?? []).filter((r) => r.grade === grade);
  const bySubject = new Map<string, number[]>();
  for (const r of rows) (bySubject.get(r.subject) ?? bySubject.set(r.subject, []).get(r.subject)!).push(r.primary_score);
  const norms = new Map([...bySubject].map(([s, xs]) => [s, { m: mean(xs), sd: sampleSd(xs) }]));
  const out = new Map<string, { school: string; zs: number[] }>();
  for (const r of rows) {
    const n = norms.get(r.subject)!;
    if (!(n.sd > 0)) continue;
    const p = out.get(r.participant_id) ?? out.set(r.participant_id, { school: r.school_id, zs: [] }).get(r.participant_id)!;
    p.zs.push((r.primary_score - n.m) / n.sd);
  }
  return out;
}

const sampleFrom = (xs: readonly number[]): Sample => ({ mean: mean(xs), sd: sampleSd(xs), n: xs.length });

/** Every school tested, per ВПР year and grade, and the schools with ВПР participants that could not be (no linked pupils enough). */
export function confirmationTests(
  data: Dataset,
  progress: readonly ProgressYear[],
): { tests: ConfirmationTest[]; untested: { year: number; grade: number; school_id: string; linked: number }[] } {
  const tests: ConfirmationTest[] = [];
  const untested: { year: number; grade: number; school_id: string; linked: number }[] = [];
  const linked = residuals(data, progress);
  for (const [key, pupils] of [...linked].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [year, grade] = key.split('|').map(Number);
    const rBySchool = new Map<string, number[]>();
    for (const p of pupils.values()) (rBySchool.get(p.school) ?? rBySchool.set(p.school, []).get(p.school)!).push(mean(p.rs));
    const zBySchool = new Map<string, number[]>();
    for (const p of zScores(data, year, grade).values())
      (zBySchool.get(p.school) ?? zBySchool.set(p.school, []).get(p.school)!).push(mean(p.zs));
    const whole = sampleFrom([...zBySchool.values()].flat());
    for (const school of [...zBySchool.keys()].sort()) {
      const rs = rBySchool.get(school) ?? [];
      if (rs.length < MIN_LINKED_PUPILS) {
        untested.push({ year, grade, school_id: school, linked: rs.length });
        continue;
      }
      const zs = zBySchool.get(school)!;
      const zSchool = sampleFrom(zs);
      const zRest = without(whole, zSchool);
      const p1 = zRest && welchGreater(zSchool, zRest);
      const r = sampleFrom(rs);
      const p2 = tBelow(r);
      if (!p1 || !p2) continue;
      tests.push({
        year,
        grade,
        school_id: school,
        z: { school: zSchool.mean, rest: zRest!.mean, p: p1.p },
        r: { mean: r.mean, n: r.n, p: p2.p },
        p: Math.max(p1.p, p2.p),
      });
    }
  }
  return { tests, untested };
}
