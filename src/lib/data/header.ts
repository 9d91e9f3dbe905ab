/** The header of a table: which row it is, which columns it names, and the columns a results file must never have. */
import type { CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';
import { normKey } from './normalize.ts';

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

export function isPersonalHeader(header: string): boolean {
  const h = normKey(header);
  const words = h.split(/[^a-zа-я0-9.@-]+/);
  return PERSONAL.some((p) => (p.includes(' ') ? h.includes(p) : words.includes(p) || h === p));
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
