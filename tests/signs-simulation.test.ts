/**
 * §16 on a municipality the project has not seen, against a reference written
 * apart from src/lib/analyses/signs/: counts and sums straight from the rows,
 * the hypergeometric by log-factorials, BH by its definition. Planted: a pile
 * at «4» (S01), hard tasks better than easy ones (S02), a ВПР 8 the next ОГЭ
 * does not confirm (S03); honest strong (S04) and weak (S05) schools.
 * Every flag must be equal: values within 0,011, p-values within 1 %.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/lib/model/build.ts';
import { makeData } from './helpers/fixture.ts';
import { municipality, reference } from './helpers/signs-municipality.ts';

describe('signs on a simulated municipality, against a reference', () => {
  for (const seed of [7, 2026]) {
    it(`finds the planted signs as the reference does, and none in honest schools (seed ${seed})`, () => {
      const files = municipality(seed);
      const { model, log } = buildModel(makeData(files));
      expect(log.errors).toEqual([]);
      const ours = model.risks
        .filter((r) => ['threshold', 'tasks', 'confirmation'].includes(r.rule))
        .map((r) => ({ school: r.school_id, rule: r.rule, value: r.value, p: r.p }))
        .sort((x, y) => (x.rule + x.school < y.rule + y.school ? -1 : 1));
      const ref = reference(files);
      expect(ours.map((r) => `${r.rule} ${r.school}`)).toEqual(ref.map((r) => `${r.rule} ${r.school}`));
      ours.forEach((r, i) => {
        expect(Math.abs(r.value - ref[i].value)).toBeLessThan(0.011);
        expect(Math.abs(r.p - ref[i].p)).toBeLessThanOrEqual(0.01 * ref[i].p);
      });
      const found = new Set(ours.map((r) => `${r.rule} ${r.school}`));
      for (const planted of ['threshold S01', 'tasks S02', 'confirmation S03']) expect(found).toContain(planted);
      for (const honest of ['S04', 'S05']) expect(ours.filter((r) => r.school === honest)).toEqual([]);
    });
  }
});
