/**
 * Secondary suppression, decided once per build (indicators spec §0): the per-sum rule, then the audit, and
 * for each number still pinned one more part of a sum it is in — the published one with the fewest participants —
 * until none is pinned. The values themselves are withheld (reason `secondary`), so every output — pages, charts,
 * open data, documents, search, preview cards, the releases' numbers — shows the same «—».
 */
import type { IndicatorValue } from '../../indicators/compute.ts';
import type { IssueLog } from '../../data/issues.ts';
import type { SubjectRow } from '../subjects/tables.ts';
import { auditing } from './audit.ts';
import type { Problem, Ranges } from './problem.ts';
import { post, stopSolver, wait, type Ticket } from './solver.ts';
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
  const d: Disclosure = { primary: 0, secondary: 0, rounds: 0, checked: 0, solved: 0, seconds: 0 };
  // Sums never cross an indicator and year (or a subject analysis): each is settled on its own, so that a
  // region's million values never hold their parts all at once. While the solver's thread works on one set's
  // problems, this thread goes on with the next sets (a region's audit waited 6 of its 10 s for the solver); the
  // solver answers in order, and each set's rounds are the same as one by one.
  const waiting: { settling: Settling; ticket: Ticket }[] = [];
  const step = (settling: Settling, ranges?: Ranges[]) => {
    const r = settling.next(ranges!);
    if (!r.done) waiting.push({ settling, ticket: post(r.value) });
  };
  const oldest = () => {
    const { settling, ticket } = waiting.shift()!;
    step(settling, wait(ticket));
  };
  const start = (sums: Sum[]) => {
    step(settle(sums, minGroup, log, d));
    // Two sets at the solver at most: one solved, the next at hand, and no more sets' parts held meanwhile.
    while (waiting.length > 1) oldest();
  };
  for (let i = 0; i < values.length;) {
    let j = i + 1;
    while (j < values.length && values[j].indicator === values[i].indicator && values[j].year === values[i].year) j++;
    const chunk = values.slice(i, j);
    if (chunk.some((v) => v.suppressed)) start(valueSums(chunk, pooled, minGroup));
    i = j;
  }
  const analyses = new Map<string, SubjectRow[]>();
  for (const r of rows) {
    const key = `${r.year}|${r.procedure}|${r.subject}|${r.grade ?? ''}`;
    (analyses.get(key) ?? analyses.set(key, []).get(key)!).push(r);
  }
  for (const chunk of analyses.values()) if (chunk.some((r) => r.suppressed)) start(subjectSums(chunk));
  while (waiting.length > 0) oldest();
  // The solver's thread and its memory are not needed again in this build.
  stopSolver();
  d.seconds = (performance.now() - t0) / 1000;
  return d;
}

type Settling = Generator<Problem[], void, Ranges[]>;

/** The per-sum rule, then audit and cover until no withheld number is pinned, over one set of sums; its problems handed out. */
function* settle(sums: Sum[], minGroup: number, log: IssueLog, d: Disclosure): Settling {
  const member = new Map<Part, Sum[]>();
  for (const s of sums) for (const p of s.parts) (member.get(p) ?? member.set(p, []).get(p)!).push(s);
  d.primary += new Set([...member.keys()].filter(open)).size;
  d.secondary += coverSums(sums, minGroup);
  const cache = new Map<string, [number, number][]>();
  for (;;) {
    d.rounds++;
    const a = yield* auditing(sums, cache);
    d.solved += a.solved;
    if (a.pinned.length === 0) {
      d.checked += a.checked;
      return;
    }
    let freed = 0;
    const stuck: Part[] = [];
    for (const p of a.pinned) {
      if (!open(p)) continue;
      const cover = coverFor(p, a.at.get(p) ?? p.lo, member);
      if (cover) {
        cover.hide();
        freed++;
      } else stuck.push(p);
    }
    d.secondary += freed + coverSums(sums, minGroup);
    if (freed === 0) {
      d.checked += a.checked;
      for (const p of stuck.slice(0, 10))
        log.error({
          file: 'site.yaml',
          column: 'privacy.min_group',
          message: `Скрытое значение маленькой группы (${p.key}) можно вычислить по опубликованным числам, и скрыть ещё одно значение, чтобы это исправить, нельзя. Сообщите разработчикам.`,
        });
      return;
    }
  }
}

/**
 * The published part with the fewest participants among the sums the pinned number is in — or, when those sums
 * have none left, among the sums linked to it through other withheld numbers: withholding it frees the number.
 */
function coverFor(p: Part, at: number, member: ReadonlyMap<Part, Sum[]>): Part | undefined {
  // Pinned at its least value, it is freed by a part that can give some of its amount; at its greatest, by one
  // that can take more (a band where every school left has 0 is not freed by another school with 0).
  const eps = 1e-9 * (1 + Math.abs(at));
  const room = at <= p.lo + eps ? (q: Part) => q.x > q.lo + eps : at >= p.hi - eps ? (q: Part) => q.x < q.hi - eps : () => true;
  const seen = new Set<Part>([p]);
  let frontier = [p];
  // The pinned number's own sums first, where a part that can move its way is preferred; then sums further out.
  for (let own = true; frontier.length > 0; own = false) {
    const sums = frontier.flatMap((q) => member.get(q) ?? []).filter((s) => !s.total.withheld);
    const usable = sums.flatMap((s) => s.parts.filter((q) => !q.withheld && q.hi > q.lo));
    const cover = (own ? usable.filter(room).sort(smallestFirst)[0] : undefined) ?? usable.sort(smallestFirst)[0];
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
