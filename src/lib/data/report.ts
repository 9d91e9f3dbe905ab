import { group } from 'd3';
import { count } from '../words/format.ts';
import { formatIssue, type DataIssue } from './issues.ts';

/**
 * Issues as lines for a person, errors first. Repeats of an error in the same file and column are cut after
 * `perKind`, with a count of the rest, so that one wrong column in a 100 000-row file does not bury the other
 * errors. Repeats of a warning are one line with their count and rows: a known warning, seen every run, must
 * not bury a new one.
 */
export function issueLines(items: DataIssue[], perKind = 5): string[] {
  const kindOf = (i: DataIssue) => `${i.level}|${i.file}|${i.column ?? ''}|${i.message}`;
  const out: string[] = [];
  const errors = new Map<string, number>();
  const more = new Map<string, number>();
  // By file, then row: a person fixes a file from top to bottom (the order of reading mixes files checked together).
  const byPlace = (a: DataIssue, b: DataIssue) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0));
  for (const i of items.filter((x) => x.level === 'error').sort(byPlace)) {
    const kind = kindOf(i);
    const n = (errors.get(kind) ?? 0) + 1;
    errors.set(kind, n);
    if (n <= perKind) out.push(`ОШИБКА: ${formatIssue(i)}`);
    else more.set(kind, n - perKind);
  }
  for (const [kind, n] of more) {
    const [, file, column, message] = kind.split('|');
    out.push(`  … и ещё ${n} таких же: data/${file}${column ? `, столбец «${column}»` : ''} — ${message}`);
  }
  for (const same of group(items.filter((x) => x.level === 'warning').sort(byPlace), kindOf).values()) {
    const [first] = same;
    if (same.length === 1) {
      out.push(`Предупреждение: ${formatIssue(first)}`);
      continue;
    }
    const lines = same.map((i) => i.line).filter((l): l is number => l !== undefined);
    const rows = lines.length > 8 ? `${lines.slice(0, 6).join(', ')} … ${lines.at(-1)}` : lines.join(', ');
    const where = lines.length === same.length ? `в ${count(same.length, ['строке', 'строках', 'строках'])} (${rows})` : count(same.length, ['раз', 'раза', 'раз']);
    out.push(`Предупреждение: ${formatIssue({ ...first, line: undefined, found: undefined, message: `${where}: ${first.message}` })}`);
  }
  return out;
}

/**
 * The last word of a check when the plausibility review found a slip: the data need a look, and which files.
 * Undefined when there is none.
 */
export function slipsLine(items: DataIssue[]): string | undefined {
  const files = [...new Set(items.filter((i) => i.slip).map((i) => `data/${i.file}`))];
  if (files.length === 0) return undefined;
  const stop = items.some((i) => i.slip && i.level === 'error');
  return `Данные нужно проверить: похоже, в них файл другого года или копия прошлогоднего — ${files.join(', ')} (подробности — в предупреждениях выше${stop ? '' : ' и в отчёте о сборке'}). ${stop ? 'Сборка такие данные не публикует (plausibility.strict: true в site.yaml).' : 'Если всё верно, сайт можно собирать; чтобы такие случаи останавливали сборку, задайте в site.yaml plausibility: strict: true.'}`;
}
