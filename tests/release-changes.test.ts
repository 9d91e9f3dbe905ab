/** What a release changed against the one before it: values of published years, and what is new. */
import { describe, expect, it } from 'vitest';
import { compareNumbers, type Numbers } from '../src/lib/releases/changes.ts';

const before: Numbers = {
  years: [2024],
  schools: [
    { id: '101', name: 'Гимназия № 1' },
    { id: '102', name: 'СОШ № 2' },
  ],
  values: {
    'ege.mean|2024|school|101|rus||||': '70.50',
    'ege.mean|2024|school|102|rus||||': '61.00',
    'ege.mean|2024|municipality||rus||||': '66.00',
  },
};
const now: Numbers = {
  years: [2024, 2025],
  schools: [
    { id: '101', name: 'Гимназия № 1' },
    { id: '102', name: 'СОШ № 2', closed: 2025 },
    { id: '103', name: 'СОШ № 3' },
  ],
  values: {
    'ege.mean|2024|school|101|rus||||': '70.50',
    // Corrected, now withheld, newly shown in a published year, and a new year's value.
    'ege.mean|2024|municipality||rus||||': '66.20',
    'oge.mean|2024|school|101|rus||||': '4.10',
    'ege.mean|2025|school|101|rus||||': '72.00',
  },
};

describe('compareNumbers', () => {
  const c = compareNumbers('r2', 'r1', before, now);
  it('lists every value of a published year that changed, was withdrawn or appeared, old → new', () => {
    expect(c.changed.map((v) => [v.indicator, v.year, v.school_id, v.old, v.new])).toEqual([
      ['ege.mean', 2024, '', '66.00', '66.20'],
      ['ege.mean', 2024, '102', '61.00', ''],
      ['oge.mean', 2024, '101', '', '4.10'],
    ]);
  });
  it('counts what is new: years, schools, closures, indicators', () => {
    expect(c).toMatchObject({
      release: 'r2',
      since: 'r1',
      yearsAdded: [2025],
      schoolsAdded: ['103'],
      schoolsClosed: ['102'],
      indicatorsAdded: ['oge.mean'],
    });
  });
  it('finds nothing between a release and itself', () => {
    expect(compareNumbers('r1', 'r1', before, before)).toMatchObject({
      changed: [],
      yearsAdded: [],
      schoolsAdded: [],
      schoolsClosed: [],
      indicatorsAdded: [],
    });
  });
});
