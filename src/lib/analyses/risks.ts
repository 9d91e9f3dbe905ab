/**
 * Risk zones (spec §9): each rule is a statistical test of a school against
 * the rest of the municipality (or against its own earlier years), with the
 * false discovery rate kept at `risks.fdr` over all tests of one rule in one
 * year (Benjamini–Hochberg), and a minimum effect so that a flag also matters.
 */
import type { SiteConfig } from '../data/site-config.ts';
import { count, formatNumber, formatValue } from '../words/format.ts';
import { benjaminiHochberg, compareShares, tInterval, welch, wilson, type Interval, type Sample, type TestResult } from '../stats/tests.ts';
import { basisOf, pooledSample, published, restOf } from '../indicators/compare.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import type { ValueIndex } from '../indicators/query.ts';
import type { IndicatorId } from '../indicators/registry.ts';

/** The rules of the signs of biased results (spec §16, analyses/signs/), their indicators and tests. */
export type SignRule = 'threshold' | 'tasks' | 'confirmation';
export type SignIndicator = `${'vpr' | 'oge'}.threshold_${3 | 4 | 5}` | `${'vpr' | 'oge'}.tasks_gap` | 'vpr.confirmation';
export type SignTest = 'fisher_midp_one_sided' | 'welch_one_sided' | 'intersection_union';
export type RiskRule = 'low' | 'decline' | 'objectivity' | SignRule;

/** A flag on a (school, procedure, subject, grade) with the rule and the evidence. */
export interface Risk {
  year: number;
  school_id: string;
  procedure: string;
  subject: string;
  grade?: number;
  rule: RiskRule;
  /** A registry indicator, or a sign's own (spec §16: `vpr.threshold_3`, `oge.tasks_gap`, `vpr.confirmation`). */
  indicator: IndicatorId | SignIndicator;
  value: number;
  /** The value compared with: the rest of the municipality, or the school's years before. */
  reference: string;
  evidence: string;
  /** How many groups the rule tested that year: the family its false discovery rate is kept over. */
  tested: number;
  /** The test, its statistic (none for Fisher's exact test) and two-sided p-value. */
  test: NonNullable<TestResult['method']> | SignTest;
  statistic: number;
  p: number;
}

export const RULE_NAMES: Record<RiskRule, string> = {
  low: 'Низкие результаты',
  decline: 'Снижение результатов',
  objectivity: 'Признаки необъективности',
  threshold: 'Скопление баллов у порога отметки',
  tasks: 'Трудные задания лучше лёгких',
  confirmation: 'Результат ВПР не подтвердился',
};

/** Indicators of failure (a share of «2» or below the minimum) used by the «low results» rule. */
export const LOW_INDICATORS: readonly IndicatorId[] = [
  'ege.below_min_share',
  'gve11.fail_share',
  'oge.fail_share',
  'gve9.fail_share',
  'vpr.mark2_share',
  'diag.below_min_share',
];
/** Means used by the «decline» rule. */
export const DECLINE_INDICATORS: readonly IndicatorId[] = [
  'ege.mean',
  'gve11.mean_mark',
  'oge.mean_mark',
  'gve9.mean_mark',
  'vpr.mean_mark',
  'diag.mean_score',
];
/** Shares used by the «objectivity» rule: exam below the school mark (inflated marks), exam above it (the exam itself in doubt). */
export const OBJECTIVITY_INDICATORS: readonly IndicatorId[] = [
  'vpr.lowered_share',
  'oge.lowered_share',
  'ege.lowered_share',
  'vpr.raised_share',
  'oge.raised_share',
  'ege.raised_share',
];

const pct = (x: number) => formatValue(x, '%');
const range = (ci: Interval | undefined, digits: number) =>
  ci ? ` (${formatNumber(ci.low, digits)}–${formatNumber(ci.high, digits)})` : '';
const n = (k: number) => `n\u00a0=\u00a0${formatNumber(k, 0)}`;

/** A p-value in words a parent can read. */
export function pWords(p: number): string {
  if (p < 0.001) return 'p < 0,001: без настоящего различия такое возникало бы случайно реже, чем в 1 случае из 1 000';
  const once = Math.max(2, Math.round(1 / p));
  return `p = ${formatNumber(p, 3)}: без настоящего различия такое возникало бы случайно примерно в 1 случае из ${formatNumber(once, 0)}`;
}

/** What every flag of a rule and year shares: the correction for multiple comparisons, said once per table. */
export function fdrNote(tested: number, fdr: number): string {
  return `Различие значимо и с поправкой на множественные сравнения: правило проверило ${count(tested, ['группу', 'группы', 'групп'])} этого года, ожидаемая доля ложных тревог среди отмеченных — не выше ${formatNumber(fdr * 100, 0)}\u00a0%.`;
}

export interface Candidate {
  /** The flag, its words left empty until `words` fills them. */
  risk: Omit<Risk, 'tested'>;
  /** The direction and size of the difference are worth a flag (the test decides whether it is real). */
  matters: boolean;
  /** The evidence and the reference in words, worded only for a flag: a region tests hundreds of thousands of groups. */
  words: () => Pick<Risk, 'reference' | 'evidence'>;
}

function shareCandidate(
  v: IndicatorValue<IndicatorId>,
  muni: IndicatorValue,
  rule: RiskRule,
  matters: (t: TestResult, rest: number) => boolean,
  what: string,
): Candidate | undefined {
  const rest = restOf(muni, v);
  if (!rest || rest.kind !== 'share' || v.numerator === undefined || v.denominator === undefined) return undefined;
  const t = compareShares(v.numerator, v.denominator, rest.num, rest.den);
  if (!t) return undefined;
  const restValue = (100 * rest.num) / rest.den;
  const stat =
    t.method === 'fisher_midp'
      ? 'точный критерий Фишера (группа мала для z-критерия)'
      : `z-критерий для двух долей: z = ${formatNumber(t.statistic, 2)}`;
  return {
    matters: matters(t, restValue),
    risk: { ...where(v), rule, value: v.value!, reference: '', evidence: '', test: t.method!, statistic: t.statistic, p: t.p },
    words: () => ({
      reference: `${pct(restValue)} в остальных школах`,
      evidence: `${what}: ${pct(v.value!)}${range(wilson(v.numerator!, v.denominator!), 1)} в школе (${n(v.denominator!)}) при ${pct(restValue)}${range(wilson(rest.num, rest.den), 1)} в остальных школах муниципалитета (${n(rest.den)}); ${stat}, ${pWords(t.p)}`,
    }),
  };
}

function where(v: IndicatorValue<IndicatorId>) {
  return {
    year: v.year,
    school_id: v.school_id,
    procedure: v.indicator.split('.')[0],
    subject: v.subject,
    grade: v.grade,
    indicator: v.indicator,
  };
}

const flaggable = (v: IndicatorValue<IndicatorId>) => v.scope === 'school' && published(v) && v.task === '';

/** The pooled within-group standard deviation of two samples: the yardstick of an effect. */
function pooledSd(a: Sample, b: Sample): number {
  return Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / (a.n + b.n - 2));
}

/** Every test of every rule, before the false discovery rate is applied. */
function* candidates(ix: ValueIndex, cfg: SiteConfig['risks']): Generator<Candidate> {
  for (const id of LOW_INDICATORS) {
    for (const v of ix.all(id)) {
      if (!flaggable(v)) continue;
      const muni = ix.get(id, v.year, { subject: v.subject, grade: v.grade });
      if (!published(muni)) continue;
      const c = shareCandidate(
        v,
        muni,
        'low',
        (t) => t.diff > 0 && v.value! >= cfg.low_ratio * muni.value && v.value! >= cfg.low_min_share,
        'доля неудовлетворительных результатов',
      );
      if (c) yield c;
    }
  }
  for (const id of DECLINE_INDICATORS) {
    for (const v of ix.all(id)) {
      if (!flaggable(v)) continue;
      const now = basisOf(v);
      if (now?.kind !== 'mean') continue;
      // The published means of the `decline_years` before, pooled as one sample.
      const earlier: IndicatorValue[] = [];
      for (let k = cfg.decline_years; k >= 1; k--) {
        const e = ix.get(id, v.year - k, { school: v.school_id, subject: v.subject, grade: v.grade });
        if (basisOf(e)?.kind === 'mean') earlier.push(e!);
      }
      const prev = pooledSample(earlier);
      if (!prev) continue;
      const used = earlier.map((e) => e.year);
      const t = welch(now.sample, prev);
      if (!t) continue;
      const sd = pooledSd(now.sample, prev);
      const fall = prev.mean - now.sample.mean;
      const digits = id === 'ege.mean' || id === 'diag.mean_score' ? 1 : 2;
      const years = () =>
        used.length === 1 ? `${used[0]} году` : `${used.slice(0, -1).join(', ')} и ${used[used.length - 1]} годах вместе`;
      yield {
        matters: fall > 0 && sd > 0 && fall >= cfg.min_effect * sd,
        risk: {
          ...where(v),
          rule: 'decline',
          value: v.value!,
          reference: '',
          evidence: '',
          test: 'welch_t',
          statistic: t.statistic,
          p: t.p,
        },
        words: () => ({
          reference: `${formatNumber(prev.mean, digits)} в ${years()}`,
          evidence: `среднее ${formatNumber(now.sample.mean, digits)}${range({ low: v.ci_low!, high: v.ci_high! }, digits)} (${n(now.sample.n)}) против ${formatNumber(prev.mean, digits)}${range(tInterval(prev), digits)} в ${years()} (${n(prev.n)}); снижение на ${formatNumber(fall, digits)} — ${formatNumber(sd > 0 ? fall / sd : 0, 2)} стандартного отклонения (порог ${formatNumber(cfg.min_effect, 2)}); критерий Уэлча: t = ${formatNumber(t.statistic, 2)}, ${pWords(t.p)}`,
        }),
      };
    }
  }
  for (const id of OBJECTIVITY_INDICATORS) {
    const lowered = id.endsWith('lowered_share');
    for (const v of ix.all(id)) {
      if (!flaggable(v)) continue;
      const muni = ix.get(id, v.year, { subject: v.subject, grade: v.grade });
      if (!published(muni)) continue;
      const what = lowered ? 'отметку за работу ниже школьной получили' : 'отметку за работу выше школьной получили';
      const c = shareCandidate(v, muni, 'objectivity', (t) => t.diff >= cfg.objectivity_gap, what);
      if (c) yield c;
    }
  }
}

/**
 * Applies the rules of spec §9 with thresholds from site.yaml. Withheld
 * (small) groups are never tested, so never flagged.
 */
export function findRisks(ix: ValueIndex, cfg: SiteConfig['risks'], signs: Iterable<Candidate> = []): Risk[] {
  // Per rule and year: every test's p-value (the family of the false discovery rate), and only the tests whose
  // difference matters kept whole, since only they can become flags.
  const families = new Map<string, { ps: number[]; kept: Map<number, Candidate> }>();
  const add = (c: Candidate) => {
    const key = `${c.risk.rule}|${c.risk.year}`;
    let f = families.get(key);
    if (!f) families.set(key, (f = { ps: [], kept: new Map() }));
    if (c.matters) f.kept.set(f.ps.length, c);
    f.ps.push(c.risk.p);
  };
  for (const c of candidates(ix, cfg)) add(c);
  for (const c of signs) add(c);
  const out: Risk[] = [];
  for (const { ps, kept } of families.values()) {
    const found = benjaminiHochberg(ps, cfg.fdr);
    for (const [i, c] of kept) if (found[i]) out.push({ ...c.risk, ...c.words(), tested: ps.length });
  }
  const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort(
    (a, b) =>
      a.year - b.year ||
      c(a.school_id, b.school_id) ||
      c(a.procedure, b.procedure) ||
      c(a.subject, b.subject) ||
      (a.grade ?? 0) - (b.grade ?? 0) ||
      c(a.rule, b.rule) ||
      c(a.indicator, b.indicator),
  );
}
