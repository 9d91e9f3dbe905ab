import type { SiteConfig } from '../data/site-config.ts';
import type { IndicatorValue } from './compute.ts';
import type { ValueIndex } from './query.ts';

export type RiskRule = 'low' | 'decline' | 'objectivity';

/** A flag on a (school, procedure, subject, grade) with the rule and the evidence. */
export interface Risk {
  year: number;
  school_id: string;
  procedure: string;
  subject: string;
  grade?: number;
  rule: RiskRule;
  indicator: string;
  value: number;
  /** The municipal value, or previous values for a decline. */
  reference: string;
  evidence: string;
}

export const RULE_NAMES: Record<RiskRule, string> = {
  low: 'Низкие результаты',
  decline: 'Снижение результатов',
  objectivity: 'Признаки необъективности',
};

/** Indicators of failure (a share of «2» or below the minimum) used by the «low results» rule. */
export const LOW_INDICATORS = ['ege.below_min_share', 'gve11.fail_share', 'oge.fail_share', 'gve9.fail_share', 'vpr.mark2_share', 'diag.below_min_share'];
/** Means used by the «decline» rule. */
export const DECLINE_INDICATORS = ['ege.mean', 'gve11.mean_mark', 'oge.mean_mark', 'gve9.mean_mark', 'vpr.mean_mark', 'diag.mean_score'];

const fmt = (x: number) => x.toFixed(1).replace('.', ',');

/**
 * Applies the risk rules of spec §9 with thresholds from site.yaml. Withheld
 * (small) groups are never flagged.
 */
export function findRisks(ix: ValueIndex, cfg: SiteConfig['risks']): Risk[] {
  const out: Risk[] = [];
  const proc = (id: string) => id.split('.')[0];
  const school = (v: IndicatorValue) => v.scope === 'school' && !v.suppressed && v.value !== undefined && v.task === '';
  for (const id of LOW_INDICATORS) {
    for (const v of ix.all(id)) {
      if (!school(v)) continue;
      const muni = ix.get(id, v.year, { subject: v.subject, grade: v.grade });
      if (!muni || muni.suppressed || muni.value === undefined) continue;
      if (v.value! >= cfg.low_ratio * muni.value && v.value! >= cfg.low_min_share) {
        out.push({ year: v.year, school_id: v.school_id, procedure: proc(id), subject: v.subject, grade: v.grade, rule: 'low', indicator: id, value: v.value!, reference: fmt(muni.value), evidence: `${fmt(v.value!)} % при ${fmt(muni.value)} % в муниципалитете (порог: не менее ${cfg.low_ratio} × муниципального значения и не менее ${cfg.low_min_share} %)` });
      }
    }
  }
  for (const id of DECLINE_INDICATORS) {
    for (const v of ix.all(id)) {
      if (!school(v)) continue;
      const chain: number[] = [v.value!];
      for (let k = 1; k <= cfg.decline_years; k++) {
        const p = ix.get(id, v.year - k, { school: v.school_id, subject: v.subject, grade: v.grade });
        if (!p || p.suppressed || p.value === undefined) break;
        chain.unshift(p.value);
      }
      if (chain.length !== cfg.decline_years + 1) continue;
      if (chain.every((x, i) => i === 0 || x < chain[i - 1])) {
        out.push({ year: v.year, school_id: v.school_id, procedure: proc(id), subject: v.subject, grade: v.grade, rule: 'decline', indicator: id, value: v.value!, reference: chain.slice(0, -1).map(fmt).join(' → '), evidence: `снижение ${cfg.decline_years} года подряд: ${chain.map(fmt).join(' → ')}` });
      }
    }
  }
  for (const [id, threshold] of [['vpr.raised_share', cfg.raised_share], ['vpr.lowered_share', cfg.lowered_share]] as const) {
    for (const v of ix.all(id)) {
      if (!school(v) || v.value! < threshold) continue;
      const word = id === 'vpr.raised_share' ? 'повысили' : 'понизили';
      out.push({ year: v.year, school_id: v.school_id, procedure: 'vpr', subject: v.subject, grade: v.grade, rule: 'objectivity', indicator: id, value: v.value!, reference: `${threshold}`, evidence: `${word} отметку по сравнению с журналом ${fmt(v.value!)} % участников (порог — ${threshold} %)` });
    }
  }
  const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((a, b) => a.year - b.year || c(a.school_id, b.school_id) || c(a.procedure, b.procedure) || c(a.subject, b.subject) || (a.grade ?? 0) - (b.grade ?? 0) || c(a.rule, b.rule) || c(a.indicator, b.indicator));
}
