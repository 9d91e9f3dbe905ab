import { describe, expect, it } from 'vitest';
import { toneOf } from '../src/lib/views/routes/reports.ts';
import type { Indicator } from '../src/lib/indicators/registry.ts';

const line = (better: boolean | null, change: number, significant = true) => ({
  def: { better } as Indicator,
  change,
  significant,
  since: undefined,
});

describe('a finding’s marker in the report’s «Главное»', () => {
  it('points the way the number went and colours whether that is good: a share of failures that fell is ▼ in green', () => {
    expect(toneOf(line(false, -14))).toBe('is-down is-good');
    expect(toneOf(line(false, 3))).toBe('is-up is-bad');
    expect(toneOf(line(true, 2.5))).toBe('is-up is-good');
    expect(toneOf(line(true, -2.5))).toBe('is-down is-bad');
  });
  it('has no colour for a neutral indicator, and no marker without a change', () => {
    expect(toneOf(line(null, 5))).toBe('is-up');
    expect(toneOf(line(true, 0))).toBeUndefined();
  });
  it('takes the change since the first year when the year’s change is within chance', () => {
    expect(toneOf({ ...line(false, 1, false), since: { year: 2021, change: -6, significant: true } })).toBe('is-down is-good');
  });
});
