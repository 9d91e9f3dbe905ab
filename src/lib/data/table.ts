import type { Cell } from './cells.ts';
import { int } from './cells.ts';
import { eachRow, type CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';
import { normKey } from './normalize.ts';

export interface ColumnSpec<T = unknown> {
  aliases?: readonly string[];
  cell: Cell<T>;
  /** The column must be there, and (unless `emptyOk`) every cell of it filled. */
  required?: boolean;
  /** Empty cells are checked by the file's own rules (roadmap heading rows). */
  emptyOk?: boolean;
  /** The value of an empty cell or a missing column («ЕГЭ» for form): the row always has one. */
  fallback?: T;
}

export type Columns = Record<string, ColumnSpec>;

export interface TableSpec<C extends Columns = Columns> {
  /** Canonical column name → its spec. */
  columns: C;
  /** Accepts `task_<k>` / `Задание <k>` columns (task-level scores). */
  tasks?: boolean;
  /** A results file: a personal-data column is an error before any row is read. */
  results?: boolean;
  /** Re-maps headers before matching; returns canonical names by index (used for vpr «Класс»). */
  resolveHeader?: (headers: string[], rows: CsvRow[]) => (string | undefined)[] | undefined;
}

/** A parsed row before it is typed: canonical column → value, plus its line and task scores. */
export type Row = Record<string, unknown> & { line: number; tasks?: Record<string, number> };

/** Reads the data file `rel` (CSV or workbook) as a table of `spec`. */
export type TableReader = <S extends TableSpec>(rel: string, spec: S) => RowOf<S>[];

/** Columns whose every row has a value: required and filled, or with a fallback. */
type Filled<C extends Columns> = {
  [K in keyof C]: C[K] extends { fallback: unknown } ? K : C[K] extends { required: true; emptyOk?: undefined } ? K : never;
}[keyof C];
type ValueOf<S> = S extends ColumnSpec<infer T> ? T : never;

/**
 * The row a table spec reads, derived from the spec itself: a filled column
 * has its cell's type, any other column may be absent. So the types of the
 * tables cannot drift from what the reader checks.
 */
export type RowOf<S extends TableSpec> = { line: number } & {
  [K in Filled<S['columns']>]: ValueOf<S['columns'][K]>;
} & {
  [K in Exclude<keyof S['columns'], Filled<S['columns']>>]?: ValueOf<S['columns'][K]>;
} & (S extends { tasks: true } ? { tasks?: Record<string, number> } : unknown);

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

/** How a source shows its columns in messages: a CSV by header, a workbook by letter and header. */
export interface SourceOptions {
  /** The label of column `i` (0-based) whose header is `name`. */
  label?: (i: number, name: string) => string;
  /** Title rows may stand above the header (workbooks): the header is the first row naming the table's columns. */
  findHeader?: boolean;
}

/**
 * Reads a CSV text as a table of `spec`, reporting every problem to `log`.
 * Rows with an error are left out of the result (the build stops anyway).
 */
export function readTable<S extends TableSpec>(file: string, text: string, spec: S, log: IssueLog, written?: Record<string, string>): RowOf<S>[] {
  return readRows(file, (onRow) => eachRow(text, onRow), spec, log, written);
}

/** How many rows a header may stand below the top of a sheet (title rows, notes). */
const HEADER_SEARCH = 30;

/** The index of the first row that names at least two of the table's columns (or one, for a one-column table). */
function headerIndex(rows: CsvRow[], spec: TableSpec): number {
  const lookup = columnLookup(spec);
  const need = Math.min(2, Object.keys(spec.columns).length);
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH); i++) {
    const known = rows[i].cells.filter((c) => lookup.has(normKey(c.trim())) || (spec.tasks && taskKey(c.trim()) !== undefined)).length;
    if (known >= need) return i;
  }
  return 0;
}

/** Reads rows from any source (CSV stream, workbook sheet) as a table of `spec`. */
export function readRows<S extends TableSpec>(file: string, each: (onRow: (row: CsvRow) => void) => void, spec: S, log: IssueLog, written?: Record<string, string>, opts: SourceOptions = {}): RowOf<S>[] {
  const out: Row[] = [];
  // The header is settled on the first rows (vpr.csv looks at values of «Класс»); then rows stream.
  const LOOKAHEAD = 200;
  let header: CsvRow | undefined;
  let pending: CsvRow[] | undefined = [];
  let reader: ((r: CsvRow) => void) | undefined;
  let stopped = false;
  let above: CsvRow[] | undefined = opts.findHeader ? [] : undefined;
  const start = () => {
    const rows = pending!;
    pending = undefined;
    const r = openTable(file, header!, rows, spec, log, written, opts.label);
    if (!r) { stopped = true; return; }
    reader = (row) => { const x = r(row); if (x) out.push(x); };
    for (const row of rows) reader(row);
  };
  const take = (row: CsvRow) => {
    if (stopped) return;
    if (!header) {
      header = row;
      // Personal data stops the file at its header: not one row is read.
      stopped = spec.results === true && reportPersonal(file, row, spec, log, opts.label);
      return;
    }
    if (pending) {
      pending.push(row);
      if (pending.length >= LOOKAHEAD) start();
      return;
    }
    reader!(row);
  };
  each((row) => {
    // A workbook's first rows are held until its header is found; the rows above it are titles.
    if (above) {
      above.push(row);
      if (above.length < HEADER_SEARCH) return;
      const rows = above.slice(headerIndex(above, spec));
      above = undefined;
      rows.forEach(take);
      return;
    }
    take(row);
  });
  if (above) above.slice(headerIndex(above, spec)).forEach(take);
  if (!header) {
    log.error({ file, message: 'Файл пуст: нет строки заголовка.', expected: `заголовок со столбцами ${requiredNames(spec)}` });
    return [];
  }
  if (pending && !stopped) start();
  // The one place rows get their type: every cell was read by the column's own cell, and fallbacks filled.
  return out as RowOf<S>[];
}

const columnLookup = (spec: TableSpec) => {
  const lookup = new Map<string, string>();
  for (const [canon, col] of Object.entries(spec.columns)) {
    lookup.set(normKey(canon), canon);
    for (const a of col.aliases ?? []) lookup.set(normKey(a), canon);
  }
  return lookup;
};

/** Reports header cells that look like personal data; a column of the contract (work_name) never does. */
function reportPersonal(file: string, header: CsvRow, spec: TableSpec, log: IssueLog, label = (_: number, n: string) => n): boolean {
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

/**
 * Checks the header and returns a function that turns one row into a typed
 * row (or undefined when the row has an error, which goes to the log).
 * Returns undefined when the file cannot be read at all.
 */
function openTable(file: string, header: CsvRow, firstRows: CsvRow[], spec: TableSpec, log: IssueLog, written?: Record<string, string>, label = (_: number, n: string) => n): ((r: CsvRow) => Row | undefined) | undefined {
  const names = header.cells.map((c) => c.trim());
  // Columns as messages name them: the header, or a workbook's letter and header.
  const labels = names.map((n, i) => label(i, n));
  const lookup = columnLookup(spec);
  const resolved = spec.resolveHeader?.(names, firstRows);
  const byIndex: ({ canon: string; spec: ColumnSpec } | { task: string } | undefined)[] = [];
  const seen = new Map<string, string>();
  names.forEach((name, i) => {
    if (name === '') return;
    const canon = resolved?.[i] ?? lookup.get(normKey(name));
    const task = spec.tasks ? taskKey(name) : undefined;
    const key = canon ?? (task !== undefined ? `task:${task}` : undefined);
    if (key === undefined) {
      log.warn({ file, line: header.line, column: labels[i], message: 'Неизвестный столбец пропущен.', found: name, expected: `один из столбцов: ${Object.keys(spec.columns).join(', ')}` });
      return;
    }
    if (seen.has(key)) {
      log.error({ file, line: header.line, column: labels[i], message: `Столбец повторяется: он означает то же, что «${seen.get(key)}».`, found: name, expected: 'каждый столбец один раз' });
      return;
    }
    seen.set(key, name);
    if (written && canon !== undefined) written[canon] = labels[i];
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
  if (missing) return undefined;
  const fallbacks = Object.entries(spec.columns).filter(([, c]) => c.fallback !== undefined);
  const taskCell = int(0);
  // Repeated values (codes of schools, subjects, participants) share one string.
  const strings = new Map<string, string>();
  const intern = (s: string) => {
    const seen = strings.get(s);
    if (seen !== undefined) return seen;
    strings.set(s, s);
    return s;
  };
  return (r: CsvRow) => {
    const row: Row = { line: r.line };
    let ok = true;
    for (let i = 0; i < byIndex.length; i++) {
      const target = byIndex[i];
      if (!target) continue;
      const raw = (r.cells[i] ?? '').trim();
      if ('task' in target) {
        if (raw === '') continue;
        const v = taskCell.read(raw);
        if (v !== undefined) (row.tasks ??= {})[target.task] = v;
        else {
          ok = false;
          log.error({ file, line: r.line, column: labels[i], message: 'Неверный балл за задание.', found: raw, expected: taskCell.expected });
        }
        continue;
      }
      if (raw === '') {
        if (target.spec.required && !target.spec.emptyOk) {
          ok = false;
          log.error({ file, line: r.line, column: labels[i], message: 'Пустое значение в обязательном столбце.', found: '', expected: target.spec.cell.expected });
        }
        continue;
      }
      const v = target.spec.cell.read(raw);
      if (v !== undefined) row[target.canon] = typeof v === 'string' ? intern(v) : v;
      else {
        ok = false;
        log.error({ file, line: r.line, column: labels[i], message: 'Значение не подходит.', found: raw, expected: target.spec.cell.expected });
      }
    }
    if (r.cells.length > names.length && r.cells.slice(names.length).some((c) => c.trim() !== '')) {
      log.warn({ file, line: r.line, message: 'В строке больше значений, чем столбцов в заголовке; лишние пропущены.', found: r.cells.slice(names.length).join(' | ') });
    }
    for (const [canon, c] of fallbacks) row[canon] ??= c.fallback;
    return ok ? row : undefined;
  };
}

function requiredNames(spec: TableSpec): string {
  return Object.entries(spec.columns)
    .filter(([, c]) => c.required)
    .map(([k]) => k)
    .join(', ');
}
