import { indexScales, taskInfoKey } from '../data/reference-index.ts';
import type { Dataset } from '../data/tables.ts';
import type { TaskInfo } from '../data/tables.ts';
import { sampleOf, tInterval, wilson, type Sample } from '../stats/tests.ts';
import type { ValueId } from './derived.ts';
import { INDICATORS, type Indicator, type IndicatorId } from './registry.ts';
import type { Ctx, Dims, Family, Measured } from './types.ts';

/** One computed indicator group: a row of opendata/indicators.csv, unrounded. */
export interface IndicatorValue<Id extends ValueId = ValueId> {
  indicator: Id;
  year: number;
  scope: 'municipality' | 'school';
  /** Empty for the municipality. */
  school_id: string;
  subject: string;
  grade?: number;
  period: string;
  task: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  suppressed: boolean;
  /** Size of the group the value stands on (participants, or Σ students). */
  n: number;
  /** Why a value is withheld. */
  /** `secondary`: withheld so that a small group's value cannot be worked out from the others (§0). */
  reason?: 'small' | 'empty' | 'ovz' | 'secondary';
  /** Standard deviation of participants' values, for means and task success: what tests need. */
  sd?: number;
  /** The 95 % interval of spec §11, unrounded; none for counts, participants and suppressed values. */
  ci_low?: number;
  ci_high?: number;
}

export interface Computed {
  values: IndicatorValue[];
  years: number[];
  /** What a measure found for withheld (small) school groups of the indicators asked to keep them: for pooling years. */
  hidden: HiddenGroup[];
}

/** A small school group's sums in one year: never published alone (see indicators/pooled.ts). */
export interface HiddenGroup {
  indicator: IndicatorId;
  year: number;
  school_id: string;
  subject: string;
  grade?: number;
  period: string;
  measured: Measured;
}

type Finished = Pick<IndicatorValue, 'value' | 'numerator' | 'denominator' | 'suppressed' | 'n' | 'reason' | 'sd' | 'ci_low' | 'ci_high'>;

/** Turns what a measure found into a published value, applying the privacy rule (spec §0) and the interval (§11). */
export function finish(m: Measured, def: Indicator, scope: IndicatorValue['scope'], minGroup: number): Finished {
  const hide = (n: number) => ({ suppressed: true, n, reason: n === 0 ? ('empty' as const) : ('small' as const) });
  const withT = (value: number, s: Sample) => {
    const ci = tInterval(s);
    return { sd: Number.isFinite(s.sd) ? s.sd : undefined, ci_low: ci?.low, ci_high: ci?.high, value };
  };
  switch (m.kind) {
    case 'participants':
      if (def.sensitive && scope === 'school' && m.value >= 1 && m.value < minGroup) return { suppressed: true, n: m.value, reason: 'ovz' };
      return { value: m.value, suppressed: false, n: m.value };
    case 'share': {
      if (m.den === 0 || m.den < minGroup) return hide(m.den);
      const ci = wilson(m.num, m.den);
      return {
        value: (100 * m.num) / m.den,
        numerator: m.num,
        denominator: m.den,
        suppressed: false,
        n: m.den,
        ci_low: ci?.low,
        ci_high: ci?.high,
      };
    }
    case 'mean': {
      if (m.n === 0 || m.n < minGroup) return hide(m.n);
      const s = sampleOf(m.n, m.sum, m.sumSq);
      return { ...withT(s.mean, s), denominator: m.n, suppressed: false, n: m.n };
    }
    case 'count':
      if (m.n === 0 || m.n < minGroup) return hide(m.n);
      return { value: m.value, suppressed: false, n: m.n };
    case 'rate': {
      if (m.n === 0 || m.max === 0 || m.n < minGroup) return hide(m.n);
      // The rate is Σ score / Σ max; its interval is the t-interval of participants' shares of the points.
      const s = sampleOf(m.n, m.sumX, m.sumSq);
      const value = (100 * m.score) / m.max;
      const t = withT(value, { ...s, mean: value });
      // A share of points cannot leave 0–100 %: the interval is cut there.
      return {
        ...t,
        ci_low: t.ci_low === undefined ? undefined : Math.max(0, t.ci_low),
        ci_high: t.ci_high === undefined ? undefined : Math.min(100, t.ci_high),
        denominator: m.n,
        suppressed: false,
        n: m.n,
      };
    }
  }
}

const SEP = '\u0001';
const dimsKey = (d: Dims) => `${d.subject ?? ''}${SEP}${d.grade ?? ''}${SEP}${d.period ?? ''}${SEP}${d.task ?? ''}`;

type Group<R> = { school: string; dims: Dims; rows: R[] };

/**
 * Rows of one family in one year, grouped for the municipality (school '') and for each school, in the order the
 * groups first appear. Found by their dimensions, then by school: a row of task scores is in a group per task, and
 * a region's ВПР rows made a joined string key twice for each of them.
 */
function group<R>(family: Family<R>, rows: R[]): Group<R>[] {
  const groups: Group<R>[] = [];
  const byDims = new Map<string, Map<string, Group<R>>>();
  const add = (bySchool: Map<string, Group<R>>, school: string, dims: Dims, r: R) => {
    let g = bySchool.get(school);
    if (!g) (bySchool.set(school, (g = { school, dims, rows: [] })), groups.push(g));
    g.rows.push(r);
  };
  for (const r of rows) {
    const school = family.school(r);
    for (const dims of family.groups(r)) {
      const at = dimsKey(dims);
      let bySchool = byDims.get(at);
      if (!bySchool) byDims.set(at, (bySchool = new Map()));
      add(bySchool, '', dims, r);
      add(bySchool, school, dims, r);
    }
  }
  return groups;
}

export function makeCtxBase(data: Dataset) {
  const scaleOf = indexScales(data.scales);
  const tasks = new Map<string, TaskInfo>();
  for (const t of data.tasks) tasks.set(taskInfoKey(t.year, t.procedure, t.subject, t.grade, t.task), t);
  const marks = new Map((data.egeMarks ?? []).map((m) => [`${m.year}|${m.subject}`, m]));
  return (year: number): Omit<Ctx, 'dims' | 'scope'> => ({
    year,
    data,
    scale: (p, subject, grade) => scaleOf(year, p, subject, grade),
    task: (p, subject, grade, task) => tasks.get(taskInfoKey(year, p, subject, grade, task)),
    egeMark: (subject, score) => {
      const m = marks.get(`${year}|${subject}`);
      if (!m) return undefined;
      return score >= m.mark5_from ? 5 : score >= m.mark4_from ? 4 : score >= m.mark3_from ? 3 : 2;
    },
  });
}

/** Computes every indicator of the registry for every year, group and school. */
export function computeAll(
  data: Dataset,
  indicators: readonly Indicator[] = INDICATORS,
  keepHidden: ReadonlySet<IndicatorId> = new Set(),
  /** Where each value is kept as it is found (a store's `add`): a region's values never sit in memory as objects. */
  keep: (v: IndicatorValue) => IndicatorValue = (v) => v,
): Computed {
  const minGroup = data.config.privacy.min_group;
  const ctxFor = makeCtxBase(data);
  const values: IndicatorValue[] = [];
  const hidden: HiddenGroup[] = [];
  const years = [...data.years.keys()].sort((a, b) => a - b);
  const byFamily = new Map<Family, Indicator[]>();
  for (const d of indicators) {
    const list = byFamily.get(d.family) ?? [];
    list.push(d);
    byFamily.set(d.family, list);
  }
  for (const year of years) {
    const res = data.years.get(year)!;
    const base = ctxFor(year);
    for (const [family, defs] of byFamily) {
      const rows = family.rows(res);
      if (!rows || rows.length === 0) continue;
      const groups = group(family, rows);
      // Population filters are shared by several indicators: filter each group once per filter.
      const filtered = new Map<unknown, Map<Group<unknown>, unknown[]>>();
      for (const def of defs) {
        let cache = filtered.get(def.population);
        if (!cache) filtered.set(def.population, (cache = new Map()));
        for (const g of groups) {
          let pop = cache.get(g);
          if (!pop) cache.set(g, (pop = def.population ? g.rows.filter(def.population) : g.rows));
          const scope = g.school === '' ? 'municipality' : 'school';
          const m = def.measure(pop, { ...base, dims: g.dims, scope });
          if (m === null) continue;
          const f = finish(m, def, scope, minGroup);
          if (f.reason === 'small' && scope === 'school' && !g.dims.task && keepHidden.has(def.id))
            hidden.push({
              indicator: def.id,
              year,
              school_id: g.school,
              subject: g.dims.subject ?? '',
              grade: g.dims.grade,
              period: g.dims.period ?? '',
              measured: m,
            });
          values.push(
            keep({
              indicator: def.id,
              year,
              scope,
              school_id: g.school,
              subject: g.dims.subject ?? '',
              grade: g.dims.grade,
              period: g.dims.period ?? '',
              task: g.dims.task ?? '',
              value: f.value,
              numerator: f.numerator,
              denominator: f.denominator,
              suppressed: f.suppressed,
              n: f.n,
              reason: f.reason,
              sd: f.sd,
              ci_low: f.ci_low,
              ci_high: f.ci_high,
            }),
          );
        }
      }
    }
  }
  values.sort(compareValues);
  return { values, years, hidden };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const num = (a: number | undefined, b: number | undefined) => (a ?? -1) - (b ?? -1);

/** The order of opendata §10: indicator, year, scope, school_id, subject, grade, period, task. */
export function compareValues(a: IndicatorValue, b: IndicatorValue): number {
  return (
    cmp(a.indicator, b.indicator) ||
    a.year - b.year ||
    cmp(a.scope, b.scope) ||
    cmp(a.school_id, b.school_id) ||
    cmp(a.subject, b.subject) ||
    num(a.grade, b.grade) ||
    cmp(a.period, b.period) ||
    cmp(a.task, b.task)
  );
}
