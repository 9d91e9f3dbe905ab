/** The worked example of the methodology page: a school's change that looks large but is within chance, from this site's data. */
import {
  count,
  describeChange,
  describeComparison,
  formatInterval,
  formatNumber,
  formatValue,
  genderOf,
  lowerFirst,
  DIGITS,
  PARTICIPANTS,
} from '../words/format.ts';
import { changeFromPrevious, type Comparison } from '../indicators/compare.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import { indicator, shortOf, unitOf, type IndicatorId } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { namer } from '../data/names.ts';

export interface WorkedExample {
  school: string;
  group: string;
  indicator: string;
  year: number;
  prevYear: number;
  lines: string[];
  verdict: string;
}

const CANDIDATES: readonly IndicatorId[] = ['ege.mean', 'oge.mean_mark', 'vpr.mean_mark'];

/**
 * The school value with the largest change from last year among those a test
 * plainly calls chance (p > 0,1), taken from the first indicator that has one.
 */
export function workedExample(m: Model): WorkedExample | undefined {
  let best: { v: IndicatorValue<IndicatorId>; prev: IndicatorValue; c: Comparison; size: number } | undefined;
  for (const id of CANDIDATES) {
    for (const v of m.ix.all(id)) {
      if (v.scope !== 'school' || v.suppressed || v.year !== m.latestYear) continue;
      const prev = m.ix.previous(v);
      const c = changeFromPrevious(m.ix, v);
      if (!prev || !c?.test || c.significant || c.test.p <= 0.1 || !v.sd) continue;
      const size = Math.abs(c.diff);
      if (!best || size > best.size) best = { v, prev, c, size };
    }
    if (best) break;
  }
  if (!best) return undefined;
  const { v, prev, c } = best;
  const def = indicator(v.indicator);
  const unit = unitOf(def, v.subject);
  const names = namer(m.data);
  const d = DIGITS[unit] + 1;
  const line = (x: IndicatorValue) =>
    `${x.year} год: ${count(x.n, PARTICIPANTS)}, среднее ${formatValue(x.value!, unit)}, стандартное отклонение ${formatNumber(x.sd!, d)}, 95-процентный интервал ${formatInterval(x, unit)}`;
  return {
    school: names.school(v.school_id),
    group: names.group(v),
    indicator: def.name,
    year: v.year,
    prevYear: prev.year,
    lines: [
      line(prev),
      line(v),
      `Разница ${formatNumber(c.diff, d)}; t-критерий Уэлча: t = ${formatNumber(c.test!.statistic, 2)}, число степеней свободы ≈ ${formatNumber(c.test!.df ?? 0, 1)}, p = ${formatNumber(c.test!.p, 3)}.`,
    ],
    verdict: `${def.name} — ${describeComparison(c, unit, genderOf(def.name))}: интервалы двух лет перекрываются, p больше 0,05, и сайт не пишет «${describeChange(c.diff, unit, genderOf(def.name)).split(' ')[0]}», не ставит стрелку и не красит изменение. Такая разница — обычное дело, когда в группе ${count(v.n, PARTICIPANTS)} и её состав меняется каждый год.`,
  };
}

/**
 * An example of secondary suppression from the site's own data, for the methodology page: a school withheld for
 * its size, and the school withheld beside it so that the first cannot be worked out from the municipal number.
 */
export function secondaryExample(m: Model): string | undefined {
  const names = namer(m.data);
  const latest = m.ix.years.at(-1);
  const preferred: IndicatorId[] = ['ege.mean', 'oge.mean_mark', 'oge.fail_share', 'vpr.mean_mark', 'ege.below_min_share'];
  for (const id of preferred) {
    const schools = m.ix.values.filter((v) => v.indicator === id && v.scope === 'school');
    for (const second of schools
      .filter((v) => v.reason === 'secondary')
      .sort((a, b) => (b.year === latest ? 1 : 0) - (a.year === latest ? 1 : 0))) {
      const same = (v: IndicatorValue) =>
        v.year === second.year &&
        v.subject === second.subject &&
        v.grade === second.grade &&
        v.period === second.period &&
        v.task === second.task;
      const small = schools.find((v) => same(v) && v.reason === 'small' && v.n > 0);
      const total = m.ix.values.find((v) => v.indicator === id && v.scope === 'municipality' && same(v));
      if (!small || !total || total.suppressed) continue;
      const def = indicator(id);
      const what = `${shortOf(def, second.subject)}, ${lowerFirst(names.group(second))}, ${second.year} год`;
      return `Пример с этого сайта: ${what}. В школе «${names.school(small.school_id)}» ${count(small.n, PARTICIPANTS)} — её значение скрыто, потому что группа меньше порога. Но муниципальное значение публикуется, и если бы были видны значения всех остальных школ, скрытое можно было бы получить вычитанием. Поэтому скрыто и значение школы «${names.school(second.school_id)}» (${count(second.n, PARTICIPANTS)}) — это самая маленькая группа из оставшихся. Теперь по опубликованным числам можно узнать только сумму скрытых значений, а каждое из них — нет.`;
    }
  }
  return undefined;
}
