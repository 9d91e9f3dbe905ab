/**
 * Secondary suppression, decided once per build (indicators spec §0): the per-sum rule, then the audit, and
 * for each number still pinned one more part of a sum it is in — the published one with the fewest participants —
 * until none is pinned. The values themselves are withheld (reason `secondary`), so every output — pages, charts,
 * open data, documents, search, preview cards, the releases' numbers — shows the same «—».
 */
import type { IndicatorValue } from '../../indicators/compute.ts';
import type { IssueLog } from '../../data/issues.ts';
import type { SubjectRow } from '../subjects/tables.ts';
import { audit } from './audit.ts';
import { coverSums, open, smallestFirst } from './rule.ts';
import { subjectSums, valueSums, type Part, type Sum } from './sums.ts';

export interface Disclosure {
  /** Withheld for their own group's size, and by this rule. */
  primary: number;
  secondary: number;
  /** Rounds of audit and cover; withheld numbers the audit checked; problems that needed the solver. */
  rounds: number;
  checked: number;
  solved: number;
  seconds: number;
}

export function secondarySuppression(
  values: readonly IndicatorValue[],
  rows: readonly SubjectRow[],
  pooled: ReadonlySet<string>,
  minGroup: number,
  log: IssueLog,
): Disclosure {
  const t0 = performance.now();
  const sums: Sum[] = [...valueSums(values, pooled, minGroup), ...subjectSums(rows)];
  const member = new Map<Part, Sum[]>();
  for (const s of sums) for (const p of s.parts) (member.get(p) ?? member.set(p, []).get(p)!).push(s);
  const primary = new Set([...member.keys()].filter(open)).size;
  let secondary = coverSums(sums, minGroup);
  let rounds = 0;
  let checked = 0;
  let solved = 0;
  for (;;) {
    rounds++;
    const a = audit(sums);
    checked = a.checked;
    solved += a.solved;
    if (a.pinned.length === 0) break;
    let freed = 0;
    const stuck: Part[] = [];
    for (const p of a.pinned) {
      if (!open(p)) continue;
      const cover = coverFor(p, member);
      if (cover) {
        cover.hide();
        freed++;
      } else stuck.push(p);
    }
    secondary += freed + coverSums(sums, minGroup);
    if (freed === 0) {
      for (const p of stuck.slice(0, 10))
        log.error({
          file: 'site.yaml',
          column: 'privacy.min_group',
          message: `Скрытое значение маленькой группы (${p.key}) можно вычислить по опубликованным числам, и скрыть ещё одно значение, чтобы это исправить, нельзя. Сообщите разработчикам.`,
        });
      break;
    }
  }
  return { primary, secondary, rounds, checked, solved, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The published part with the fewest participants among the sums the pinned number is in — or, when those sums
 * have none left, among the sums linked to it through other withheld numbers: withholding it frees the number.
 */
function coverFor(p: Part, member: ReadonlyMap<Part, Sum[]>): Part | undefined {
  const seen = new Set<Part>([p]);
  let frontier = [p];
  while (frontier.length > 0) {
    const sums = frontier.flatMap((q) => member.get(q) ?? []).filter((s) => !s.total.withheld);
    const cover = sums.flatMap((s) => s.parts.filter((q) => !q.withheld && q.hi > q.lo)).sort(smallestFirst)[0];
    if (cover) return cover;
    // A subtotal (a school's all-subjects value) is a part of a larger sum: withheld only when no part is left.
    const sub = sums
      .map((s) => s.total)
      .filter((t) => member.has(t) && !t.withheld && t.hi > t.lo)
      .sort(smallestFirst)[0];
    if (sub) return sub;
    frontier = sums.flatMap((s) => s.parts.filter((q) => open(q) && !seen.has(q)));
    for (const q of frontier) seen.add(q);
  }
  return undefined;
}
