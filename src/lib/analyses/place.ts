/**
 * The school index of ГИА results and the place it gives (indicators spec §9,
 * §11): each component standardised over the year's schools, the index
 * 100 + 15 × mean z (100 = the typical school), its standard error by a
 * delete-one-pupil jackknife, and a place with its range of plausible places.
 */
import type { Dataset } from '../data/tables.ts';
import { ALPHA, mean, sampleSd, zTest } from '../stats/tests.ts';
import { makeCtxBase } from '../indicators/compute.ts';
import { published } from '../indicators/compare.ts';
import type { ValueIndex } from '../indicators/query.ts';
import { indicator, type IndicatorId } from '../indicators/registry.ts';
import type { Measured } from '../indicators/types.ts';

/** One component of the school index and how it is computed. */
export interface PlaceComponent {
  id: string;
  name: string;
  /** For table headers. */
  short: string;
  /** The indicator whose published subject groups make the component (pooled, weighted by group size). */
  from: IndicatorId;
  exclude?: string[];
  /** Turns the pooled value into «higher is better». */
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

/** A school's index in a year (spec §9). */
export interface SchoolIndex {
  year: number;
  school_id: string;
  /** 100 + 15 × mean of the standardised components: 100 is the typical school of the year. */
  index: number;
  /** Delete-one-pupil jackknife standard error. */
  se: number;
  /** The components' values before standardising (the pooled published groups). */
  components: Record<string, number | undefined>;
  /** The pupils whose results make up the index (the jackknife's units). */
  n: number;
}

export interface Place extends SchoolIndex {
  /** The 95 % range of plausible places: 1 + schools significantly higher … ranked − schools significantly lower. */
  low: number;
  high: number;
  place: number;
  /** How many schools were ranked that year. */
  of: number;
  /** Previous place − this place: positive means the school moved up. */
  change?: number;
  /** Whether the index changed significantly since the previous year: only then is a change of place a rise or a fall. */
  changeSignificant?: boolean;
}

/** A component's pooled sums in a school: the whole, and each pupil's part of it. */
interface Pooled {
  total: Measured;
  pupils: Map<string, Measured>;
}

const add = (a: Measured | undefined, b: Measured): Measured => {
  if (!a) return b;
  if (a.kind === 'share' && b.kind === 'share') return { kind: 'share', num: a.num + b.num, den: a.den + b.den };
  if (a.kind === 'mean' && b.kind === 'mean') return { kind: 'mean', sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq, n: a.n + b.n };
  throw new Error('components pool shares or means only');
};
/** The value of pooled sums without one pupil's part (undefined when nothing is left). */
const valueOf = (m: Measured, less?: Measured): number | undefined => {
  if (m.kind === 'share') {
    const den = m.den - (less?.kind === 'share' ? less.den : 0);
    return den > 0 ? (100 * (m.num - (less?.kind === 'share' ? less.num : 0))) / den : undefined;
  }
  if (m.kind === 'mean') {
    const n = m.n - (less?.kind === 'mean' ? less.n : 0);
    return n > 0 ? (m.sum - (less?.kind === 'mean' ? less.sum : 0)) / n : undefined;
  }
  return undefined;
};

/**
 * Each school's pooled sums of a component in a year, over its published
 * subject groups, with every pupil's part (their rows of those groups).
 */
function pool(data: Dataset, ix: ValueIndex, c: PlaceComponent, year: number): Map<string, Pooled> {
  const def = indicator(c.from);
  const res = data.years.get(year);
  const rows = res ? (def.family.rows(res) ?? []) : [];
  const ctxOf = makeCtxBase(data)(year);
  // The school's rows of each subject group, by pupil.
  const groups = new Map<string, Map<string, unknown[]>>();
  for (const r of rows) {
    if (def.population && !def.population(r)) continue;
    const school = def.family.school(r);
    for (const dims of def.family.groups(r)) {
      if (!dims.subject || dims.task || c.exclude?.includes(dims.subject)) continue;
      const key = `${school}\u0001${dims.subject}`;
      let byPupil = groups.get(key);
      if (!byPupil) groups.set(key, (byPupil = new Map()));
      const pupil = `${def.family.file}:${(r as { participant_id: string }).participant_id}`;
      byPupil.set(pupil, [...(byPupil.get(pupil) ?? []), r]);
    }
  }
  const out = new Map<string, Pooled>();
  for (const [key, byPupil] of groups) {
    const [school, subject] = key.split('\u0001');
    if (!published(ix.get(def.id, year, { school, subject }))) continue;
    const ctx = { ...ctxOf, dims: { subject }, scope: 'school' as const };
    let total = out.get(school)?.total;
    const pupils = out.get(school)?.pupils ?? new Map<string, Measured>();
    for (const [pupil, mine] of byPupil) {
      const m = def.measure(mine, ctx);
      if (!m || (m.kind !== 'share' && m.kind !== 'mean')) continue;
      total = add(total, m);
      pupils.set(pupil, add(pupils.get(pupil), m));
    }
    if (total) out.set(school, { total, pupils });
  }
  return out;
}

/** The school indices of every year (spec §9). */
export function schoolIndices(data: Dataset, ix: ValueIndex): SchoolIndex[] {
  const out: SchoolIndex[] = [];
  for (const year of ix.years) {
    const pooled = new Map(PLACE_COMPONENTS.map((c) => [c.id, pool(data, ix, c, year)]));
    const value = (c: PlaceComponent, p: Pooled, less?: Measured) => {
      const v = valueOf(p.total, less);
      return v === undefined ? undefined : c.transform(v);
    };
    // A component held by fewer than 3 schools, or equal in all of them, is left out this year: it cannot be standardised.
    const scale = new Map(
      PLACE_COMPONENTS.filter((c) => pooled.get(c.id)!.size >= 3).map((c) => {
        const xs = [...pooled.get(c.id)!.values()].map((p) => value(c, p)!);
        return [c.id, { m: mean(xs), sd: sampleSd(xs) }];
      }),
    );
    const used = PLACE_COMPONENTS.filter((c) => (scale.get(c.id)?.sd ?? 0) > 0);
    const z = (c: PlaceComponent, x: number) => (x - scale.get(c.id)!.m) / scale.get(c.id)!.sd;
    const schools = new Set(used.flatMap((c) => [...pooled.get(c.id)!.keys()]));
    for (const school of [...schools].sort()) {
      const mine = used.filter((c) => pooled.get(c.id)!.has(school));
      const components: Record<string, number | undefined> = {};
      for (const c of PLACE_COMPONENTS) {
        const p = pooled.get(c.id)!.get(school);
        components[c.id] = p ? value(c, p) : undefined;
      }
      const theta = (less: (c: PlaceComponent) => Measured | undefined) => {
        const zs = mine.flatMap((c) => {
          const x = value(c, pooled.get(c.id)!.get(school)!, less(c));
          return x === undefined ? [] : [z(c, x)];
        });
        return 100 + 15 * mean(zs);
      };
      const index = theta(() => undefined);
      // Delete-one-pupil jackknife, m and sd held: each pupil leaves with all their results.
      const pupils = new Set(mine.flatMap((c) => [...pooled.get(c.id)!.get(school)!.pupils.keys()]));
      const thetas = [...pupils].map((j) => theta((c) => pooled.get(c.id)!.get(school)!.pupils.get(j)));
      const n = thetas.length;
      const bar = mean(thetas);
      const se = n > 1 ? Math.sqrt(((n - 1) / n) * thetas.reduce((a, t) => a + (t - bar) ** 2, 0)) : 0;
      out.push({ year, school_id: school, index, se, components, n });
    }
  }
  return out;
}

/**
 * Places from the indices: equal indices (to 2 decimals) share a place; the
 * range of plausible places from pairwise z-tests of the indices (spec §11).
 */
export function computePlaces(indices: SchoolIndex[]): Place[] {
  const out: Place[] = [];
  const years = [...new Set(indices.map((i) => i.year))].sort((a, b) => a - b);
  for (const year of years) {
    const ranked = indices.filter((i) => i.year === year).sort((a, b) => b.index - a.index || (a.school_id < b.school_id ? -1 : 1));
    const rounded = (x: number) => Math.round(x * 100) / 100;
    ranked.forEach((r, i) => {
      const place = i > 0 && rounded(ranked[i - 1].index) === rounded(r.index) ? out[out.length - 1].place : i + 1;
      let higher = 0;
      let lower = 0;
      for (const o of ranked) {
        if (o === r) continue;
        const t = zTest(o.index, o.se, r.index, r.se);
        if (!t || t.p >= ALPHA) continue;
        if (t.diff > 0) higher++;
        else lower++;
      }
      out.push({ ...r, place, of: ranked.length, low: 1 + higher, high: ranked.length - lower });
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
