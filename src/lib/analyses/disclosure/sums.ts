/**
 * The sets of published numbers that add up to a published total (indicators spec §0, secondary suppression):
 * schools to the municipality, organisations to a pooled mechanism value, olympiad subjects to their total, and in
 * the subject analysis (§14) schools, school kinds and ОВЗ / без ОВЗ to all participants, bands to a group's size and
 * to a task's completion over all. Each number is a `Part`: what an outsider can add up (a numerator, a count, a sum
 * of scores) and, when it is withheld, what they still know of it (its bounds from the group's size).
 */
import type { IndicatorValue } from '../../indicators/compute.ts';
import { isDerived } from '../../indicators/derived.ts';
import { INDICATOR_BY_ID, unitOf } from '../../indicators/registry.ts';
import type { SubjectRow } from '../subjects/tables.ts';

export interface Part {
  /** Stable name, for the order of ties and for messages. */
  key: string;
  /** The additive quantity when published. */
  x: number;
  /** What an outsider knows of it when it is withheld. */
  lo: number;
  hi: number;
  /** Participants of the group: the part with the fewest is withheld first. */
  n: number;
  withheld: boolean;
  /** A count of people or a numerator (whole numbers), or a sum of scores or points (any number). */
  integer: boolean;
  /** Withholds the value behind the part (every output reads that value). */
  hide(): void;
}

export interface Sum {
  total: Part;
  parts: Part[];
}

const WITHHOLD_NUMBERS = ['value', 'numerator', 'denominator', 'sd', 'ci_low', 'ci_high'] as const;

/** A value's part: its numerator (a share), count, or sum of scores or points (a mean, a task's success). */
function valuePart(v: IndicatorValue, minGroup: number): Part {
  const def = INDICATOR_BY_ID.get(v.indicator);
  const unit = def ? unitOf(def, v.subject) : v.numerator !== undefined ? '%' : 'чел.';
  const share = v.numerator !== undefined || (v.suppressed && unit === '%' && !/task_success$/.test(v.indicator) && !isMechCount(v));
  // An empty group is withheld like a small one, and from outside looks like one: up to min_group − 1 participants.
  const n = v.reason === 'empty' ? minGroup - 1 : v.n;
  let x = 0;
  let lo = 0;
  let hi = n;
  if (unit === '%' && !share) {
    // A task's success in % of points: Σ over participants of their share of the points, ×100.
    x = (v.value ?? 0) * n;
    hi = 100 * n;
  } else if (share) {
    x = v.numerator ?? 0;
  } else if (unit === 'балл' || unit === 'отметка') {
    x = (v.value ?? 0) * n;
    lo = unit === 'отметка' ? 2 * n : 0;
    hi = unit === 'отметка' ? 5 * n : 100 * n;
  } else {
    x = v.value ?? 0;
    // A withheld count of pupils with ОВЗ is known to be 1 … min_group − 1.
    if (v.reason === 'ovz') [lo, hi] = [1, minGroup - 1];
    else hi = v.reason === 'small' || v.reason === 'empty' ? n : Math.max(n, x);
  }
  return {
    key: `${v.indicator}|${v.year}|${v.school_id}|${v.subject}|${v.grade ?? ''}|${v.period}|${v.task}`,
    x,
    lo,
    hi,
    n: v.n,
    withheld: v.suppressed,
    integer: !(unit === 'балл' || unit === 'отметка' || (unit === '%' && !share)),
    hide() {
      this.withheld = true;
      v.suppressed = true;
      v.reason = 'secondary';
      for (const k of WITHHOLD_NUMBERS) v[k] = undefined;
    },
  };
}

const isMechCount = (v: IndicatorValue) => v.indicator.startsWith('mech.') && v.numerator === undefined && !v.suppressed;

/** Olympiad values with an empty subject are the sum over the subjects (monitoring's all-grades value is not). */
const SUBJECT_TOTALS = /^olymp\./;

/** Sums over the indicator values: schools → municipality, organisations → a pooled mechanism value, subjects → total. */
export function valueSums(values: readonly IndicatorValue[], pooledMechanisms: ReadonlySet<string>, minGroup: number): Sum[] {
  const { groups, add } = collector();
  for (const v of values) {
    const mech = v.indicator.startsWith('mech.');
    if (mech ? !pooledMechanisms.has(`${v.indicator}|${v.year}`) : isDerived(v.indicator)) continue;
    const p = valuePart(v, minGroup);
    const dims = `${v.subject}|${v.grade ?? ''}|${v.period}|${v.task}`;
    add(`${v.indicator}|${v.year}|${dims}`, p, v.scope === 'municipality');
    if (SUBJECT_TOTALS.test(v.indicator))
      add(`subjects|${v.indicator}|${v.year}|${v.school_id}|${v.grade ?? ''}|${v.period}|${v.task}`, p, v.subject === '');
  }
  return complete(groups);
}

/** A subject-analysis row's part: the count in a band, or a task's completion × the band's size. */
function rowPart(r: SubjectRow): Part {
  const n = r.n ?? r.denominator ?? 0;
  const task = r.table === 'tasks';
  return {
    key: `${r.year}|${r.procedure}|${r.subject}|${r.grade ?? ''}|${r.table}|${r.group}|${r.band}|${r.task}`,
    x: task ? (r.value ?? 0) * n : (r.numerator ?? 0),
    lo: 0,
    hi: task ? 100 * n : n,
    n,
    withheld: r.suppressed,
    integer: !task,
    hide() {
      this.withheld = true;
      r.suppressed = true;
      r.secondary = true;
      for (const k of ['value', 'numerator', 'denominator', 'ci_low', 'ci_high'] as const) r[k] = undefined;
    },
  };
}

/**
 * Sums over the subject analysis: in each band, schools, school kinds, and ОВЗ with без ОВЗ add up to all; in each
 * group the bands add up to its size (a published count); in each task the bands add up to all participants.
 */
export function subjectSums(rows: readonly SubjectRow[]): Sum[] {
  const { groups, add } = collector();
  for (const r of rows) {
    const at = `${r.year}|${r.procedure}|${r.subject}|${r.grade ?? ''}`;
    if (r.table === 'bands') {
      const p = rowPart(r);
      const kind = r.group === 'all' ? 'all' : r.group.startsWith('school:') ? 'schools' : r.group.startsWith('kind:') ? 'kinds' : 'ovz';
      if (kind === 'all') for (const k of ['schools', 'kinds', 'ovz']) add(`bands|${at}|${r.band}|${k}`, p, true);
      else add(`bands|${at}|${r.band}|${kind}`, p, false);
      // The bands of a group add up to its size: a known total (the size is published with the group).
      const size = r.n ?? r.denominator ?? 0;
      let g = groups.get(`size|${at}|${r.group}`);
      if (!g) groups.set(`size|${at}|${r.group}`, (g = { parts: [], total: constant(`size|${at}|${r.group}`, size) }));
      g.parts.push(p);
    } else if (r.table === 'tasks') {
      add(`tasks|${at}|${r.task}`, rowPart(r), r.band === 'all');
    }
  }
  return complete(groups);
}

/** Sums being gathered by key: a part is added as the total or as one of the parts. */
function collector() {
  const groups = new Map<string, { total?: Part; parts: Part[] }>();
  const add = (key: string, p: Part, isTotal: boolean) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { parts: [] }));
    if (isTotal) g.total = p;
    else g.parts.push(p);
  };
  return { groups, add };
}

const constant = (key: string, x: number): Part => ({
  key,
  x,
  lo: x,
  hi: x,
  n: x,
  withheld: false,
  integer: true,
  hide() {},
});

/** Sums with a total and at least two parts; a part that is its own total (one school) has nothing to cover it. */
function complete(groups: Map<string, { total?: Part; parts: Part[] }>): Sum[] {
  const out: Sum[] = [];
  for (const g of groups.values()) if (g.total && g.parts.length >= 2) out.push({ total: g.total, parts: g.parts });
  return out;
}
