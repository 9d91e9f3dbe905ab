/**
 * Rules of the inputs of pupils' progress (spec §13): pupil codes that are
 * codes and not personal data, one school per code, one result per code and
 * subject; pairs of procedures that can follow each other.
 */
import type { IssueLog } from './issues.ts';
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

// A СНИЛС: 11 digits, often written 123-456-789 01; its last two digits are a checksum of the first nine.
const SNILS_WRITTEN = /^\d{3}-\d{3}-\d{3}[ -]\d{2}$/;
const digitsOf = (v: string) => v.replace(/[\s-]/g, '');
function snilsChecksumOk(d: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (9 - i);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return check === Number(d.slice(9));
}
const looksLikeSnils = (v: string) => SNILS_WRITTEN.test(v) || (/^\d{11}$/.test(digitsOf(v)) && snilsChecksumOk(digitsOf(v)));
// A passport: series of 4 digits and number of 6 (45 10 123456, 4510 123456, 4510123456).
const looksLikePassport = (v: string) => /^\d{2} ?\d{2} ?№? ?\d{6}$/.test(v.trim());

interface Coded {
  line: number;
  school_id: string;
  subject: string;
  grade?: number;
  student_id?: string;
}

/** Pupil codes of one results file of a year. */
export function checkStudentIds(file: string, rows: readonly Coded[] | undefined, schoolName: (id: string) => string, log: IssueLog): void {
  const coded = (rows ?? []).filter((r) => r.student_id);
  if (coded.length === 0) return;
  for (const [what, looks, written] of [
    ['СНИЛС', looksLikeSnils, SNILS_WRITTEN.test.bind(SNILS_WRITTEN)],
    ['номер паспорта', looksLikePassport, (v: string) => /\d{2} ?\d{2} \d{6}/.test(v)],
  ] as const) {
    const like = coded.filter((r) => looks(r.student_id!));
    // A column of bare numbers is flagged when most of it looks so; a code written the way the document is written, at once.
    if (like.length === 0 || (like.length * 2 < coded.length && !like.some((r) => written(r.student_id!)))) continue;
    log.error({
      file, line: like[0].line, column: 'student_id',
      message: `Коды обучающихся похожи на ${what} (${like.length} из ${coded.length}). Это персональные данные: такие файлы не обрабатываются. Замените их обезличенными кодами, которые ИМЦ присваивает сам и хранит у себя.`,
      found: `значение вида ${what}`, expected: 'обезличенный код обучающегося, например S-000123',
    });
    return;
  }
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
  }
}
