import type { IndicatorValue } from './compute.ts';

export interface Where {
  school?: string;
  subject?: string;
  grade?: number;
  period?: string;
  task?: string;
}

const key = (id: string, year: number, w: Where) => `${id}|${year}|${w.school ?? ''}|${w.subject ?? ''}|${w.grade ?? ''}|${w.period ?? ''}|${w.task ?? ''}`;

/** Fast look-ups over computed values: one value, a series over years, the change from last year. */
export class ValueIndex {
  private map = new Map<string, IndicatorValue>();
  private byIndicator = new Map<string, IndicatorValue[]>();
  readonly years: number[];
  readonly values: IndicatorValue[];
  constructor(values: IndicatorValue[]) {
    this.values = values;
    for (const v of values) {
      this.map.set(key(v.indicator, v.year, { school: v.school_id, subject: v.subject, grade: v.grade, period: v.period, task: v.task }), v);
      const list = this.byIndicator.get(v.indicator);
      if (list) list.push(v);
      else this.byIndicator.set(v.indicator, [v]);
    }
    this.years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  }
  get(id: string, year: number, w: Where = {}): IndicatorValue | undefined {
    return this.map.get(key(id, year, w));
  }
  /** Every value of an indicator (all years, scopes, groups), in open-data order. */
  all(id: string): IndicatorValue[] {
    return this.byIndicator.get(id) ?? [];
  }
  series(id: string, w: Where = {}): { year: number; v?: IndicatorValue }[] {
    return this.years.map((year) => ({ year, v: this.get(id, year, w) }));
  }
  /** Change from the previous year present, when both values are published. */
  change(v: IndicatorValue): number | undefined {
    if (v.suppressed || v.value === undefined) return undefined;
    const i = this.years.indexOf(v.year);
    if (i <= 0) return undefined;
    const prev = this.get(v.indicator, this.years[i - 1], { school: v.school_id, subject: v.subject, grade: v.grade, period: v.period, task: v.task });
    return prev && !prev.suppressed && prev.value !== undefined ? v.value - prev.value : undefined;
  }
  /** Distinct values of a dimension for an indicator, e.g. the subjects of ege.mean. */
  dimValues<K extends 'subject' | 'grade' | 'period' | 'task' | 'school_id'>(id: string, dim: K, filter: (v: IndicatorValue) => boolean = () => true): NonNullable<IndicatorValue[K]>[] {
    const s = new Set<NonNullable<IndicatorValue[K]>>();
    for (const v of this.all(id)) if (filter(v) && v[dim] !== undefined && v[dim] !== '') s.add(v[dim] as NonNullable<IndicatorValue[K]>);
    return [...s];
  }
}
