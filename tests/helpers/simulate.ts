/**
 * A municipality with a known truth, for the risk rules: every school is
 * drawn from the same distribution unless a plan says otherwise. Seeded, so
 * a run is reproducible; d3-random supplies the generators.
 */
import { randomLcg, randomNormal, randomUniform } from 'd3';
import { csv } from './fixture.ts';

export interface Plan {
  /** Shift of a school's latent mean (in SD) in a year: a real fall or a low school. */
  shift?: (school: string, year: number) => number;
  /** Schools whose own marks are inflated: half the pupils get one mark more than the exam gives. */
  inflated?: Set<string>;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const markOf = (score: number, [m3, m4, m5]: [number, number, number]) => (score >= m5 ? 5 : score >= m4 ? 4 : score >= m3 ? 3 : 2);

export function simulate(schools: number, perSchool: number, years: number[], plan: Plan = {}, seed = 42): Record<string, string> {
  const source = randomLcg(seed);
  const normal = randomNormal.source(source)(0, 1);
  const u = randomUniform.source(source)(0, 1);
  const ids = Array.from({ length: schools }, (_, i) => `S${String(i + 1).padStart(3, '0')}`);
  const files: Record<string, string> = { 'schools.csv': csv([['school_id', 'name'], ...ids.map((id) => [id, `Школа ${id}`])]) };
  // The school's own mark: the exam's, give or take one as teachers differ; inflated schools add one for half the pupils.
  const own = (exam: number, school: string) => {
    const r = u();
    let m = exam + (r < 0.15 ? -1 : r < 0.3 ? 1 : 0);
    if (plan.inflated?.has(school) && u() < 0.5) m = exam + 1;
    return clamp(m, 2, 5);
  };
  let pid = 0;
  for (const year of years) {
    const ege: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'test_score']];
    const oge: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'primary_score', 'mark', 'school_mark']];
    const vpr: (string | number)[][] = [['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark', 'journal_mark']];
    for (const s of ids) {
      const mu = plan.shift?.(s, year) ?? 0;
      for (let k = 0; k < perSchool; k++) {
        ege.push([`p${++pid}`, s, 'rus', clamp(Math.round(65 + 14 * (mu + normal())), 0, 100)]);
        const o = clamp(Math.round(15 + 6 * (mu + normal())), 0, 31);
        const om = markOf(o, [8, 15, 22]);
        oge.push([`p${++pid}`, s, 'math', o, om, own(om, s)]);
        const v = clamp(Math.round(11 + 4 * (mu + normal())), 0, 20);
        const vm = markOf(v, [7, 11, 15]);
        vpr.push([`p${++pid}`, s, 'math', 5, v, vm, own(vm, s)]);
      }
    }
    files[`results/${year}/ege.csv`] = csv(ege);
    files[`results/${year}/oge.csv`] = csv(oge);
    files[`results/${year}/vpr.csv`] = csv(vpr);
  }
  return files;
}

/** Each school's latent conditions (SD units, higher = more favourable), fixed over the years. Seeded. */
export function conditions(schools: number, seed: number): Map<string, number> {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  return new Map(Array.from({ length: schools }, (_, i) => [`S${String(i + 1).padStart(3, '0')}`, normal()]));
}

/**
 * The schools' social passports (context.csv of each year), each share a straight line in the school's
 * conditions, so that the context index measures them exactly and nothing else.
 */
export function passports(c: Map<string, number>, years: number[]): Record<string, string> {
  const students = 1000;
  const count = (share: number) => Math.round((clamp(share, 0, 100) * students) / 100);
  const rows = [...c].map(([s, x]) => [s, students, count(50 + 12 * x), count(20 - 6 * x), count(8 - 3 * x)]);
  return Object.fromEntries(
    years.map((y) => [
      `results/${y}/context.csv`,
      csv([['school_id', 'students', 'higher_ed_parents', 'low_income', 'non_native'], ...rows]),
    ]),
  );
}
