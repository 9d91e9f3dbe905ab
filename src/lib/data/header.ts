/** The header of a table: which row it is, which columns it names, and the columns a results file must never have. */
import type { CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';
import { normKey } from './normalize.ts';
import { distance } from './similar.ts';

/** What of a table's spec its header needs (a HeaderSpec is one). */
interface HeaderSpec {
  columns: Record<string, { aliases?: readonly string[]; required?: boolean }>;
  tasks?: boolean;
}

// Words that name a person's data. Matched as whole words of the header.
const PERSONAL = [
  'фио', 'фамилия', 'имя', 'отчество', 'дата рождения', 'снилс', 'паспорт', 'телефон',
  'e-mail', 'email', 'эл. почта', 'электронная почта', 'адрес', 'ф.и.о.', 'ф. и. о.',
  'name', 'surname', 'birth', 'birthday', 'phone', 'passport', 'snils', 'address',
];

// A header that is a person by itself («Ученик», «Обучающийся»), or begins with a person's data however it is
// punctuated («Ф.И.О», «Ф. И. О. ученика», «ФИО_участника»): compared without spaces and punctuation.
const PERSON = /^(?:ученик|ученица|обучающийся|обучающаяся|учащийся|учащаяся|ребенок|родитель|законныйпредставитель|pupil)$/;
const PERSON_START = /^(?:фио|фамилия|имяотчество|датарождения|снилс|паспорт|телефон|email|электроннаяпочта|адреспроживания|fullname)/;

export function isPersonalHeader(header: string): boolean {
  const h = normKey(header);
  const words = h.split(/[^a-zа-я0-9.@-]+/);
  const bare = h.replace(/[^a-zа-я0-9]/g, '');
  return PERSON.test(bare) || PERSON_START.test(bare) || PERSONAL.some((p) => (p.includes(' ') ? h.includes(p) : words.includes(p) || h === p));
}

const TASK = /^(?:task_|задание\s*(?:№\s*)?)([0-9]+(?:[._][0-9]+)*)$/;

/** The task key of a header (`task_3_1` and `Задание 3.1` → `3.1`), or undefined. */
export function taskKey(header: string): string | undefined {
  const m = TASK.exec(normKey(header));
  return m ? m[1].replace(/_/g, '.') : undefined;
}

/** How many rows a header may stand below the top of a sheet (title rows, notes). */
export const HEADER_SEARCH = 30;

/** The index of the first row that names at least two of the table's columns (or one, for a one-column table). */
export function headerIndex(rows: CsvRow[], spec: HeaderSpec): number {
  const lookup = columnLookup(spec);
  const need = Math.min(2, Object.keys(spec.columns).length);
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH); i++) {
    const known = rows[i].cells.filter((c) => lookup.has(normKey(c.trim())) || (spec.tasks && taskKey(c.trim()) !== undefined)).length;
    if (known >= need) return i;
  }
  return 0;
}

export const columnLookup = (spec: HeaderSpec) => {
  const lookup = new Map<string, string>();
  for (const [canon, col] of Object.entries(spec.columns)) {
    lookup.set(normKey(canon), canon);
    for (const a of col.aliases ?? []) lookup.set(normKey(a), canon);
  }
  return lookup;
};

/** Reports header cells that look like personal data; a column of the contract (work_name) never does. */
export function reportPersonal(file: string, header: CsvRow, spec: HeaderSpec, log: IssueLog, label = (_: number, n: string) => n): boolean {
  const lookup = columnLookup(spec);
  const personal = header.cells.map((c, i) => [c.trim(), i] as const).filter(([n]) => !lookup.has(normKey(n)) && isPersonalHeader(n));
  for (const [p, i] of personal) {
    log.error({
      file, line: header.line, column: label(i, p),
      message: 'Столбец похож на персональные данные. Такие файлы не обрабатываются: уберите столбец и оставьте только код участника.',
      found: p, expected: 'только обезличенный код участника (participant_id)',
    });
  }
  return personal.length > 0;
}

export function requiredNames(spec: HeaderSpec): string {
  return Object.entries(spec.columns)
    .filter(([, c]) => c.required)
    .map(([k]) => k)
    .join(', ');
}

/** Words of a header: «Балл ЕГЭ (тестовый)» → балл, егэ, тестовый. */
const wordsOf = (s: string) => normKey(s).split(/[^a-zа-я0-9]+/).filter(Boolean);
// Words that name the procedure or the unit, not the column: «Балл ЕГЭ (тестовый)» is «Тестовый балл».
const NOISE = new Set(['егэ', 'огэ', 'гвэ', 'впр', 'за', 'по', 'в', 'и', 'код', 'балл', 'баллы']);

/**
 * The column a header probably means: a name of the table within two typing errors, or one whose words
 * the header holds in another order («Балл ЕГЭ (тестовый)» → «Тестовый балл»). Columns already in the
 * header are not offered. Answers with the name as it is written in the table's names (the Russian one
 * when the header is Russian) and the column it stands for.
 */
export function suggestColumn(header: string, spec: HeaderSpec, present: ReadonlySet<string>, russian: boolean): { name: string; canon: string } | undefined {
  const h = normKey(header);
  const hw = new Set(wordsOf(header));
  let best: { name: string; canon: string; score: number } | undefined;
  for (const [canon, col] of Object.entries(spec.columns)) {
    if (present.has(canon)) continue;
    for (const name of [canon, ...(col.aliases ?? [])]) {
      const n = normKey(name);
      const d = distance(h, n);
      const words = wordsOf(name);
      const telling = words.filter((w) => !NOISE.has(w));
      // Every word of the name in the header, at least one of them telling, and little else there.
      const bag = words.length > 0 && telling.length > 0 && words.every((w) => hw.has(w)) && hw.size - words.length <= 2;
      const score = d <= 2 && n.length > 3 ? 3 - d : bag ? 0.5 + words.length / 10 : -1;
      if (score > 0 && (!best || score > best.score)) best = { name, canon, score };
    }
  }
  if (!best) return undefined;
  return { name: shownName(best.canon, spec, russian), canon: best.canon };
}

/** A column's name in the words of a file: its Russian name when the file's header is Russian. */
export function shownName(canon: string, spec: HeaderSpec, russian: boolean): string {
  return (russian && spec.columns[canon]?.aliases?.find((a) => /[а-яё]/i.test(a))) || canon;
}

/** A header written in Russian: most of its named cells are Cyrillic. */
export const isRussianHeader = (names: readonly string[]) => {
  const named = names.filter((n) => n.trim() !== '');
  return named.filter((n) => /[а-яё]/i.test(n)).length * 2 > named.length;
};

/**
 * Header cells that name no column: one close to a column of the table is that column misspelt — an error with
 * the suggestion; any other is left out with a warning listing the columns still missing, in the file's words.
 * Returns the columns the misspelt cells stand for.
 */
export function reportUnknown(file: string, line: number, unknown: readonly number[], names: readonly string[], labels: readonly string[], spec: HeaderSpec, present: ReadonlySet<string>, russian: boolean, log: IssueLog): Set<string> {
  const meant = new Set<string>();
  for (const i of unknown) {
    const guess = suggestColumn(names[i], spec, present, russian);
    if (guess && !meant.has(guess.canon)) {
      meant.add(guess.canon);
      log.error({
        file, line, column: labels[i],
        message: `Столбец не распознан: возможно, «${guess.name}»? Исправьте заголовок столбца так, как он назван в шаблоне.`,
        found: names[i], expected: `«${guess.name}»`,
      });
    } else {
      const known = Object.keys(spec.columns).filter((k) => !present.has(k)).map((k) => shownName(k, spec, russian));
      log.warn({ file, line, column: labels[i], message: 'Неизвестный столбец пропущен.', found: names[i], expected: known.length ? `один из столбцов: ${known.map((k) => `«${k}»`).join(', ')}` : 'все столбцы таблицы уже есть' });
    }
  }
  return meant;
}
