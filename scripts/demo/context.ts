/**
 * The schools' social passports (context.csv): conditions that go with the
 * schools' results without being them. A stream of numbers of its own keeps
 * the rest of the demo as it was. СОШ № 6 works in the hardest conditions and
 * does better than they predict; СОШ № 5's conditions are hard too, and its
 * results are lower still.
 */
import { csv, mulberry32 } from './random.ts';
import { open, schools } from './schools.ts';

const rnd = mulberry32(20261201);
const noise = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());

/** How favourable each school's conditions are (0 = typical); results follow them only in part. */
const CONDITIONS: Record<string, number> = {
  '101': 1.3,
  '102': 0.9,
  '103': 0.1,
  '104': -0.2,
  '105': -1.0,
  '106': -1.4,
  '107': 0.6,
  '108': -0.7,
  '109': -0.9,
  '110': 0.5,
  '111': -0.5,
  '112': 0.2,
};

/** Shares (%) of each condition at a school of conditions `c`: a resource grows with c, a disadvantage falls. */
const SHARES: [string, (c: number) => number][] = [
  ['higher_ed_parents', (c) => 48 + 14 * c],
  ['low_income', (c) => 11 - 5 * c],
  ['single_parent', (c) => 19 - 4 * c],
  ['large_family', (c) => 12 - 2.5 * c],
  ['non_native', (c) => 5 - 3.5 * c],
  ['ovz', (c) => 3 - 1 * c],
  ['registered', (c) => 1.2 - 0.7 * c],
];

export function contextCsv(y: number): string {
  const rows: (string | number)[][] = [['school_id', 'students', ...SHARES.map(([k]) => k)]];
  for (const s of schools) {
    if (!open(s, y)) continue;
    const students = Math.round((s.g4 * 4 + s.g9 * 5 + s.g11 * 2) * (0.95 + 0.1 * rnd()));
    const c = CONDITIONS[s.id] + 0.08 * (y - 2023) * (s.id === '106' ? 1 : 0) + 0.1 * noise();
    rows.push([
      s.id,
      students,
      ...SHARES.map(([, f]) => Math.max(0, Math.round((students * Math.max(0.2, f(c) * (1 + 0.12 * noise()))) / 100))),
    ]);
  }
  return csv(rows);
}
