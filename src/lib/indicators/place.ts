import type { ValueIndex } from './query.ts';

/** One component of the school index and how it is computed. */
export interface PlaceComponent {
  id: string;
  name: string;
  /** For table headers. */
  short: string;
  /** Weighted mean over subjects of published values (weights: group sizes). */
  from: string;
  exclude?: string[];
  /** Turns the mean into «higher is better» on a 0–100 scale. */
  transform: (x: number) => number;
}

export const PLACE_COMPONENTS: PlaceComponent[] = [
  { id: 'ege_mean', short: 'ЕГЭ: средний балл', name: 'Средний тестовый балл ЕГЭ (все предметы, кроме базовой математики)', from: 'ege.mean', exclude: ['math_base'], transform: (x) => x },
  { id: 'ege_pass', short: 'ЕГЭ: выше минимума, %', name: '100 − доля результатов ЕГЭ ниже минимального балла, %', from: 'ege.below_min_share', transform: (x) => 100 - x },
  { id: 'oge_success', short: 'ОГЭ: успеваемость, %', name: 'Успеваемость по ОГЭ (все предметы), %', from: 'oge.success_share', transform: (x) => x },
  { id: 'oge_quality', short: 'ОГЭ: качество, %', name: 'Качество знаний по ОГЭ (все предметы), %', from: 'oge.quality_share', transform: (x) => x },
];

export interface Place {
  year: number;
  school_id: string;
  /** Index 0–100: the mean of the available components. */
  index: number;
  components: Record<string, number | undefined>;
  place: number;
  /** How many schools were ranked that year. */
  of: number;
  /** Previous place − this place: positive means the school moved up. */
  change?: number;
}

/**
 * Ranks schools each year by an index of ГИА results (ЕГЭ and ОГЭ only: ВПР is
 * never used to rank schools). Equal indices (to 2 decimals) share a place.
 */
export function computePlaces(ix: ValueIndex): Place[] {
  const out: Place[] = [];
  for (const year of ix.years) {
    const schools = new Map<string, Record<string, number | undefined>>();
    for (const c of PLACE_COMPONENTS) {
      const acc = new Map<string, { sum: number; w: number }>();
      for (const v of ix.all(c.from)) {
        if (v.year !== year || v.scope !== 'school' || v.suppressed || v.value === undefined || c.exclude?.includes(v.subject)) continue;
        const a = acc.get(v.school_id) ?? { sum: 0, w: 0 };
        a.sum += v.value * v.n;
        a.w += v.n;
        acc.set(v.school_id, a);
      }
      for (const [school, a] of acc) {
        const comps = schools.get(school) ?? {};
        comps[c.id] = c.transform(a.sum / a.w);
        schools.set(school, comps);
      }
    }
    const ranked = [...schools].map(([school_id, components]) => {
      const xs = Object.values(components).filter((x): x is number => x !== undefined);
      return { school_id, components, index: Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 };
    });
    ranked.sort((a, b) => b.index - a.index || (a.school_id < b.school_id ? -1 : 1));
    ranked.forEach((r, i) => {
      const place = i > 0 && ranked[i - 1].index === r.index ? out[out.length - 1].place : i + 1;
      out.push({ year, school_id: r.school_id, index: r.index, components: r.components, place, of: ranked.length });
    });
  }
  for (const p of out) {
    const prev = out.find((q) => q.school_id === p.school_id && q.year === p.year - 1);
    if (prev) p.change = prev.place - p.place;
  }
  return out;
}
