import { ALPHA, zTest } from '../stats/tests.ts';
import type { IndicatorValue } from './compute.ts';
import type { ValueIndex } from './query.ts';
import type { IndicatorId } from './registry.ts';

/** One component of the school index and how it is computed. */
export interface PlaceComponent {
  id: string;
  name: string;
  /** For table headers. */
  short: string;
  /** Weighted mean over subjects of published values (weights: group sizes). */
  from: IndicatorId;
  exclude?: string[];
  /** Turns the mean into «higher is better» on a 0–100 scale. */
  transform: (x: number) => number;
}

export const PLACE_COMPONENTS: PlaceComponent[] = [
  {
    id: 'ege_mean',
    short: 'ЕГЭ: средний балл',
    name: 'Средний тестовый балл ЕГЭ (все предметы, кроме базовой математики)',
    from: 'ege.mean',
    exclude: ['math_base'],
    transform: (x) => x,
  },
  {
    id: 'ege_pass',
    short: 'ЕГЭ: выше минимума, %',
    name: '100 − доля результатов ЕГЭ ниже минимального балла, %',
    from: 'ege.below_min_share',
    transform: (x) => 100 - x,
  },
  {
    id: 'oge_success',
    short: 'ОГЭ: успеваемость, %',
    name: 'Успеваемость по ОГЭ (все предметы), %',
    from: 'oge.success_share',
    transform: (x) => x,
  },
  {
    id: 'oge_quality',
    short: 'ОГЭ: качество, %',
    name: 'Качество знаний по ОГЭ (все предметы), %',
    from: 'oge.quality_share',
    transform: (x) => x,
  },
];

export interface Place {
  year: number;
  school_id: string;
  /** Index 0–100: the mean of the available components. */
  index: number;
  /** Standard error of the index (spec §11): sqrt(Σ se²) / k over its k components. */
  se: number;
  /** The 95 % range of plausible places: 1 + schools significantly higher … ranked − schools significantly lower. */
  low: number;
  high: number;
  components: Record<string, number | undefined>;
  place: number;
  /** How many schools were ranked that year. */
  of: number;
  /** Previous place − this place: positive means the school moved up. */
  change?: number;
  /** Whether the index changed significantly since the previous year: only then is a change of place a rise or a fall. */
  changeSignificant?: boolean;
}

/** Standard error of a published value: s/√n for a mean, √(p(1−p)/n) for a share, in its units. */
function seOf(v: IndicatorValue): number {
  if (v.numerator !== undefined && v.denominator) {
    const p = v.numerator / v.denominator;
    return 100 * Math.sqrt((p * (1 - p)) / v.denominator);
  }
  return v.sd !== undefined && v.n > 0 ? v.sd / Math.sqrt(v.n) : 0;
}

/**
 * Ranks schools each year by an index of ГИА results (ЕГЭ and ОГЭ only: ВПР is
 * never used to rank schools). Equal indices (to 2 decimals) share a place.
 */
export function computePlaces(ix: ValueIndex): Place[] {
  const out: Place[] = [];
  for (const year of ix.years) {
    const schools = new Map<string, { values: Record<string, number | undefined>; se: Record<string, number> }>();
    for (const c of PLACE_COMPONENTS) {
      const acc = new Map<string, { sum: number; w: number; var: number }>();
      for (const v of ix.all(c.from)) {
        if (v.year !== year || v.scope !== 'school' || v.suppressed || v.value === undefined || c.exclude?.includes(v.subject)) continue;
        const a = acc.get(v.school_id) ?? { sum: 0, w: 0, var: 0 };
        a.sum += v.value * v.n;
        a.w += v.n;
        a.var += (v.n * seOf(v)) ** 2;
        acc.set(v.school_id, a);
      }
      for (const [school, a] of acc) {
        const comps = schools.get(school) ?? { values: {}, se: {} };
        comps.values[c.id] = c.transform(a.sum / a.w);
        comps.se[c.id] = Math.sqrt(a.var) / a.w;
        schools.set(school, comps);
      }
    }
    const ranked = [...schools].map(([school_id, { values, se }]) => {
      const ids = Object.keys(values).filter((k) => values[k] !== undefined);
      const k = ids.length;
      return {
        school_id,
        components: values,
        index: Math.round((ids.reduce((a, id) => a + values[id]!, 0) / k) * 100) / 100,
        se: Math.sqrt(ids.reduce((a, id) => a + se[id] ** 2, 0)) / k,
      };
    });
    ranked.sort((a, b) => b.index - a.index || (a.school_id < b.school_id ? -1 : 1));
    ranked.forEach((r, i) => {
      const place = i > 0 && ranked[i - 1].index === r.index ? out[out.length - 1].place : i + 1;
      let higher = 0;
      let lower = 0;
      for (const o of ranked) {
        if (o === r) continue;
        const t = zTest(o.index, o.se, r.index, r.se);
        if (!t || t.p >= ALPHA) continue;
        if (t.diff > 0) higher++;
        else lower++;
      }
      out.push({
        year,
        school_id: r.school_id,
        index: r.index,
        se: r.se,
        components: r.components,
        place,
        of: ranked.length,
        low: 1 + higher,
        high: ranked.length - lower,
      });
    });
  }
  for (const p of out) {
    const prev = out.find((q) => q.school_id === p.school_id && q.year === p.year - 1);
    if (!prev) continue;
    p.change = prev.place - p.place;
    const t = zTest(p.index, p.se, prev.index, prev.se);
    p.changeSignificant = t !== undefined && t.p < ALPHA;
  }
  return out;
}
