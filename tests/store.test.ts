import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../src/lib/indicators/compute.ts';
import { ValueIndex } from '../src/lib/indicators/query.ts';
import { plain, StoredValue, ValueStore } from '../src/lib/indicators/store.ts';

const base: IndicatorValue = {
  indicator: 'ege.mean',
  year: 2025,
  scope: 'school',
  school_id: 'S01',
  subject: 'rus',
  grade: undefined,
  period: '',
  task: '',
  value: 71.25,
  numerator: undefined,
  denominator: 24,
  suppressed: false,
  n: 24,
  reason: undefined,
  sd: 9.5,
  ci_low: 67.24,
  ci_high: 75.26,
};

describe('values kept as columns', () => {
  it('gives back every field as it was given, undefined numbers and grades too', () => {
    const store = new ValueStore();
    const values: IndicatorValue[] = [
      base,
      { ...base, scope: 'municipality', school_id: '', grade: 0, value: 0, sd: undefined, ci_low: undefined, ci_high: undefined },
      { ...base, indicator: 'vpr.task_success', grade: 11, task: '1.4', period: 'spring', value: undefined, denominator: undefined },
      { ...base, suppressed: true, reason: 'small', n: 3, value: undefined, sd: undefined, ci_low: undefined, ci_high: undefined },
      { ...base, suppressed: true, reason: 'ovz', numerator: 2, value: -1.5 },
    ];
    const kept = values.map((v) => store.add(v));
    kept.forEach((k, i) => {
      expect(k).toBeInstanceOf(StoredValue);
      expect(plain(k)).toStrictEqual(plain(values[i]));
      expect(JSON.parse(JSON.stringify(k))).toEqual(JSON.parse(JSON.stringify(plain(values[i]))));
    });
    // A handle given again is the same value, not a copy.
    expect(store.add(kept[0])).toBe(kept[0]);
  });

  it('writes what secondary suppression changes into the columns', () => {
    const store = new ValueStore();
    const v = store.add(base);
    v.suppressed = true;
    v.reason = 'secondary';
    v.value = undefined;
    v.ci_low = undefined;
    expect(v).toMatchObject({ suppressed: true, reason: 'secondary', value: undefined, ci_low: undefined, ci_high: 75.26, n: 24 });
    v.reason = undefined;
    v.suppressed = false;
    expect([v.reason, v.suppressed, v.year, v.scope]).toEqual([undefined, false, 2025, 'school']);
  });

  it('holds more values than one block, each in its own place', () => {
    const store = new ValueStore();
    const kept = Array.from({ length: 70_000 }, (_, i) => store.add({ ...base, school_id: `S${i}`, value: i / 4 }));
    expect(kept[0].school_id).toBe('S0');
    expect(kept[65_536].school_id).toBe('S65536');
    expect(kept[69_999].value).toBe(69_999 / 4);
  });

  it('refuses a grade it cannot hold rather than keeping another', () => {
    expect(() => new ValueStore().add({ ...base, grade: 300 })).toThrow(RangeError);
  });
});

describe('looking values up', () => {
  it('finds a value by its group, the later of two with one key, and nothing for a group it lacks', () => {
    const ix = new ValueIndex([
      { ...base, value: 1 },
      { ...base, school_id: 'S02', value: 2 },
      { ...base, value: 3 },
      { ...base, year: 2024, value: 4 },
    ]);
    expect(ix.get('ege.mean', 2025, { school: 'S01', subject: 'rus' })?.value).toBe(3);
    expect(ix.get('ege.mean', 2025, { school: 'S02', subject: 'rus' })?.value).toBe(2);
    expect(ix.get('ege.mean', 2024, { school: 'S01', subject: 'rus' })?.value).toBe(4);
    expect(ix.get('ege.mean', 2025, { school: 'S03', subject: 'rus' })).toBeUndefined();
    expect(ix.get('ege.mean', 2023, { school: 'S01', subject: 'rus' })).toBeUndefined();
    expect(ix.get('oge.mean_mark', 2025, { school: 'S01', subject: 'rus' })).toBeUndefined();
  });

  it('finds values added later, in groups looked up before', () => {
    const ix = new ValueIndex([base]);
    expect(ix.get('ege.mean', 2025, { school: 'S02', subject: 'rus' })).toBeUndefined();
    ix.extend([{ ...base, school_id: 'S02', value: 9 }], (a, b) => (a.school_id < b.school_id ? -1 : 1));
    expect(ix.get('ege.mean', 2025, { school: 'S02', subject: 'rus' })?.value).toBe(9);
    expect(ix.values.map((v) => v.school_id)).toEqual(['S01', 'S02']);
  });
});
