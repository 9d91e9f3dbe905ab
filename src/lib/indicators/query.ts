import type { IndicatorValue } from './compute.ts';
import { isDerived, type ValueId } from './derived.ts';
import { ValueStore } from './store.ts';

export interface Where {
  school?: string;
  subject?: string;
  grade?: number;
  period?: string;
  task?: string;
}

/** Small numbers for the values of one dimension, so that a group's key is a number, not a string. */
class Codes {
  private map = new Map<string, number>();
  code(s: string, add: boolean): number | undefined {
    let c = this.map.get(s);
    if (c === undefined && add) this.map.set(s, (c = this.map.size));
    return c;
  }
}

/**
 * Fast look-ups over computed values: one value, a series over years, the
 * change from last year. A million values are indexed by numeric keys
 * (school, subject, grade, period, task packed into one number) per
 * indicator and year: string keys took three times the memory.
 */
export class ValueIndex {
  /** Per `indicator|year`, built on first use: its values' group keys in ascending order, and the values in that order. */
  private map = new Map<string, { keys: Float64Array; values: IndicatorValue[] }>();
  private byIndicator = new Map<string, IndicatorValue[]>();
  /** Per indicator, built on first use: its values by year and school (school '' = the municipality). */
  private bySchool = new Map<string, Map<string, IndicatorValue[]>>();
  private schoolYears?: Map<string, number[]>;
  private groupCache = new Map<string, Where[]>();
  private codes = { school: new Codes(), subject: new Codes(), period: new Codes(), task: new Codes() };
  readonly years: number[];
  /** Every value, in open-data order. */
  values: IndicatorValue[];
  /** Values are kept in columns (indicators/store.ts) and found by binary search: a region's two million stay small. */
  private readonly store: ValueStore;
  constructor(values: IndicatorValue[], store = new ValueStore()) {
    this.store = store;
    this.values = values.map((v) => store.add(v));
    this.index(this.values);
    this.years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  }
  private index(values: IndicatorValue[]) {
    for (const v of values) {
      const list = this.byIndicator.get(v.indicator);
      if (list) list.push(v);
      else this.byIndicator.set(v.indicator, [v]);
      this.map.delete(`${v.indicator}|${v.year}`);
    }
  }
  /** The values of an indicator in a year, sorted by their group's key; of two with one key the later counts. */
  private keyed(id: string, year: number) {
    const at = `${id}|${year}`;
    let found = this.map.get(at);
    if (found) return found;
    const pairs: { k: number; v: IndicatorValue }[] = [];
    for (const v of this.all(id as ValueId))
      if (v.year === year)
        pairs.push({ k: this.key({ school: v.school_id, subject: v.subject, grade: v.grade, period: v.period, task: v.task }, true)!, v });
    // A stable sort keeps the order of a key's values: the last of them is the one kept.
    pairs.sort((a, b) => a.k - b.k);
    const kept = pairs.filter((p, i) => i + 1 === pairs.length || pairs[i + 1].k !== p.k);
    this.map.set(at, (found = { keys: Float64Array.from(kept, (p) => p.k), values: kept.map((p) => p.v) }));
    return found;
  }
  /**
   * Adds values derived from these (the school index, results against conditions, progress), merged into
   * open-data order: both lists are sorted, so one pass does it without sorting a million values again.
   */
  extend(derived: IndicatorValue[], order: (a: IndicatorValue, b: IndicatorValue) => number): void {
    const added = derived.map((v) => this.store.add(v)).sort(order);
    this.index(added);
    this.bySchool.clear();
    this.schoolYears = undefined;
    this.groupCache.clear();
    const merged: IndicatorValue[] = [];
    let i = 0;
    let j = 0;
    while (i < this.values.length || j < added.length)
      merged.push(j >= added.length || (i < this.values.length && order(this.values[i], added[j]) <= 0) ? this.values[i++] : added[j++]);
    this.values = merged;
  }
  /** (((school · 2¹⁰ + subject) · 2⁵ + grade) · 2³ + period) · 2¹⁰ + task: exact in a double up to 2²⁰ schools. */
  private key(w: Where, add = false): number | undefined {
    const c = this.codes;
    const school = c.school.code(w.school ?? '', add);
    const subject = c.subject.code(w.subject ?? '', add);
    const period = c.period.code(w.period ?? '', add);
    const task = c.task.code(w.task ?? '', add);
    if (school === undefined || subject === undefined || period === undefined || task === undefined) return undefined;
    return (((school * 1024 + subject) * 32 + (w.grade ?? 0)) * 8 + period) * 1024 + task;
  }
  // Values are kept by their id, so a value found under an id carries that id (the casts say only that).
  get<Id extends ValueId>(id: Id, year: number, w: Where = {}): IndicatorValue<Id> | undefined {
    if (!this.byIndicator.has(id)) return undefined;
    const { keys, values } = this.keyed(id, year);
    const k = this.key(w);
    if (k === undefined) return undefined;
    // Binary search for the key.
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return (lo < keys.length && keys[lo] === k ? values[lo] : undefined) as IndicatorValue<Id> | undefined;
  }
  /** Every value of an indicator (all years, scopes, groups), in open-data order. */
  all<Id extends ValueId>(id: Id): IndicatorValue<Id>[] {
    return (this.byIndicator.get(id) ?? []) as IndicatorValue<Id>[];
  }
  series<Id extends ValueId>(id: Id, w: Where = {}): { year: number; v?: IndicatorValue<Id> }[] {
    return this.years.map((year) => ({ year, v: this.get(id, year, w) }));
  }
  /** The same group in the previous year present. */
  previous<Id extends ValueId>(v: IndicatorValue<Id>): IndicatorValue<Id> | undefined {
    const i = this.years.indexOf(v.year);
    if (i <= 0) return undefined;
    return this.get(v.indicator, this.years[i - 1], {
      school: v.school_id,
      subject: v.subject,
      grade: v.grade,
      period: v.period,
      task: v.task,
    });
  }
  /**
   * Every value of an indicator for one school (or the municipality) in a year: a page of each of a region's
   * thousand schools asks this of every indicator, so it is a look-up, not a scan of the indicator's values.
   */
  of<Id extends ValueId>(id: Id, year: number, school = ''): IndicatorValue<Id>[] {
    let by = this.bySchool.get(id);
    if (!by) {
      by = new Map();
      for (const v of this.all(id)) {
        const k = `${v.year}|${v.school_id}`;
        const list = by.get(k);
        if (list) list.push(v);
        else by.set(k, [v]);
      }
      this.bySchool.set(id, by);
    }
    return (by.get(`${year}|${school}`) ?? []) as IndicatorValue<Id>[];
  }
  /** The years in which a school has results, in order (a social passport alone makes no year of results). */
  yearsOf(school: string): number[] {
    if (!this.schoolYears) {
      const sets = new Map<string, Set<number>>();
      for (const v of this.values) {
        if (isDerived(v.indicator)) continue;
        const s = sets.get(v.school_id);
        if (s) s.add(v.year);
        else sets.set(v.school_id, new Set([v.year]));
      }
      this.schoolYears = new Map([...sets].map(([k, s]) => [k, [...s].sort((a, b) => a - b)]));
    }
    return this.schoolYears.get(school) ?? [];
  }
  /** The groups (subject, grade, period) of an indicator at municipal level, in a stable order. */
  groups(id: ValueId): Where[] {
    const cached = this.groupCache.get(id);
    if (cached) return cached;
    const seen = new Map<string, Where>();
    for (const v of this.all(id)) {
      if (v.scope !== 'municipality' || v.task) continue;
      const k = `${v.subject}|${String(v.grade ?? '').padStart(2, '0')}|${v.period}`;
      if (!seen.has(k)) seen.set(k, { subject: v.subject || undefined, grade: v.grade, period: v.period || undefined });
    }
    const out = [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w);
    this.groupCache.set(id, out);
    return out;
  }
  /** Distinct values of a dimension for an indicator, e.g. the subjects of ege.mean. */
  dimValues<K extends 'subject' | 'grade' | 'period' | 'task' | 'school_id'>(
    id: ValueId,
    dim: K,
    filter: (v: IndicatorValue) => boolean = () => true,
  ): NonNullable<IndicatorValue[K]>[] {
    const s = new Set<NonNullable<IndicatorValue[K]>>();
    for (const v of this.all(id)) if (filter(v) && v[dim] !== undefined && v[dim] !== '') s.add(v[dim] as NonNullable<IndicatorValue[K]>);
    return [...s];
  }
}
