/**
 * Personal data in the values of a column: a СНИЛС, a passport number, a phone
 * or an e-mail typed where a code belongs, or inside a free text. Any such file is refused with one error naming the
 * file, the row and the column — never the value, which must not reach a log
 * that may be shown to others.
 */
import type { IssueLog } from './issues.ts';
import type { SiteConfig } from './site-config.ts';
import { columnLetter } from './workbook.ts';

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

// A Russian phone: +7 or 8, then ten digits in any grouping (+7 912 345-67-89, 8(912)3456789).
const PHONE = /^(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}$/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

const KINDS = [
  { what: 'СНИЛС', looks: looksLikeSnils, written: (v: string) => SNILS_WRITTEN.test(v) },
  { what: 'номер паспорта', looks: looksLikePassport, written: (v: string) => /\d{2} ?\d{2} \d{6}/.test(v) },
  { what: 'номер телефона', looks: (v: string) => PHONE.test(v.trim()), written: (v: string) => PHONE.test(v.trim()) },
  { what: 'адрес электронной почты', looks: (v: string) => EMAIL.test(v.trim()), written: (v: string) => EMAIL.test(v.trim()) },
] as const;

/**
 * The same kinds inside free text (a roadmap report's note, a mechanism's comment): written forms only, so that a
 * year, a sum or an organisation's ИНН in a sentence is not taken for a person's number. Each has a checker
 * of the whole match (the СНИЛС its checksum).
 */
const IN_TEXT: { what: string; find: RegExp; ok?: (m: string) => boolean }[] = [
  { what: 'СНИЛС', find: /(?<!\d)\d{3}-\d{3}-\d{3}[ -]\d{2}(?!\d)/g, ok: (m) => snilsChecksumOk(digitsOf(m)) },
  { what: 'номер паспорта', find: /(?<!\d)\d{2} ?\d{2} (?:№ ?)?\d{6}(?!\d)/g },
  { what: 'номер телефона', find: /(?<![\d+])(?:\+7|8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}(?!\d)/g },
  { what: 'адрес электронной почты', find: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
];
const MAYBE = /\d{6}|\d[\s()-]\d|@/;

/** What kind of personal data one value is by itself (a cell that holds a phone and nothing else), or undefined. */
export function personalValue(v: string): string | undefined {
  return KINDS.find((k) => k.written(v))?.what;
}

/** An allowed value (the organisation's own phone or address), a phone however it is grouped. */
const lastTen = (s: string) => s.replace(/\D/g, '').slice(-10);
const among = (m: string, allowed: readonly string[]) => allowed.some((a) => a === m || (lastTen(a).length === 10 && lastTen(a) === lastTen(m)));

/** What kind of personal data a free text holds (СНИЛС, passport, phone, e-mail), or undefined. Cheap for plain text. */
export function personalIn(text: string, allowed: readonly string[] = []): string | undefined {
  if (!MAYBE.test(text)) return undefined;
  for (const k of IN_TEXT) for (const m of text.matchAll(k.find)) if ((!k.ok || k.ok(m[0])) && !among(m[0], allowed)) return k.what;
  return undefined;
}

/** The text with every such value replaced by «[скрыто]»: what is published when a free text held one. */
export function redactPersonal(text: string, allowed: readonly string[] = []): string {
  let out = text;
  for (const k of IN_TEXT) out = out.replace(k.find, (m) => ((!k.ok || k.ok(m)) && !among(m, allowed) ? '[скрыто]' : m));
  return out;
}

const WHAT: Record<string, string> = { participant_id: 'Коды участников', student_id: 'Коды обучающихся' };

/**
 * Reports a column whose values look like a СНИЛС, a passport number, a phone or an e-mail; true when it did. A column of bare
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
      message: `${WHAT[column] ?? 'Значения столбца'} похожи на ${k.what} (${like.length} из ${values.length}: ${like.length === 1 ? 'строка' : 'строки'} ${like.slice(0, 10).map((v) => v.line).join(', ')}${like.length > 10 ? ' и другие' : ''}). Это персональные данные: такие файлы не обрабатываются. Замените их обезличенными кодами, которые ИМЦ присваивает сам и хранит у себя, или уберите столбец.`,
      found: `значение вида ${k.what}`, expected: column === 'student_id' ? 'обезличенный код обучающегося, например S-000123' : column === 'participant_id' ? 'обезличенный код участника, например A-0001' : 'столбец без персональных данных',
    });
    return true;
  }
  return false;
}

/**
 * A free text with a phone, a СНИЛС or an e-mail in it: in a results file an error (the file is refused, as for a
 * personal column), elsewhere a warning naming the place, and the value is published with it hidden.
 */
export function freeText(file: string, line: number, column: string, v: string, results: boolean, log: IssueLog): string {
  const kind = personalIn(v);
  if (!kind) return v;
  const message = `В тексте похоже на ${kind}. Персональные данные на сайт не попадают`;
  if (results) log.error({ file, line, column, message: `${message}: уберите их из ячейки.` });
  else log.warn({ file, line, column, message: `${message}: на сайте это место заменено словом «[скрыто]». Уберите их из ячейки.` });
  return redactPersonal(v);
}

/**
 * Cells right of the header's last column: a warning naming them by their letters, never their content (it may be
 * a pupil's name or phone, and warnings are published); personal data there refuses a results file. False when it did.
 */
export function extraCells(file: string, line: number, cells: readonly string[], columns: number, results: boolean, log: IssueLog): boolean {
  const filled = cells.flatMap((c, i) => (i >= columns && c.trim() !== '' ? [i] : []));
  if (filled.length === 0) return true;
  const where = filled.length === 1 ? `ячейка ${columnLetter(filled[0])}` : `ячейки ${filled.map(columnLetter).join(', ')}`;
  const kind = filled.map((i) => personalIn(cells[i].trim()) ?? personalValue(cells[i].trim())).find(Boolean);
  if (kind && results) {
    log.error({ file, line, column: columnLetter(filled[0]), message: `В строке за пределами столбцов заголовка (${where}) похоже на ${kind}. Это персональные данные: такие файлы не обрабатываются. Удалите эти ячейки.` });
    return false;
  }
  log.warn({ file, line, message: `В строке больше значений, чем столбцов в заголовке (${where}); лишние пропущены${kind ? `, и в них похоже на ${kind}: удалите их из файла` : ''}.` });
  return true;
}

/**
 * The free texts of site.yaml (news, corrections, the contacts' text) are published as written: a pupil's phone or
 * a СНИЛС there is hidden with a warning naming the key. The organisations' own phones and addresses are not.
 */
export function hidePersonalInSettings(config: SiteConfig, log: IssueLog): void {
  const own = [config.department, config.imc].flatMap((o) => [o.phone, o.email]).filter((v): v is string => !!v);
  const hide = (key: string, text: string) => {
    const kind = personalIn(text, own);
    if (!kind) return text;
    log.warn({ file: 'site.yaml', column: key, message: `В тексте похоже на ${kind}. Персональные данные на сайт не попадают: на сайте это место заменено словом «[скрыто]». Уберите их из текста.` });
    return redactPersonal(text, own);
  };
  config.news = config.news.map((t, i) => hide(`news[${i + 1}]`, t));
  for (const [i, c] of config.corrections.entries()) c.text = hide(`corrections[${i + 1}].text`, c.text);
  if (config.contact_text) config.contact_text = hide('contact_text', config.contact_text);
}
