import { hint, int, unusable, type Cell } from './cells.ts';
import { eachRow, type CsvRow } from './csv.ts';
import type { IssueLog } from './issues.ts';
import { detached, normKey } from './normalize.ts';
import { rowClass, type Row } from './row.ts';
import { extraCells, freeText, reportPersonalValues } from './personal.ts';
import { tooManyErrors, tooWide } from './limits.ts';
import { columnLookup, HEADER_SEARCH, headerIndex, isRussianHeader, reportPersonal, reportUnknown, requiredNames, shownName, taskKey } from './header.ts';

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
  /**
   * A register: a row whose only errors are in optional cells is still kept
   * (without them), so that a wrong website in schools.csv is reported once,
   * not as «no such school» on every row of results. The build stops anyway.
   */
  keepPartial?: boolean;
  /** Re-maps headers before matching; returns canonical names by index (used for vpr «Класс»). */
  resolveHeader?: (headers: string[], rows: CsvRow[]) => (string | undefined)[] | undefined;
}


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

/** How a source shows its columns in messages: a CSV by header, a workbook by letter and header. */
export interface SourceOptions {
  /** The label of column `i` (0-based) whose header is `name`. */
  label?: (i: number, name: string) => string;
  /** Title rows may stand above the header (workbooks): the header is the first row naming the table's columns. */
  findHeader?: boolean;
  /** A row with more cells stops the file (limits.max_columns): 100 000 columns are a wrong file, not a table. */
  maxColumns?: number;
}

/**
 * Reads a CSV text as a table of `spec`, reporting every problem to `log`.
 * Rows with an error are left out of the result (the build stops anyway).
 */
export function readTable<S extends TableSpec>(file: string, text: string, spec: S, log: IssueLog, written?: Record<string, string>, opts: SourceOptions = {}): RowOf<S>[] {
  return readRows(file, (onRow) => eachRow(text, onRow), spec, log, written, opts);
}

/** Reads rows from any source (CSV stream, workbook sheet) as a table of `spec`. */
export function readRows<S extends TableSpec>(file: string, each: (onRow: (row: CsvRow) => void) => void, spec: S, log: IssueLog, written?: Record<string, string>, opts: SourceOptions = {}): RowOf<S>[] {
  const out: Row[] = [];
  // The header is settled on the first rows (vpr.csv looks at values of «Класс»); then rows stream.
  const LOOKAHEAD = 200;
  let header: CsvRow | undefined;
  let pending: CsvRow[] | undefined = [];
  let reader: ((r: CsvRow) => void) | undefined;
  let finish: (() => void) | undefined;
  let stopped = false;
  let rowsSeen = 0;
  let above: CsvRow[] | undefined = opts.findHeader ? [] : undefined;
  const start = () => {
    const rows = pending!;
    pending = undefined;
    const r = openTable(file, header!, rows, spec, log, written, opts.label);
    if (!r) { stopped = true; return; }
    finish = r.finish;
    reader = (row) => { const x = r(row); if (x) out.push(x); };
    for (const row of rows) reader(row);
  };
  const take = (row: CsvRow) => {
    if (stopped) return;
    if (opts.maxColumns !== undefined && tooWide(file, row, opts.maxColumns, log)) {
      stopped = true;
      return;
    }
    if (tooManyErrors(file, row.line, log)) {
      stopped = true;
      return;
    }
    if (!header) {
      header = row;
      // Personal data stops the file at its header: not one row is read.
      stopped = spec.results === true && reportPersonal(file, row, spec, log, opts.label);
      return;
    }
    rowsSeen++;
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
    // A file stopped before its header (too wide) has said why already.
    if (!stopped) log.error({ file, message: 'Файл пуст: нет строки заголовка.', expected: `заголовок со столбцами ${requiredNames(spec)}` });
    return [];
  }
  if (pending && !stopped) start();
  finish?.();
  if (spec.results && !stopped && rowsSeen === 0 && log.errorsIn(file) === 0)
    log.warn({ file, line: header.line, message: 'В файле только строка заголовка, строк с результатами нет: файл ничего не добавит на сайт.' });
  // The one place rows get their type: every cell was read by the column's own cell, and fallbacks filled.
  return out as RowOf<S>[];
}

/**
 * Checks the header and returns a function that turns one row into a typed
 * row (or undefined when the row has an error, which goes to the log).
 * Returns undefined when the file cannot be read at all.
 */
function openTable(file: string, header: CsvRow, firstRows: CsvRow[], spec: TableSpec, log: IssueLog, written?: Record<string, string>, label = (_: number, n: string) => n): (((r: CsvRow) => Row | undefined) & { finish: () => void }) | undefined {
  const names = header.cells.map((c) => detached(c.trim()));
  // Columns as messages name them: the header, or a workbook's letter and header.
  const labels = names.map((n, i) => label(i, n));
  const lookup = columnLookup(spec);
  const resolved = spec.resolveHeader?.(names, firstRows);
  // One cell where a table has many: the columns are split by something else («|», spaces), or not at all.
  if (names.filter(Boolean).length === 1 && Object.keys(spec.columns).length > 2) {
    log.error({
      file, line: header.line,
      message: 'В заголовке только один столбец: похоже, столбцы разделены не точкой с запятой, запятой или табуляцией. Сохраните файл из Excel как «CSV (разделители — точки с запятой)» или как книгу Excel.',
      found: names[0], expected: `заголовок со столбцами ${requiredNames(spec)}`,
    });
    return undefined;
  }
  const byIndex: ({ canon: string; spec: ColumnSpec } | { task: string } | undefined)[] = [];
  const seen = new Map<string, string>();
  const unknown: number[] = [];
  names.forEach((name, i) => {
    if (name === '') return;
    const canon = resolved?.[i] ?? lookup.get(normKey(name));
    const task = spec.tasks ? taskKey(name) : undefined;
    const key = canon ?? (task !== undefined ? `task:${task}` : undefined);
    if (key === undefined) {
      unknown.push(i);
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
  // Names in the file's own words: a Russian header is answered with the columns' Russian names.
  const russian = isRussianHeader(names);
  const shown = (canon: string) => shownName(canon, spec, russian);
  // A header close to a column of the table is that column misspelt: one error saying so, and the file is not read,
  // so that its rows are not each reported for the column it left out.
  const meant = reportUnknown(file, header.line, unknown, names, labels, spec, present, russian, log);
  let missing = meant.size > 0;
  // A header over two rows (merged cells above sub-headers) names the missing columns in the row below.
  const below = new Set((firstRows[0]?.cells ?? []).map((c) => lookup.get(normKey(c.trim()))).filter(Boolean));
  for (const [canon, col] of Object.entries(spec.columns)) {
    if (col.required && !present.has(canon) && !meant.has(canon)) {
      missing = true;
      const twoRows = below.has(canon)
        ? ' Похоже, заголовок занимает две строки (объединённые ячейки): сделайте заголовок одной строкой, по одному названию столбца в ячейке.'
        : '';
      log.error({
        file, line: header.line,
        message: `Нет обязательного столбца «${shown(canon)}»${col.aliases?.length ? ` (или «${shown(canon) === canon ? col.aliases[0] : canon}»)` : ''}.${twoRows}`,
        found: names.join(' | '), expected: `столбец «${shown(canon)}»`,
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
    const own = detached(s);
    strings.set(own, own);
    return own;
  };
  const TableRow = rowClass();
  // A column the person added is not read, but it is looked at: a СНИЛС there is personal data all the same.
  const added = spec.results ? unknown.map((i) => ({ i, values: [] as { line: number; value: string }[] })) : [];
  const read = (r: CsvRow) => {
    for (const a of added) {
      const v = (r.cells[a.i] ?? '').trim();
      if (v && a.values.length < 5000) a.values.push({ line: r.line, value: v });
    }
    return readRow(r);
  };
  const finish = () => {
    for (const a of added) reportPersonalValues(file, labels[a.i], a.values, log);
  };
  return Object.assign(read, { finish });
  function readRow(r: CsvRow): Row | undefined {
    if (r.problem) {
      log.error({ file, line: r.line, message: r.problem });
      return undefined;
    }
    // Two files pasted into one (often with a second BOM, which trim() drops): the header comes again.
    // Cell by cell, stopping at the first that differs: every row has the header's length, few its first cell.
    if (r.cells.length === names.length && r.cells.every((c, i) => c.trim() === names[i])) {
      log.error({
        file,
        line: r.line,
        message: 'Строка повторяет заголовок: похоже, в файл вставлен ещё один файл или таблица скопирована дважды. Оставьте один заголовок в первой строке и проверьте, не повторяются ли строки с результатами.',
        found: names.join(' | '),
      });
      return undefined;
    }
    const row: Row = new TableRow();
    row.line = r.line;
    let ok = true;
    let okRequired = true;
    for (let i = 0; i < byIndex.length; i++) {
      const target = byIndex[i];
      if (!target) continue;
      const raw = (r.cells[i] ?? '').trim();
      const bad = raw === '' ? undefined : unusable(raw);
      if (bad) {
        ok = false;
        log.error({ file, line: r.line, column: labels[i], message: bad, found: raw });
        continue;
      }
      if ('task' in target) {
        if (raw === '') continue;
        const v = taskCell.read(raw);
        if (v !== undefined) (row.tasks ??= {})[target.task] = v;
        else {
          ok = false;
          log.error({ file, line: r.line, column: labels[i], message: `Неверный балл за задание.${hint(raw, taskCell)}`, found: raw, expected: taskCell.expected });
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
      if (v !== undefined) row[target.canon] = typeof v === 'string' ? intern(target.spec.cell.free ? freeText(file, r.line, labels[i], v, spec.results === true, log) : v) : v;
      else {
        ok = false;
        if (target.spec.required) okRequired = false;
        log.error({ file, line: r.line, column: labels[i], message: `Значение не подходит.${hint(raw, target.spec.cell)}`, found: raw, expected: target.spec.cell.expected });
      }
    }
    if (!extraCells(file, r.line, r.cells, names.length, spec.results === true, log)) ok = false;
    for (const [canon, c] of fallbacks) row[canon] ??= c.fallback;
    return ok || (spec.keepPartial && okRequired) ? row : undefined;
  }
}
