/**
 * Rules of the inputs of pupils' progress (spec §13): pupil codes that are
 * codes and not personal data, one school per code, one result per code and
 * subject; pairs of procedures that can follow each other.
 */
import type { IssueLog } from './issues.ts';
import { reportPersonalValues } from './personal.ts';
import type { Dataset, ProgressPair } from './tables.ts';

/** The grade a procedure's results belong to: ОГЭ is grade 9, ЕГЭ grade 11, ВПР as given. */
export const gradeOf = (procedure: string, grade?: number) => (procedure === 'oge' ? 9 : procedure === 'ege' ? 11 : grade);

export function checkProgressPairs(pairs: readonly ProgressPair[], log: IssueLog): void {
  const file = 'reference/progress-pairs.csv';
  for (const p of pairs) {
    if (p.from_procedure === 'vpr' && p.from_grade === undefined) {
      log.error({ file, line: p.line, column: 'from_grade', message: `Для ВПР нужен класс начальной процедуры (пара ${p.id}).`, found: '', expected: 'класс от 4 до 11' });
      continue;
    }
    const from = gradeOf(p.from_procedure, p.from_grade)!;
    const to = gradeOf(p.to_procedure)!;
    if (from + p.lag !== to)
      log.error({
        file, line: p.line, column: 'lag',
        message: `Пара ${p.id}: из ${from} класса через ${p.lag} ${p.lag === 1 ? 'год' : 'года'} ученик будет в ${from + p.lag} классе, а итоговая процедура — в ${to} классе.`,
        found: String(p.lag), expected: `${to - from} (класс итоговой процедуры минус класс начальной)`,
      });
  }
}

interface Coded {
  line: number;
  school_id: string;
  subject: string;
  grade?: number;
  participant_id?: string;
  student_id?: string;
}

/** Pupil codes of one results file of a year. */
export function checkStudentIds(file: string, rows: readonly Coded[] | undefined, schoolName: (id: string) => string, log: IssueLog): void {
  // Personal data in either code column: the same error, naming the column, never the value.
  for (const column of ['participant_id', 'student_id'] as const) {
    const values = (rows ?? []).flatMap((r) => (r[column] ? [{ line: r.line, value: r[column] }] : []));
    if (reportPersonalValues(file, column, values, log)) return;
  }
  const coded = (rows ?? []).filter((r) => r.student_id);
  if (coded.length === 0) return;
  const school = new Map<string, Coded>();
  const result = new Map<string, Coded>();
  for (const r of coded) {
    const first = school.get(r.student_id!);
    if (!first) school.set(r.student_id!, r);
    else if (first.school_id !== r.school_id)
      log.error({
        file, line: r.line, column: 'student_id',
        message: `Один код обучающегося у двух школ: в строке ${first.line} — «${schoolName(first.school_id)}», в строке ${r.line} — «${schoolName(r.school_id)}». За год в файле у ученика одна школа.`,
        found: r.student_id, expected: 'у каждого обучающегося свой код',
      });
    const key = `${r.student_id}\u0000${r.subject}\u0000${r.grade ?? ''}`;
    const same = result.get(key);
    if (!same) result.set(key, r);
    else if (same !== r)
      log.error({
        file, line: r.line, column: 'student_id',
        message: `Два результата одного обучающегося по одному предмету: строки ${same.line} и ${r.line}. В файле должен быть только итоговый результат.`,
        found: r.student_id, expected: 'у каждого обучающегося свой код',
      });
  }
}

export function checkProgressInputs(d: Dataset, log: IssueLog): void {
  checkProgressPairs(d.progressPairs, log);
  const name = (id: string) => d.schools.find((s) => s.school_id === id)?.name ?? id;
  for (const [year, res] of d.years) {
    checkStudentIds(`results/${year}/ege.csv`, res.ege, name, log);
    checkStudentIds(`results/${year}/oge.csv`, res.oge, name, log);
    checkStudentIds(`results/${year}/vpr.csv`, res.vpr, name, log);
    // The other files of participants have no pupil codes to follow, but a participant code may still be a СНИЛС.
    for (const f of ['diagnostics', 'olympiad', 'essay', 'interview'] as const) {
      const values = (res[f] ?? []).flatMap((r) => (r.participant_id ? [{ line: r.line, value: r.participant_id }] : []));
      reportPersonalValues(`results/${year}/${f}.csv`, 'participant_id', values, log);
    }
  }
}
