import { count } from '../words/format.ts';
import { detached } from './normalize.ts';

/** A problem found in the input data: where it is, what was found, what was expected. */
export interface DataIssue {
  level: 'error' | 'warning';
  /** Path relative to the data folder, e.g. `results/2025/ege.csv`. */
  file: string;
  /** 1-based line of the file, when the problem is in a row or the header. */
  line?: number;
  /** Column as written in the file's header. */
  column?: string;
  message: string;
  found?: string;
  expected?: string;
  /** The file lies in the project, not in the data folder (the report texts in src/content/reports/). */
  project?: boolean;
  /** A slip of the season's files (a file of another year, last year's copied): the data need a look before publishing. */
  slip?: boolean;
}

/** Collects every issue of a run so the user sees all of them at once. */
export class IssueLog {
  readonly items: DataIssue[] = [];
  private readonly perFile = new Map<string, number>();
  error(issue: Omit<DataIssue, 'level'>): void {
    this.items.push(own({ level: 'error', ...issue }));
    this.perFile.set(issue.file, (this.perFile.get(issue.file) ?? 0) + 1);
  }
  /** Errors reported so far in one file. */
  errorsIn(file: string): number {
    return this.perFile.get(file) ?? 0;
  }
  warn(issue: Omit<DataIssue, 'level'>): void {
    this.items.push(own({ level: 'warning', ...issue }));
  }
  get errors(): DataIssue[] {
    return this.items.filter((i) => i.level === 'error');
  }
  get warnings(): DataIssue[] {
    return this.items.filter((i) => i.level === 'warning');
  }
}

/** An issue outlives the file it quotes: its quotes are made strings of their own (normalize.ts `detached`). */
function own(i: DataIssue): DataIssue {
  if (i.found !== undefined) i.found = detached(i.found);
  if (i.column !== undefined) i.column = detached(i.column);
  return i;
}

/** One line of Russian text for a person: «файл, строка N, столбец «X»: … Найдено: … Ожидалось: …». */
export function formatIssue(i: DataIssue): string {
  const where = [i.project ? i.file : `data/${i.file}`];
  if (i.line !== undefined) where.push(`строка ${i.line}`);
  // In site.yaml the place is a key; a workbook's column comes as «C «Тестовый балл»»: its letter needs no quotes of its own.
  if (i.column !== undefined)
    where.push(/\.ya?ml$/.test(i.file) ? `ключ «${i.column}»` : /^[A-Z]{1,3} «/.test(i.column) ? `столбец ${i.column}` : `столбец «${i.column}»`);
  let text = `${where.join(', ')}: ${i.message}`;
  if (i.found !== undefined) text += ` Найдено: «${shorten(i.found)}».`;
  if (i.expected !== undefined) text += ` Ожидалось: ${i.expected}.`;
  return text;
}

/** A found value as a message quotes it: a 2-megabyte cell is not printed whole. */
function shorten(s: string): string {
  return s.length <= 120 ? s : `${s.slice(0, 100)}… (всего ${count(s.length, ['символ', 'символа', 'символов'])})`;
}
