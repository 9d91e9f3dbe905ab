import type { IndicatorValue } from './compute.ts';
import type { IndicatorId } from './registry.ts';

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
  private map = new Map<string, Map<number, IndicatorValue>>();
  private byIndicator = new Map<string, IndicatorValue[]>();
  private codes = { school: new Codes(), subject: new Codes(), period: new Codes(), task: new Codes() };
  readonly years: number[];
  readonly values: IndicatorValue[];
  constructor(values: IndicatorValue[]) {
    this.values = values;
    for (const v of values) {
      const k = this.key({ school: v.school_id, subject: v.subject, grade: v.grade, period: v.period, task: v.task }, true)!;
      const outer = `${v.indicator}|${v.year}`;
      let inner = this.map.get(outer);
      if (!inner) this.map.set(outer, (inner = new Map()));
      inner.set(k, v);
      const list = this.byIndicator.get(v.indicator);
      if (list) list.push(v);
      else this.byIndicator.set(v.indicator, [v]);
    }
    this.years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
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
  get(id: IndicatorId, year: number, w: Where = {}): IndicatorValue | undefined {
    const k = this.key(w);
    return k === undefined ? undefined : this.map.get(`${id}|${year}`)?.get(k);
  }
  /** Every value of an indicator (all years, scopes, groups), in open-data order. */
  all(id: IndicatorId): IndicatorValue[] {
    return this.byIndicator.get(id) ?? [];
  }
  series(id: IndicatorId, w: Where = {}): { year: number; v?: IndicatorValue }[] {
    return this.years.map((year) => ({ year, v: this.get(id, year, w) }));
  }
  /** The same group in the previous year present. */
  previous(v: IndicatorValue): IndicatorValue | undefined {
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
  /** The groups (subject, grade, period) of an indicator at municipal level, in a stable order. */
  groups(id: IndicatorId): Where[] {
    const seen = new Map<string, Where>();
    for (const v of this.all(id)) {
      if (v.scope !== 'municipality' || v.task) continue;
      const k = `${v.subject}|${String(v.grade ?? '').padStart(2, '0')}|${v.period}`;
      if (!seen.has(k)) seen.set(k, { subject: v.subject || undefined, grade: v.grade, period: v.period || undefined });
    }
    return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, w]) => w);
  }
  /** Distinct values of a dimension for an indicator, e.g. the subjects of ege.mean. */
  dimValues<K extends 'subject' | 'grade' | 'period' | 'task' | 'school_id'>(
    id: IndicatorId,
    dim: K,
    filter: (v: IndicatorValue) => boolean = () => true,
  ): NonNullable<IndicatorValue[K]>[] {
    const s = new Set<NonNullable<IndicatorValue[K]>>();
    for (const v of this.all(id)) if (filter(v) && v[dim] !== undefined && v[dim] !== '') s.add(v[dim] as NonNullable<IndicatorValue[K]>);
    return [...s];
  }
}
