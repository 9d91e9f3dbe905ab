import type { Cell } from './cells.ts';
import { int } from './cells.ts';
import { parseRows, type CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';
import { normKey } from './normalize.ts';

export interface ColumnSpec {
  aliases?: string[];
  cell: Cell<unknown>;
  required?: boolean;
}

export interface TableSpec {
  /** Canonical column name → its spec. */
  columns: Record<string, ColumnSpec>;
  /** Accepts `task_<k>` / `Задание <k>` columns (task-level scores). */
  tasks?: boolean;
  /** A results file: a personal-data column is an error before any row is read. */
  results?: boolean;
  /** Re-maps headers before matching; returns canonical names by index (used for vpr «Класс»). */
  resolveHeader?: (headers: string[], rows: CsvRow[]) => (string | undefined)[] | undefined;
}

/** A parsed row: canonical column → value, plus its line and task scores. */
export type Row = Record<string, unknown> & { line: number; tasks?: Record<string, number> };

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

/**
 * Reads a CSV text as a table of `spec`, reporting every problem to `log`.
 * Rows with an error are left out of the result (the build stops anyway).
 */
export function readTable(file: string, text: string, spec: TableSpec, log: IssueLog, written?: Record<string, string>): Row[] {
  const rows = parseRows(text);
  if (rows.length === 0) {
    log.error({ file, message: 'Файл пуст: нет строки заголовка.', expected: `заголовок со столбцами ${requiredNames(spec)}` });
    return [];
  }
  const header = rows[0];
  const names = header.cells.map((c) => c.trim());
  const lookup = new Map<string, string>();
  for (const [canon, col] of Object.entries(spec.columns)) {
    lookup.set(normKey(canon), canon);
    for (const a of col.aliases ?? []) lookup.set(normKey(a), canon);
  }
  if (spec.results) {
    // A column of the contract (e.g. work_name) is never personal data.
    const personal = names.filter((n) => !lookup.has(normKey(n)) && isPersonalHeader(n));
    if (personal.length > 0) {
      for (const p of personal) {
        log.error({
          file, line: header.line, column: p,
          message: 'Столбец похож на персональные данные. Такие файлы не обрабатываются: уберите столбец и оставьте только код участника.',
          found: p, expected: 'только обезличенный код участника (participant_id)',
        });
      }
      return [];
    }
  }
  const resolved = spec.resolveHeader?.(names, rows.slice(1));
  const byIndex: ({ canon: string; spec: ColumnSpec } | { task: string } | undefined)[] = [];
  const seen = new Map<string, string>();
  names.forEach((name, i) => {
    if (name === '') return;
    const canon = resolved?.[i] ?? lookup.get(normKey(name));
    const task = spec.tasks ? taskKey(name) : undefined;
    const key = canon ?? (task !== undefined ? `task:${task}` : undefined);
    if (key === undefined) {
      log.warn({ file, line: header.line, column: name, message: 'Неизвестный столбец пропущен.', found: name, expected: `один из столбцов: ${Object.keys(spec.columns).join(', ')}` });
      return;
    }
    if (seen.has(key)) {
      log.error({ file, line: header.line, column: name, message: `Столбец повторяется: он означает то же, что «${seen.get(key)}».`, found: name, expected: 'каждый столбец один раз' });
      return;
    }
    seen.set(key, name);
    if (written && canon !== undefined) written[canon] = name;
    byIndex[i] = canon !== undefined ? { canon, spec: spec.columns[canon] } : { task: task! };
  });
  const present = new Set([...seen.keys()]);
  let missing = false;
  for (const [canon, col] of Object.entries(spec.columns)) {
    if (col.required && !present.has(canon)) {
      missing = true;
      log.error({
        file, line: header.line,
        message: `Нет обязательного столбца «${canon}»${col.aliases?.length ? ` (или «${col.aliases[0]}»)` : ''}.`,
        found: names.join(' | '), expected: `столбец «${canon}»`,
      });
    }
  }
  if (missing) return [];
  const taskCell = int(0);
  const out: Row[] = [];
  for (const r of rows.slice(1)) {
    const row: Row = { line: r.line };
    let ok = true;
    for (let i = 0; i < byIndex.length; i++) {
      const target = byIndex[i];
      if (!target) continue;
      const raw = (r.cells[i] ?? '').trim();
      if ('task' in target) {
        if (raw === '') continue;
        const p = taskCell.schema.safeParse(raw);
        if (p.success) (row.tasks ??= {})[target.task] = p.data;
        else {
          ok = false;
          log.error({ file, line: r.line, column: names[i], message: 'Неверный балл за задание.', found: raw, expected: taskCell.expected });
        }
        continue;
      }
      if (raw === '') {
        if (target.spec.required) {
          ok = false;
          log.error({ file, line: r.line, column: names[i], message: 'Пустое значение в обязательном столбце.', found: '', expected: target.spec.cell.expected });
        }
        continue;
      }
      const p = target.spec.cell.schema.safeParse(raw);
      if (p.success) row[target.canon] = p.data;
      else {
        ok = false;
        log.error({ file, line: r.line, column: names[i], message: 'Значение не подходит.', found: raw, expected: target.spec.cell.expected });
      }
    }
    if (r.cells.length > names.length && r.cells.slice(names.length).some((c) => c.trim() !== '')) {
      log.warn({ file, line: r.line, message: 'В строке больше значений, чем столбцов в заголовке; лишние пропущены.', found: r.cells.slice(names.length).join(' | ') });
    }
    if (ok) out.push(row);
  }
  return out;
}

function requiredNames(spec: TableSpec): string {
  return Object.entries(spec.columns)
    .filter(([, c]) => c.required)
    .map(([k]) => k)
    .join(', ');
}
