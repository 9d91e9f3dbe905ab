/** The rows of §12 for the open data and the value index: the school index, the context index, expected and residual. */
import type { IndicatorValue } from '../../indicators/compute.ts';
import type { SchoolIndex } from '../place.ts';
import { intervals, type ContextModelYear } from './model.ts';

const row = (
  indicator: IndicatorValue['indicator'],
  year: number,
  school: string,
  value: number,
  n: number,
  half?: number,
): IndicatorValue => ({
  indicator,
  year,
  scope: 'school',
  school_id: school,
  subject: '',
  period: '',
  task: '',
  value,
  suppressed: false,
  n,
  ci_low: half === undefined ? undefined : value - half,
  ci_high: half === undefined ? undefined : value + half,
});

export function contextValues(indices: SchoolIndex[], models: ContextModelYear[]): IndicatorValue[] {
  const out: IndicatorValue[] = indices.map((i) => row('gia.index', i.year, i.school_id, i.index, i.n, intervals.gia(i)));
  for (const y of models)
    for (const s of y.schools) {
      out.push(row('context.index', y.year, s.school_id, s.context, 0));
      if (s.expected === undefined || s.residual === undefined) continue;
      out.push(row('gia.expected', y.year, s.school_id, s.expected, 0, intervals.expected(s)));
      out.push(row('gia.residual', y.year, s.school_id, s.residual, 0, intervals.residual(s)));
    }
  return out;
}
