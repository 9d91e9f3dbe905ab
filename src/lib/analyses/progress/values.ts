/** The rows of §13 for the open data and the value index: each school's progress and the share of linked pupils. */
import type { IndicatorValue } from '../../indicators/compute.ts';
import { tInterval, wilson } from '../../stats/tests.ts';
import type { ProgressYear } from './model.ts';

export function progressValues(years: readonly ProgressYear[], minGroup: number): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  for (const y of years) {
    if (!y.line) continue;
    const base = { year: y.year, subject: y.subject, grade: y.grade, period: '', task: '' };
    const share = (scope: IndicatorValue['scope'], school_id: string, linked: number, participants: number): IndicatorValue => {
      const hidden = scope === 'school' && participants < minGroup;
      const ci = hidden ? undefined : wilson(linked, participants);
      return {
        ...base,
        indicator: `progress.${y.pair.id}.linked_share`,
        scope,
        school_id,
        value: hidden ? undefined : (100 * linked) / participants,
        numerator: hidden ? undefined : linked,
        denominator: hidden ? undefined : participants,
        suppressed: hidden,
        reason: hidden ? 'small' : undefined,
        n: participants,
        ci_low: ci?.low,
        ci_high: ci?.high,
      };
    };
    out.push(share('municipality', '', y.linked, y.participants));
    for (const s of y.schools) {
      out.push(share('school', s.school_id, s.linked, s.participants));
      if (!s.residuals) continue;
      // Fewer linked pupils than the privacy threshold: the mean of a handful would almost name them.
      const hidden = s.linked < minGroup;
      const ci = hidden ? undefined : tInterval(s.residuals);
      out.push({
        ...base,
        indicator: `progress.${y.pair.id}`,
        scope: 'school',
        school_id: s.school_id,
        value: hidden ? undefined : s.residuals.mean,
        denominator: hidden ? undefined : s.linked,
        suppressed: hidden,
        reason: hidden ? 'small' : undefined,
        n: s.linked,
        sd: hidden ? undefined : s.residuals.sd,
        ci_low: ci?.low,
        ci_high: ci?.high,
      });
    }
  }
  return out;
}
