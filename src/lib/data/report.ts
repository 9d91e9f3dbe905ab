import { formatIssue, type DataIssue } from './issues.ts';

/**
 * Issues as lines for a person. Repeats of the same problem in the same file
 * and column are cut after `perKind`, with a count of the rest, so that one
 * wrong column in a 100 000-row file does not bury the other errors.
 */
export function issueLines(items: DataIssue[], perKind = 5): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  const more = new Map<string, number>();
  // Errors first: they stop the build; warnings come after them.
  for (const i of [...items.filter((x) => x.level === 'error'), ...items.filter((x) => x.level === 'warning')]) {
    const kind = `${i.level}|${i.file}|${i.column ?? ''}|${i.message}`;
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    if (n <= perKind) out.push(`${i.level === 'error' ? 'ОШИБКА' : 'Предупреждение'}: ${formatIssue(i)}`);
    else more.set(kind, n - perKind);
  }
  for (const [kind, n] of more) {
    const [, file, column, message] = kind.split('|');
    out.push(`  … и ещё ${n} таких же: data/${file}${column ? `, столбец «${column}»` : ''} — ${message}`);
  }
  return out;
}
