import type { IssueLog } from './issues.ts';
import { indexScales } from './reference-index.ts';
import type { Dataset } from './tables.ts';
import { CONTEXT_VARIABLES } from './results/context.ts';
import { RESULTS_FILES, type ResultsFileName } from './results/index.ts';
import { checkMechanisms } from './mechanism-checks.ts';
import { isKindergarten } from './mechanisms.ts';
import { checkPlausibility } from './plausibility.ts';
import { checkProgressInputs } from './progress-checks.ts';
import { closest } from './similar.ts';
import type { EgeRow, OgeRow, Scale, VprRow } from './tables.ts';

type Keyed = Record<string, unknown> & { line: number; school_id: string };

/** Cross-file rules: codes that must exist, unique keys, consistency, reference rows. */
export function checkDataset(d: Dataset, log: IssueLog): void {
  const schoolIds = new Map<string, number>();
  const schoolById = new Map(d.schools.map((s) => [s.school_id, s]));
  for (const s of d.schools) {
    if (schoolIds.has(s.school_id)) log.error({ file: 'schools.csv', line: s.line, column: 'school_id', message: `Код ОО повторяется (впервые — в строке ${schoolIds.get(s.school_id)}).`, found: s.school_id, expected: 'уникальный код каждой школы' });
    else schoolIds.set(s.school_id, s.line);
  }
  for (const s of d.schools) {
    if (s.successor_id && !schoolIds.has(s.successor_id)) log.error({ file: 'schools.csv', line: s.line, column: 'successor_id', message: 'Правопреемник не найден в реестре.', found: s.successor_id, expected: 'код ОО из этого же файла' });
  }
  const seenSubj = new Set<string>();
  d.subjects.forEach((s) => {
    if (seenSubj.has(s.code)) log.error({ file: 'reference/subjects.csv', column: 'code', message: 'Код предмета повторяется.', found: s.code, expected: 'уникальный код' });
    seenSubj.add(s.code);
  });

  const scaleOf = indexScales(d.scales);
  const missingScale = new Set<string>();
  const needScale = (file: string, line: number, year: number, procedure: Scale['procedure'], subject: string, grade?: number) => {
    const s = scaleOf(year, procedure, subject, grade);
    if (s) return s;
    const key = `${year},${procedure},${subject},${grade ?? ''}`;
    if (!missingScale.has(key)) {
      missingScale.add(key);
      log.error({
        file: 'reference/scales.csv',
        message: `Нет шкалы для ${year} года (${procedure}, ${subject}${grade ? `, ${grade} класс` : ''}); она нужна для data/${file}, строка ${line}.`,
        expected: `строка «${year},${procedure},${subject},${grade ?? ''},<максимальный балл>,<минимальный балл>,<отметка 4 от>,<отметка 5 от>» в data/reference/scales.csv`,
      });
    }
    return undefined;
  };

  const schoolHint = schoolHints(d, schoolIds);
  for (const [year, res] of d.years) {
    const dirRel = `results/${year}`;
    const checkSchools = (file: string, rows: readonly Keyed[] | undefined) => {
      for (const r of rows ?? []) {
        // A mechanism's municipal row has no organisation.
        if (r.school_id === undefined) continue;
        const kindergarten = file === 'mechanisms.csv' ? undefined : schoolById.get(r.school_id);
        if (isKindergarten(kindergarten?.kind)) {
          log.error({ file: `${dirRel}/${file}`, line: r.line, column: 'school_id', message: `Это код детского сада «${kindergarten!.name}» (тип «${kindergarten!.kind}» в schools.csv): у детских садов бывают только показатели механизмов (mechanisms.csv).`, found: r.school_id, expected: 'код школы из data/schools.csv' });
          continue;
        }
        if (schoolIds.has(r.school_id)) continue;
        const hint = schoolHint(r, year, file);
        log.error({ file: `${dirRel}/${file}`, line: r.line, column: 'school_id', message: `${file === 'mechanisms.csv' ? 'Организации' : 'Школы'} с таким кодом нет в реестре schools.csv.${hint}`, found: r.school_id, expected: 'код ОО из data/schools.csv' });
      }
      const closedWarned = new Set<string>();
      for (const r of rows ?? []) {
        const s = schoolById.get(r.school_id);
        if (s?.closed !== undefined && year > s.closed && !closedWarned.has(s.school_id)) {
          closedWarned.add(s.school_id);
          log.warn({ file: `${dirRel}/${file}`, line: r.line, column: 'school_id', message: `Школа «${s.name}» закрыта в ${s.closed} году, но у неё есть результаты ${year} года.`, found: r.school_id });
        }
      }
    };
    // Every results file: school codes that exist, and no row twice (its key is declared with its columns).
    const unique = (file: string, rows: readonly Keyed[] | undefined, key: { columns: readonly string[]; what: string } | undefined) => {
      if (!key) return;
      const seen = new Map<string, number>();
      for (const r of rows ?? []) {
        // Joined by hand: an array and a join per row cost a region's million rows a second.
        let k = String(r[key.columns[0]] ?? '');
        for (let i = 1; i < key.columns.length; i++) k += `\u0000${String(r[key.columns[i]] ?? '')}`;
        const first = seen.get(k);
        if (first !== undefined) log.error({ file: `${dirRel}/${file}`, line: r.line, message: `Повторная строка: ${key.what} уже есть в строке ${first}. В файле должен быть только итоговый результат.`, found: k.replace(/\u0000/g, ', ') });
        else seen.set(k, r.line);
      }
    };
    // Rules of a file's own rows, against the reference (scales) or within the row.
    const rowChecks: { [N in ResultsFileName]?: () => void } = {
      ege: () => res.ege?.forEach((r) => checkEge(r, `${dirRel}/ege.csv`, year, log, needScale)),
      oge: () => res.oge?.forEach((r) => checkOge(r, `${dirRel}/oge.csv`, year, log, needScale)),
      vpr: () => res.vpr?.forEach((r) => checkVpr(r, `${dirRel}/vpr.csv`, year, log, needScale)),
      diagnostics: () => {
        for (const r of res.diagnostics ?? []) {
          if (r.primary_score > r.max_score) log.error({ file: `${dirRel}/diagnostics.csv`, line: r.line, column: 'primary_score', message: 'Первичный балл больше максимального.', found: String(r.primary_score), expected: `не больше ${r.max_score}` });
          if (r.min_score > r.max_score) log.error({ file: `${dirRel}/diagnostics.csv`, line: r.line, column: 'min_score', message: 'Минимальный балл больше максимального.', found: String(r.min_score), expected: `не больше ${r.max_score}` });
        }
      },
      graduates: () => {
        for (const r of res.graduates ?? []) {
          for (const k of ['admitted', 'certificates', 'honours', 'repeat', 'continued_school', 'continued_spo', 'not_continuing'] as const) {
            const v = r[k];
            if (v !== undefined && v > r.students) log.error({ file: `${dirRel}/graduates.csv`, line: r.line, column: k, message: 'Число больше, чем выпускников (students).', found: String(v), expected: `не больше ${r.students}` });
          }
        }
      },
      context: () => {
        for (const r of res.context ?? []) {
          for (const v of CONTEXT_VARIABLES) {
            const n = r[v.key];
            if (n !== undefined && n > r.students)
              log.error({ file: `${dirRel}/context.csv`, line: r.line, column: v.key, message: `Детей «${v.name}» больше, чем обучающихся в школе.`, found: String(n), expected: `не больше ${r.students}` });
          }
        }
        // A condition given for some schools only cannot be compared across them: it stays out of the year's index.
        for (const v of CONTEXT_VARIABLES) {
          const without = (res.context ?? []).filter((r) => r[v.key] === undefined);
          if (without.length === 0 || without.length === res.context!.length) continue;
          log.warn({
            file: `${dirRel}/context.csv`,
            column: v.key,
            message: `Столбец заполнен не для всех школ, поэтому в индекс условий ${year} года не входит. Не заполнен у: ${without.map((r) => schoolById.get(r.school_id)?.name ?? r.school_id).join(', ')}.`,
          });
        }
      },
      monitoring: () => {
        for (const r of res.monitoring ?? []) {
          const f = `${dirRel}/monitoring.csv`;
          if (r.no_fail > r.students) log.error({ file: f, line: r.line, column: 'no_fail', message: 'Успевающих больше, чем аттестованных.', found: String(r.no_fail), expected: `не больше ${r.students}` });
          if (r.good > r.no_fail) log.error({ file: f, line: r.line, column: 'good', message: 'Обучающихся на «4» и «5» больше, чем успевающих.', found: String(r.good), expected: `не больше ${r.no_fail}` });
          if (r.excellent !== undefined && r.excellent > r.good) log.error({ file: f, line: r.line, column: 'excellent', message: 'Отличников больше, чем обучающихся на «4» и «5».', found: String(r.excellent), expected: `не больше ${r.good}` });
        }
      },
    };
    for (const f of RESULTS_FILES) {
      // A mechanism's municipal row has no school code: the checks below skip it.
      const rows = res[f.name] as readonly Keyed[] | undefined;
      checkSchools(`${f.name}.csv`, rows);
      unique(`${f.name}.csv`, rows, f.unique);
      rowChecks[f.name]?.();
    }
    checkTasks(d, year, res, log);
    if (res.ege?.some((r) => r.form === 'ЕГЭ' && r.school_mark !== undefined && r.subject !== 'math_base')) {
      const subjects = new Set(res.ege.filter((r) => r.form === 'ЕГЭ' && r.school_mark !== undefined && r.subject !== 'math_base').map((r) => r.subject));
      for (const s of subjects) {
        if (!d.egeMarks.some((m) => m.year === year && m.subject === s)) log.error({ file: 'reference/ege-marks.csv', message: `Нет перевода тестовых баллов ЕГЭ в отметки для ${year} года, предмет ${s}; он нужен для сравнения с отметками в аттестате.`, expected: `строка «${year},${s},<отметка 3 от>,<отметка 4 от>,<отметка 5 от>»` });
      }
    }
  }
  checkMechanisms(d, log);
  checkProgressInputs(d, log);
  checkPlausibility(d, log);
}

type NeedScale = (file: string, line: number, year: number, p: Scale['procedure'], subject: string, grade?: number) => Scale | undefined;

function checkEge(r: EgeRow, file: string, year: number, log: IssueLog, needScale: NeedScale) {
  if (r.form === 'ГВЭ') {
    if (r.mark === undefined) log.error({ file, line: r.line, column: 'mark', message: 'Для ГВЭ нужна отметка.', found: '', expected: 'отметка от 2 до 5' });
    if (r.subject === 'math_base' || r.subject === 'math_prof') log.error({ file, line: r.line, column: 'subject', message: 'В ГВЭ математика не делится на уровни.', found: r.subject, expected: 'math («Математика»)' });
    return;
  }
  if (r.subject === 'math') {
    log.error({ file, line: r.line, column: 'subject', message: 'В ЕГЭ нужно указать уровень математики.', found: r.subject, expected: 'math_base (базовый уровень) или math_prof (профильный уровень)' });
    return;
  }
  if (r.subject === 'math_base') {
    if (r.mark === undefined) log.error({ file, line: r.line, column: 'mark', message: 'Для базовой математики нужна отметка.', found: '', expected: 'отметка от 2 до 5' });
    if (r.primary_score === undefined) log.error({ file, line: r.line, column: 'primary_score', message: 'Для базовой математики нужен первичный балл.', found: '', expected: 'целое число не меньше 0' });
    const s = needScale(file, r.line, year, 'ege', r.subject);
    if (s && r.primary_score !== undefined) {
      if (r.primary_score > s.max_score) log.error({ file, line: r.line, column: 'primary_score', message: 'Первичный балл больше максимального по шкале.', found: String(r.primary_score), expected: `не больше ${s.max_score}` });
      else warnMark(r.primary_score, r.mark, s, file, r.line, log);
    }
    return;
  }
  if (r.test_score === undefined) {
    log.error({ file, line: r.line, column: 'test_score', message: 'Для ЕГЭ нужен тестовый балл.', found: '', expected: 'целое число от 0 до 100' });
    return;
  }
  needScale(file, r.line, year, 'ege', r.subject);
}

function checkOge(r: OgeRow, file: string, year: number, log: IssueLog, needScale: NeedScale) {
  if (r.form === 'ГВЭ') return;
  if (r.primary_score === undefined) {
    log.error({ file, line: r.line, column: 'primary_score', message: 'Для ОГЭ нужен первичный балл.', found: '', expected: 'целое число не меньше 0' });
    return;
  }
  const s = needScale(file, r.line, year, 'oge', r.subject);
  if (!s) return;
  if (r.primary_score > s.max_score) log.error({ file, line: r.line, column: 'primary_score', message: 'Первичный балл больше максимального по шкале.', found: String(r.primary_score), expected: `не больше ${s.max_score} (data/reference/scales.csv)` });
  else warnMark(r.primary_score, r.mark, s, file, r.line, log);
}

function checkVpr(r: VprRow, file: string, year: number, log: IssueLog, needScale: NeedScale) {
  const s = needScale(file, r.line, year, 'vpr', r.subject, r.grade);
  if (!s) return;
  if (r.primary_score > s.max_score) log.error({ file, line: r.line, column: 'primary_score', message: 'Первичный балл больше максимального по шкале.', found: String(r.primary_score), expected: `не больше ${s.max_score} (data/reference/scales.csv)` });
  else warnMark(r.primary_score, r.mark, s, file, r.line, log);
}

/** The mark a primary score gives on a scale, when the scale has all thresholds. */
export function markOf(score: number, s: Scale): number | undefined {
  if (s.min_score === undefined || s.mark4_from === undefined || s.mark5_from === undefined) return undefined;
  return score >= s.mark5_from ? 5 : score >= s.mark4_from ? 4 : score >= s.min_score ? 3 : 2;
}

function warnMark(score: number, mark: number | undefined, s: Scale, file: string, line: number, log: IssueLog) {
  const expected = markOf(score, s);
  if (expected !== undefined && mark !== undefined && expected !== mark) {
    log.warn({ file, line, column: 'mark', message: `Отметка не соответствует шкале перевода (первичный балл ${score}).`, found: String(mark), expected: `${expected} по data/reference/scales.csv` });
  }
}


function checkTasks(d: Dataset, year: number, res: Dataset['years'] extends Map<number, infer R> ? R : never, log: IssueLog) {
  // The tasks of each work, so that a pupil's twenty scores are looked up in one small map, not by a key each.
  const workKey = (y: number, proc: string, subject: string, grade: number | undefined) => `${y}|${proc}|${subject}|${grade ?? ''}`;
  const info = new Map<string, Map<string, (typeof d.tasks)[number]>>();
  for (const t of d.tasks) {
    const work = workKey(t.year, t.procedure, t.subject, t.grade);
    (info.get(work) ?? info.set(work, new Map()).get(work)!).set(t.task, t);
  }
  // Missing task descriptions are gathered per work, so that 25 tasks of a new season make one message.
  const missing = new Map<string, { proc: string; subject: string; grade?: number; file: string; line: number; tasks: Set<string> }>();
  const files = [
    ['ege', res.ege, 'ege.csv'],
    ['oge', res.oge, 'oge.csv'],
    ['vpr', res.vpr, 'vpr.csv'],
  ] as const;
  for (const [proc, rows, file] of files) {
    for (const r of (rows ?? []) as (EgeRow | OgeRow | VprRow)[]) {
      if (!r.tasks) continue;
      const grade = 'grade' in r ? r.grade : undefined;
      const ofWork = info.get(workKey(year, proc, r.subject, grade));
      for (const [task, score] of Object.entries(r.tasks)) {
        const t = ofWork?.get(task);
        if (!t) {
          const work = `${proc}|${r.subject}|${grade ?? ''}`;
          if (!missing.has(work)) missing.set(work, { proc, subject: r.subject, grade, file, line: r.line, tasks: new Set() });
          missing.get(work)!.tasks.add(task);
        } else if (score > t.max_score) log.error({ file: `results/${year}/${file}`, line: r.line, column: `task_${task.replace(/\./g, '_')}`, message: `Балл за задание ${task} больше максимального.`, found: String(score), expected: `не больше ${t.max_score}` });
      }
    }
  }
  // A tasks file that could not be read (given twice, broken) has said so: its descriptions are not missing one by one.
  const unread = log.errors.some((e) => /^reference\/tasks\.(csv|xlsx)/.test(e.file) && !e.message.startsWith('Нет описания'));
  for (const m of unread ? [] : missing.values()) {
    const tasks = [...m.tasks];
    log.error({
      file: 'reference/tasks.csv',
      message: `Нет описания ${tasks.length === 1 ? 'задания' : 'заданий'} ${tasks.join(', ')} (${year}, ${m.proc}, ${m.subject}${m.grade ? `, ${m.grade} класс` : ''}); ${tasks.length === 1 ? 'оно нужно' : 'они нужны'} для data/results/${year}/${m.file}, строка ${m.line}.`,
      expected: `по строке на задание, например «${year},${m.proc},${m.subject},${m.grade ?? ''},${tasks[0]},<максимальный балл>,<базовый|повышенный|высокий>,<проверяемое умение>»`,
    });
  }
}

/**
 * «Возможно, имелся в виду код …» for a school code not in the register, from the row's context: the school
 * where the same pupil's code appears in the other files, or else the nearest code among the schools that
 * have results in this file (and grade) — a «170» in ЕГЭ is not the primary school «110».
 */
function schoolHints(d: Dataset, known: ReadonlyMap<string, number>) {
  const name = (id: string) => d.schools.find((s) => s.school_id === id)?.name ?? id;
  let pupils: Map<string, Set<string>> | undefined;
  let takers: Map<string, Set<string>> | undefined;
  const index = () => {
    pupils = new Map();
    takers = new Map();
    const add = (m: Map<string, Set<string>>, k: string, v: string) => (m.get(k) ?? m.set(k, new Set()).get(k)!).add(v);
    for (const [year, res] of d.years)
      for (const f of RESULTS_FILES)
        for (const r of (res[f.name] ?? []) as readonly Keyed[]) {
          if (!known.has(r.school_id)) continue;
          if (typeof r.student_id === 'string' && r.student_id) add(pupils, `s|${r.student_id}`, r.school_id);
          if (typeof r.participant_id === 'string' && r.participant_id) add(pupils, `p|${year}|${r.participant_id}`, r.school_id);
          add(takers, `${f.name}|${r.grade ?? ''}`, r.school_id);
        }
  };
  return (r: Keyed, year: number, file: string): string => {
    if (!pupils) index();
    const same = [typeof r.student_id === 'string' ? `s|${r.student_id}` : '', typeof r.participant_id === 'string' ? `p|${year}|${r.participant_id}` : '']
      .map((k) => (k ? pupils!.get(k) : undefined))
      .find((x) => x?.size === 1);
    if (same) {
      const id = [...same][0];
      return ` Возможно, имелся в виду код «${id}» («${name(id)}»): этот же участник есть в других файлах с этим кодом школы.`;
    }
    const fit = takers!.get(`${file.replace(/\.csv$/, '')}|${r.grade ?? ''}`);
    const id = closest(r.school_id, fit ?? known.keys());
    if (!id) return '';
    return ` Возможно, имелся в виду код «${id}» («${name(id)}»${fit ? `: у этой школы есть результаты в этом файле${r.grade !== undefined ? ` по ${r.grade} классу` : ''}` : ''}).`;
  };
}
