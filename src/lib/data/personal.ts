/**
 * Personal data in the values of a column: a СНИЛС or a passport number typed
 * where a code belongs. Any such file is refused with one error naming the
 * file, the row and the column — never the value, which must not reach a log
 * that may be shown to others.
 */
import type { IssueLog } from './issues.ts';

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

const KINDS = [
  { what: 'СНИЛС', looks: looksLikeSnils, written: (v: string) => SNILS_WRITTEN.test(v) },
  { what: 'номер паспорта', looks: looksLikePassport, written: (v: string) => /\d{2} ?\d{2} \d{6}/.test(v) },
] as const;

const WHAT: Record<string, string> = { participant_id: 'Коды участников', student_id: 'Коды обучающихся' };

/**
 * Reports a column whose values look like a СНИЛС or a passport number; true when it did. A column of bare
 * numbers is flagged when most of it looks so (11-digit codes with a valid checksum happen by chance); a value
 * written the way the document is written, at once.
 */
export function reportPersonalValues(file: string, column: string, values: readonly { line: number; value: string }[], log: IssueLog): boolean {
  if (values.length === 0) return false;
  for (const k of KINDS) {
    const like = values.filter((v) => k.looks(v.value));
    if (like.length === 0 || (like.length * 2 < values.length && !like.some((v) => k.written(v.value)))) continue;
    log.error({
      file, line: like[0].line, column,
      message: `${WHAT[column] ?? 'Значения столбца'} похожи на ${k.what} (${like.length} из ${values.length}). Это персональные данные: такие файлы не обрабатываются. Замените их обезличенными кодами, которые ИМЦ присваивает сам и хранит у себя, или уберите столбец.`,
      found: `значение вида ${k.what}`, expected: column === 'student_id' ? 'обезличенный код обучающегося, например S-000123' : column === 'participant_id' ? 'обезличенный код участника, например A-0001' : 'столбец без персональных данных',
    });
    return true;
  }
  return false;
}
