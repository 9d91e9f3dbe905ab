/**
 * Signs of biased results planted in the demo (indicators spec §16), each in
 * one school, so that the site shows what each sign looks like — and honest
 * strong and weak schools show none. A stream of its own, applied after every
 * other draw: the rest of the demo stays as it was.
 *
 * - СОШ № 3, ВПР 2025, Russian in grade 4: the pupils one or two points short
 *   of «4» get it (a pile at the threshold);
 * - СОШ № 4, ВПР 2025, maths in grade 4: the same total, but points moved
 *   from the basic tasks to the harder ones (hard done better than easy);
 * - Школа «Ступени», ВПР 2024 in grade 8: Russian lifted by a fifth of the maximum, maths less,
 *   which the same pupils' ОГЭ of 2025 does not confirm.
 */
import { mulberry32, type Rows } from './random.ts';
import { markOf, VPR, vpr4MathTasks } from './scales.ts';

const rnd = mulberry32(20261207);

/** Reads and writes a results table's cells by column name. */
function columns(t: Rows) {
  const head = t[0] as string[];
  const at = (name: string) => head.indexOf(name);
  return { at, rows: t.slice(1) };
}

export function plantSigns(years: { year: number; vpr: Rows }[]): void {
  for (const { year, vpr } of years) {
    const { at, rows } = columns(vpr);
    const [school, subject, grade, primary, mark] = ['school_id', 'subject', 'grade', 'primary_score', 'mark'].map(at);
    const tasks = vpr4MathTasks.map((t) => at(`task_${t.task}`));
    const setScore = (r: Rows[number], score: number) => {
      r[primary] = score;
      r[mark] = markOf(score, VPR[`${r[grade]} ${r[subject]}`]);
    };
    for (const r of rows) {
      const scale = VPR[`${r[grade]} ${r[subject]}`];
      if (year === 2025 && r[school] === '103' && r[grade] === 4 && r[subject] === 'rus') {
        const c = scale[2];
        const s = Number(r[primary]);
        if (s === c - 2 || s === c - 1) setScore(r, c + Math.floor(rnd() * 2));
      }
      if (year === 2025 && r[school] === '104' && r[grade] === 4 && r[subject] === 'math') {
        // Points move from basic tasks (1–8) to the harder ones (9–12), as far as the harder ones have room.
        const got = tasks.map((i) => Number(r[i]));
        let move = 1 + Math.floor(rnd() * 3);
        for (let h = 8; h < 12 && move > 0; h++)
          for (let b = 7; b >= 0 && move > 0 && got[h] < vpr4MathTasks[h].max; b--) if (got[b] > 0) (got[b]--, got[h]++, move--);
        tasks.forEach((i, k) => (r[i] = got[k]));
      }
      if (year === 2024 && r[school] === '112' && r[grade] === 8) {
        // Russian by a fifth of its maximum, maths by a twelfth (more would stand out as a jump in the next year's ВПР).
        const lift = Math.round(scale[0] * (r[subject] === 'rus' ? 0.15 + 0.1 * rnd() : 0.06 + 0.04 * rnd()));
        setScore(r, Math.min(scale[0], Number(r[primary]) + lift));
      }
    }
  }
}
