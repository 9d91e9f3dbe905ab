/**
 * Results against conditions (spec §12) on municipalities with a known truth:
 * schools whose results follow their conditions and nothing else are seldom
 * labelled, and a school in difficult conditions that does much better than
 * its conditions predict is found.
 */
import { describe, expect, it } from 'vitest';
import { contextIndices } from '../src/lib/analyses/context/conditions.ts';
import { contextModel } from '../src/lib/analyses/context/model.ts';
import { loadData } from '../src/lib/data/load.ts';
import { computeAll } from '../src/lib/indicators/compute.ts';
import { schoolIndices } from '../src/lib/analyses/place.ts';
import { ValueIndex } from '../src/lib/indicators/query.ts';
import { makeData } from './helpers/fixture.ts';
import { conditions, passports, simulate } from './helpers/simulate.ts';

const YEARS = [2023, 2024, 2025];
const RUNS = 40;
/**
 * How strongly pupils' results lean on conditions (SD of results per SD of conditions): 0.2 makes the
 * conditions explain about 60 % of the differences between schools (R² ≈ 0.58), as in the demo data (0.59).
 * Stronger leanings (R² above 0.8) bend the index against the straight line — shares saturate near
 * 100 % — and the false label rate climbs towards 10 %: see the method page.
 */
const SLOPE = 0.2;

/** A municipality of 20 schools of 30 whose pupils' results lean on conditions by `slope` SD per SD, plus `planted`. */
function run(seed: number, slope: number, planted?: { school: string; shift: number }) {
  const c = conditions(20, seed);
  const files = {
    ...simulate(20, 30, YEARS, { shift: (s) => slope * c.get(s)! + (s === planted?.school ? planted.shift : 0) }, seed),
    ...passports(c, YEARS),
  };
  const { data, log } = loadData(makeData(files));
  expect(log.errors).toEqual([]);
  const ix = new ValueIndex(computeAll(data).values);
  return { c, years: contextModel(contextIndices(data), schoolIndices(data, ix), { unfavourable_share: 0.25, fdr: 0.1 }) };
}

/** The school in the least favourable conditions: certainly ШНСУ. */
const poorest = (c: Map<string, number>) => [...c].sort((a, b) => a[1] - b[1])[0][0];

describe(`no school effect beyond conditions: ${RUNS} municipalities × ${YEARS.length} years`, () => {
  const leaning = Array.from({ length: RUNS }, (_, i) => run(500 + i, SLOPE).years).flat();
  const flat = Array.from({ length: RUNS }, (_, i) => run(700 + i, 0).years).flat();
  it('has a model every year, and the conditions explain about 60 % of the differences', () => {
    expect(leaning.every((y) => y.noModel === undefined && y.schools.filter((s) => s.expected !== undefined).length === 20)).toBe(true);
    const r2 = leaning.reduce((a, y) => a + y.line!.r2, 0) / leaning.length;
    expect(r2).toBeGreaterThan(0.5);
    expect(r2).toBeLessThan(0.7);
  });
  it('labels a school «effective in difficult conditions» in at most 10 % of years', () => {
    for (const years of [leaning, flat])
      expect(years.filter((y) => y.schools.some((s) => s.effective)).length).toBeLessThanOrEqual(0.1 * years.length);
  });
  it('labels a school ШНОР in at most 10 % of years when no school differs', () => {
    expect(flat.filter((y) => y.schools.some((s) => s.lowResults)).length).toBeLessThanOrEqual(0.1 * flat.length);
  });
});

describe('a school in difficult conditions 0.8 SD above what its conditions predict', () => {
  const found = Array.from({ length: RUNS }, (_, i) => {
    const seed = 900 + i;
    const school = poorest(conditions(20, seed));
    return run(seed, SLOPE, { school, shift: 0.8 }).years.map((y) => y.schools.find((s) => s.school_id === school)!);
  }).flat();
  it('is ШНСУ and labelled effective in at least 80 % of years', () => {
    expect(found.every((s) => s.unfavourable)).toBe(true);
    expect(found.filter((s) => s.effective).length).toBeGreaterThanOrEqual(0.8 * found.length);
  });
});
