/**
 * The context index of a school (indicators spec §12): how favourable the
 * conditions it works in are, from the counts of its social passport. Each
 * condition's share is standardised across the year's schools, signed (a
 * resource +, a disadvantage −), averaged, and rescaled to mean 100, SD 15.
 */
import { CONTEXT_VARIABLES, type ContextVariable } from '../../data/results/context.ts';
import type { Dataset } from '../../data/tables.ts';
import { mean, sampleSd } from '../../stats/tests.ts';

export interface ContextYear {
  year: number;
  /** The conditions that made the index this year: filled for every school and not equal in all. */
  variables: ContextVariable[];
  /** The context index of each school with a social passport. */
  index: Map<string, number>;
  /** Each school's shares of the conditions, %, with their counts (published only when site.yaml allows). */
  shares: Map<string, Partial<Record<ContextVariable, { share: number; count: number }>>>;
}

/** The context index of every year with a social passport of at least 3 schools. */
export function contextIndices(data: Dataset): ContextYear[] {
  const out: ContextYear[] = [];
  for (const [year, res] of [...data.years].sort(([a], [b]) => a - b)) {
    const rows = res.context ?? [];
    if (rows.length < 3) continue;
    const shares = new Map(
      rows.map((r) => [
        r.school_id,
        Object.fromEntries(
          CONTEXT_VARIABLES.flatMap((v) =>
            r[v.key] === undefined ? [] : [[v.key, { share: (100 * r[v.key]!) / r.students, count: r[v.key]! }]],
          ),
        ) as ContextYear['shares'] extends Map<string, infer T> ? T : never,
      ]),
    );
    const variables = CONTEXT_VARIABLES.filter((v) => {
      const xs = rows.map((r) => shares.get(r.school_id)![v.key]?.share);
      return xs.every((x) => x !== undefined) && sampleSd(xs as number[]) > 0;
    });
    if (variables.length === 0) continue;
    const scale = new Map(
      variables.map((v) => {
        const xs = rows.map((r) => shares.get(r.school_id)![v.key]!.share);
        return [v.key, { m: mean(xs), sd: sampleSd(xs) }];
      }),
    );
    const raw = rows.map((r) => ({
      school: r.school_id,
      x: mean(variables.map((v) => (v.sign * (shares.get(r.school_id)![v.key]!.share - scale.get(v.key)!.m)) / scale.get(v.key)!.sd)),
    }));
    const m = mean(raw.map((r) => r.x));
    const sd = sampleSd(raw.map((r) => r.x));
    out.push({
      year,
      variables: variables.map((v) => v.key),
      index: new Map(raw.map((r) => [r.school, sd > 0 ? 100 + (15 * (r.x - m)) / sd : 100])),
      shares,
    });
  }
  return out;
}
