/** The demo's ВПР, diagnostic work, olympiad and internal monitoring of one school in one year. */
import { clamp, normal, pick, rnd } from './random.ts';
import { markOf, VPR, splitTasks, vpr4MathTasks } from './scales.ts';
import { size, type DemoSchool } from './schools.ts';
import type { YearTables } from './tables.ts';

/** ВПР in grades 4–8 and the diagnostic work of grade 8. */
export function assessments(t: YearTables, s: DemoSchool, y: number, str: number): void {
  // ВПР, grades 4–8
  for (const g of [4, 5, 6, 7, 8]) {
    const nG = g === 4 ? size(s.g4) : s.g9 === 0 ? 0 : size(s.g9);
    const letters = nG > 30 ? ['А', 'Б'] : ['А'];
    for (let k = 0; k < nG; k++) {
      const id = t.nextId();
      const ability = str + normal() * 0.9;
      const klass = `${g}${letters[k % letters.length]}`;
      for (const subj of g === 4 ? ['rus', 'math', 'okr'] : ['rus', 'math']) {
        const sc = VPR[`${g} ${subj}`];
        // School 105 grades ВПР generously in 2024–2025: the objectivity rule flags it.
        const inflated = s.id === '105' && y >= 2024 && g === 5 ? 1.2 : 0;
        const primary = clamp(sc[0] * (0.58 + ability * 0.13 + normal() * 0.12) + inflated * sc[0] * 0.1, 0, sc[0]);
        const mark = markOf(primary, sc);
        const journal = clamp(mark + 0.2 + normal() * 0.6 + (s.id === '105' && g !== 5 ? 0.8 : 0), 2, 5);
        const tasks =
          y >= 2024 && g === 4 && subj === 'math'
            ? splitTasks(primary, vpr4MathTasks)
            : y >= 2024
              ? vpr4MathTasks.map(() => undefined)
              : [];
        t.vpr.push([id, s.id, subj, g, klass, primary, mark, journal, ...tasks]);
      }
    }
  }

  // diagnostic work: функциональная грамотность, grade 8, 2023–2025
  if (y >= 2023 && s.g9 > 0) {
    for (let k = 0; k < size(s.g9); k++)
      t.diag.push([
        t.nextId(),
        s.id,
        'fg-mat',
        'Функциональная грамотность: математическая',
        8,
        undefined,
        clamp(11 + str * 3 + normal() * 3.5, 0, 20),
        20,
        7,
      ]);
  }
}

/** The olympiad's stages and the school's own monitoring. */
export function schoolLife(t: YearTables, s: DemoSchool, str: number): void {
  // olympiad: school stage for grades 5–11, some go on
  const pool = Math.round((s.g4 + s.g9 + s.g11) * 0.8);
  for (let k = 0; k < pool; k++) {
    const id = t.nextId();
    const ability = str + normal();
    const grade = 5 + Math.floor(rnd() * 7);
    const subj = pick(['rus', 'math', 'bio', 'hist', 'eng', 'soc', 'phys', 'chem', 'geo', 'lit']);
    // A stage's row: status by the participant's form there (x), score around `base`.
    const stage = (name: string, x: number, win: number, prize: number, base: number) =>
      t.olymp.push([id, s.id, subj, grade, name, x > win ? 'победитель' : x > prize ? 'призёр' : 'участник', clamp(base + x * 15, 0, 100)]);
    stage('школьный', ability, 1.3, 0.9, 50);
    if (grade >= 7 && ability > 1.0) {
      const m = ability + normal() * 0.5;
      stage('муниципальный', m, 2, 1.5, 45);
      if (grade >= 9 && m > 1.6) stage('региональный', m + normal() * 0.5, 2.6, 2.1, 40);
    }
  }

  // internal monitoring, grades 2–11 that the school teaches
  const topGrade = s.g11 > 0 ? 11 : s.g9 > 0 ? 9 : 4;
  for (const period of ['1 полугодие', '2 полугодие'] as const) {
    for (let g = 2; g <= topGrade; g++) {
      const n = size(g <= 4 ? s.g4 : g <= 9 ? s.g9 : s.g11);
      const failing = Math.min(n, Math.max(0, Math.round(n * (0.03 - str * 0.02 + normal() * 0.01))));
      const good = Math.min(n - failing, Math.round(n * (0.45 + str * 0.12 + normal() * 0.05)));
      t.mon.push([
        s.id,
        period,
        g,
        n,
        n - failing,
        good,
        Math.round(good * 0.2),
        failing > 2 ? pick(['математика', 'русский язык', 'физика', 'химия', 'английский язык']) : undefined,
      ]);
    }
  }
}
