/** The demo's ГИА-11 and ГИА-9 of one school in one year, with the essay, the interview and the graduates. */
import { chance, clamp, normal, pick, rnd } from './random.ts';
import {
  EGE_ELECTIVES,
  EGE_MEAN,
  egeMathTasks,
  egeRusTasks,
  markOf,
  OGE,
  OGE_ELECTIVES,
  ogeMathTasks,
  ogeRusTasks,
  primaryOf,
  splitTasks,
  taskNoise,
} from './scales.ts';
import { size, type DemoSchool } from './schools.ts';
import type { YearTables } from './tables.ts';

/** ЕГЭ and ГВЭ-11, past years' graduates and the essay; returns the number of graduates of grade 11. */
export function gia11(t: YearTables, s: DemoSchool, y: number, str: number): number {
  const n11 = size(s.g11);
  for (let k = 0; k < n11; k++) {
    const id = t.nextId();
    const ability = str + normal() * 0.9;
    const ovz = chance(0.03);
    const gve = ovz && chance(0.6);
    const medal = ability > 1.3 && chance(0.7);
    const subjects = ['rus', y === 2021 || ability > -0.2 ? 'math_prof' : 'math_base'];
    if (y === 2021 && ability < -0.6) subjects.pop(); // в 2021 году ЕГЭ по математике сдавали только поступающие в вузы
    const nElect = y === 2021 ? 2 : ability > 0 ? 2 : chance(0.5) ? 1 : 0;
    while (subjects.length < 2 + nElect) {
      const e = pick(EGE_ELECTIVES);
      if (!subjects.includes(e)) subjects.push(e);
    }
    for (const subj of subjects) {
      const schoolMark = clamp(3.9 + ability * 0.7 + normal() * 0.4, 3, 5);
      if (gve) {
        if (subj !== 'rus' && !subj.startsWith('math')) continue;
        const mark = clamp(3.4 + ability * 0.6 + normal() * 0.6, 2, 5);
        t.ege.push([id, s.id, subj === 'rus' ? 'rus' : 'math', 'ГВЭ', 'ВТГ', undefined, undefined, mark, schoolMark, undefined, 1]);
        continue;
      }
      if (subj === 'math_base') {
        const primary = clamp(14 + ability * 3 + normal() * 3, 0, 21);
        const mark = primary >= 17 ? 5 : primary >= 12 ? 4 : primary >= 7 ? 3 : 2;
        t.ege.push([id, s.id, subj, 'ЕГЭ', 'ВТГ', undefined, primary, mark, schoolMark, medal ? 1 : undefined, ovz ? 1 : undefined]);
        continue;
      }
      const score = clamp(EGE_MEAN[subj] + ability * 9 + normal() * 9, 0, 100);
      t.ege.push([
        id,
        s.id,
        subj,
        'ЕГЭ',
        'ВТГ',
        score,
        undefined,
        undefined,
        schoolMark,
        medal ? 1 : undefined,
        ovz ? 1 : undefined,
        ...egeTasks(y, subj, score),
      ]);
    }
    t.essay.push([id, s.id, chance(0.97 + ability * 0.01) ? 'зачёт' : 'незачёт', 1]);
  }
  // ЕГЭ выпускников прошлых лет: counted apart, never in indicators.
  if (s.g11 > 20)
    for (let k = 0; k < 2; k++)
      t.ege.push([
        t.nextId(),
        s.id,
        'rus',
        'ЕГЭ',
        'ВПЛ',
        clamp(60 + normal() * 15, 0, 100),
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
  // 2025: a graduate of a college (СПО) sits Russian too — counted among participants, never in indicators (its own stream).
  if (y === 2025 && s.g11 > 20) {
    const score = clamp(55 + taskNoise() * 12, 0, 100);
    t.ege.push([
      `${y}-SPO-${s.id}`,
      s.id,
      'rus',
      'ЕГЭ',
      'СПО',
      score,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      ...egeTasks(y, 'rus', score),
    ]);
  }
  // retakes of the essay for those who failed
  for (const row of t.essay.slice(1))
    if (row[1] === s.id && row[2] === 'незачёт' && row[3] === 1 && chance(0.9))
      t.essay.push([row[0], s.id, chance(0.8) ? 'зачёт' : 'незачёт', 2]);
  return n11;
}

/** ОГЭ and ГВЭ-9 with the interview, then the graduates of grades 9 and 11. */
export function gia9(t: YearTables, s: DemoSchool, y: number, str: number, n11: number): void {
  const n9 = size(s.g9);
  let fails9 = 0;
  for (let k = 0; k < n9; k++) {
    const id = t.nextId();
    const ability = str + normal() * 0.9;
    const ovz = chance(0.04);
    const gve = ovz && chance(0.6);
    const subjects = ['rus', 'math'];
    if (y > 2021)
      while (subjects.length < 4) {
        const e = pick(OGE_ELECTIVES);
        if (!subjects.includes(e)) subjects.push(e);
      }
    let failed = false;
    for (const subj of subjects) {
      const schoolMark = clamp(3.8 + ability * 0.7 + normal() * 0.45 + (s.id === '105' ? 0.5 : 0), 3, 5);
      if (gve) {
        if (subj !== 'rus' && subj !== 'math') continue;
        t.oge.push([id, s.id, subj, 'ГВЭ', undefined, clamp(3.5 + ability * 0.5 + normal() * 0.6, 2, 5), schoolMark, 1]);
        continue;
      }
      const sc = OGE[subj];
      const primary = clamp(sc[0] * (0.6 + ability * 0.14 + normal() * 0.14), 0, sc[0]);
      const mark = markOf(primary, sc);
      if (mark === 2) failed = true;
      const tasks = y === 2025 && subj === 'math' ? splitTasks(primary, ogeMathTasks) : [];
      // ОГЭ Russian of 2025 by task, from the task stream: the math tasks' draws stay as they were.
      const rusTasks = y === 2025 && subj === 'rus' ? splitTasks(primary, ogeRusTasks, taskNoise) : [];
      t.oge.push([
        id,
        s.id,
        subj,
        'ОГЭ',
        primary,
        mark,
        schoolMark,
        ovz ? 1 : undefined,
        ...(y === 2025 ? (subj === 'math' ? tasks : ogeMathTasks.map((_, i) => rusTasks[i])) : []),
      ]);
    }
    if (failed) fails9++;
    t.interview.push([id, s.id, chance(0.985) ? 'зачёт' : 'незачёт', 1]);
  }
  for (const row of t.interview.slice(1))
    if (row[1] === s.id && row[2] === 'незачёт' && row[3] === 1) t.interview.push([row[0], s.id, 'зачёт', 2]);

  // graduates
  if (n9 > 0) {
    const cert = n9 - Math.round(fails9 * 0.4);
    const cont = Math.round(cert * (s.g11 > 0 ? 0.5 : 0));
    const spo = cert - cont - Math.min(cert - cont, Math.round(rnd() * 2));
    t.grads.push([s.id, 9, n9, n9, cert, Math.max(0, Math.round(n9 * 0.05 * (1 + str))), n9 - cert, cont, spo, cert - cont - spo]);
  }
  if (n11 > 0)
    t.grads.push([
      s.id,
      11,
      n11,
      n11,
      n11 - (chance(0.2) ? 1 : 0),
      Math.max(0, Math.round(n11 * (0.06 + 0.04 * str))),
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
}

/** ЕГЭ Russian and profile maths of 2025 by task (spec §14), from the task stream; empty cells for the rest. */
function egeTasks(y: number, subj: string, score: number): (number | undefined)[] {
  if (y !== 2025) return [];
  const tasks = subj === 'rus' ? egeRusTasks : subj === 'math_prof' ? egeMathTasks : undefined;
  const split = tasks ? splitTasks(primaryOf(score, tasks), tasks, taskNoise) : [];
  return egeRusTasks.map((_, i) => split[i]);
}
