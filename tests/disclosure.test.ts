/**
 * Secondary suppression (indicators spec §0) on hand-made groups: a withheld school is not the municipality minus
 * the others, ОВЗ takes без ОВЗ with it, two small withheld parts take a third, a withheld part opens another sum
 * (cascade), a pooled mechanism value covers its organisations. Each case is also run without the rule: the
 * audit must then find the withheld value pinned, so that these tests fail if the rule is switched off.
 */
import { describe, expect, it } from 'vitest';
import { secondarySuppression } from '../src/lib/analyses/disclosure/index.ts';
import { audit } from '../src/lib/analyses/disclosure/audit.ts';
import { subjectSums, valueSums, type Part, type Sum } from '../src/lib/analyses/disclosure/sums.ts';
import { decides } from '../src/lib/analyses/disclosure/rule.ts';
import { freeByCycles } from '../src/lib/analyses/disclosure/cycles.ts';
import type { Problem } from '../src/lib/analyses/disclosure/problem.ts';
import type { SubjectRow } from '../src/lib/analyses/subjects/tables.ts';
import { IssueLog } from '../src/lib/data/issues.ts';
import type { IndicatorValue } from '../src/lib/indicators/compute.ts';

const MIN = 5;

/** A share as the engine leaves it: published with its counts, or withheld under MIN. */
function share(indicator: string, school: string, num: number, den: number, subject = 'rus'): IndicatorValue {
  const hidden = den < MIN;
  return {
    indicator: indicator as IndicatorValue['indicator'],
    year: 2025,
    scope: school === '' ? 'municipality' : 'school',
    school_id: school,
    subject,
    period: '',
    task: '',
    n: den,
    suppressed: hidden,
    reason: hidden ? 'small' : undefined,
    value: hidden ? undefined : (100 * num) / den,
    numerator: hidden ? undefined : num,
    denominator: hidden ? undefined : den,
  };
}

/** A municipality of schools (id, numerator, denominator) with its total. */
const municipality = (indicator: string, schools: [string, number, number][], subject = 'rus') => [
  share(
    indicator,
    '',
    schools.reduce((a, s) => a + s[1], 0),
    schools.reduce((a, s) => a + s[2], 0),
    subject,
  ),
  ...schools.map(([id, num, den]) => share(indicator, id, num, den, subject)),
];

const withheld = (vs: IndicatorValue[]) =>
  vs.filter((v) => v.suppressed).map((v) => `${v.school_id}${v.reason === 'secondary' ? '*' : ''}`);
const pinnedWithoutRule = (vs: IndicatorValue[], pooled = new Set<string>()) => audit(valueSums(vs, pooled, MIN)).pinned.map((p) => p.key);

describe('secondary suppression', () => {
  it('covers one withheld school with the smallest published one, so that it is not the total minus the others', () => {
    const vs = municipality('oge.fail_share', [
      ['A', 4, 40],
      ['B', 1, 3],
      ['C', 2, 12],
      ['D', 5, 25],
    ]);
    expect(
      pinnedWithoutRule(
        municipality('oge.fail_share', [
          ['A', 4, 40],
          ['B', 1, 3],
          ['C', 2, 12],
          ['D', 5, 25],
        ]),
      ),
    ).toEqual(['oge.fail_share|2025|B|rus|||']);
    const d = secondarySuppression(vs, [], new Set(), MIN, new IssueLog());
    expect(withheld(vs)).toEqual(['B', 'C*']);
    expect(d).toMatchObject({ primary: 1, secondary: 1 });
    expect(audit(valueSums(vs, new Set(), MIN)).pinned).toEqual([]);
    // The rest of the municipality no longer gives B: it is B and C together.
    const rest = vs[0].numerator! - vs.filter((v) => v.school_id && !v.suppressed).reduce((a, v) => a + v.numerator!, 0);
    expect(rest).toBe(3);
  });

  it('withholds a third part when two withheld parts together have fewer than min_group participants', () => {
    const vs = municipality('ege.below_min_share', [
      ['A', 1, 30],
      ['B', 0, 2],
      ['C', 1, 1],
      ['D', 2, 9],
      ['E', 3, 15],
    ]);
    secondarySuppression(vs, [], new Set(), MIN, new IssueLog());
    expect(withheld(vs)).toEqual(['B', 'C', 'D*']);
  });

  it('needs no cover when the total is 0 % or 100 %: the total says every part by itself', () => {
    const vs = municipality('oge.fail_share', [
      ['A', 0, 40],
      ['B', 0, 3],
    ]);
    secondarySuppression(vs, [], new Set(), MIN, new IssueLog());
    expect(withheld(vs)).toEqual(['B']);
  });

  it('follows a withheld part into another sum (cascade): an olympiad subject covered among schools opens the school’s total over subjects', () => {
    const count = (school: string, subject: string, value: number, n: number): IndicatorValue => ({
      ...share('olymp.municipal_winners', school, value, n, subject),
      numerator: undefined,
      denominator: undefined,
      value: n < MIN ? undefined : value,
    });
    const vs = [
      count('', '', 9, 60),
      count('', 'rus', 5, 30),
      count('', 'math', 4, 30),
      count('A', '', 5, 35),
      count('A', 'rus', 3, 20),
      count('A', 'math', 2, 15),
      count('B', '', 4, 25),
      count('B', 'rus', 2, 10),
      count('B', 'math', 2, 15),
    ];
    vs.find((v) => v.school_id === 'B' && v.subject === 'rus')!.suppressed = true;
    vs.find((v) => v.school_id === 'B' && v.subject === 'rus')!.reason = 'small';
    vs.find((v) => v.school_id === 'B' && v.subject === 'rus')!.value = undefined;
    expect(pinnedWithoutRule(vs).length).toBeGreaterThan(0);
    secondarySuppression(vs, [], new Set(), MIN, new IssueLog());
    expect(audit(valueSums(vs, new Set(), MIN)).pinned).toEqual([]);
    // B's Russian is covered in the schools' sum and in B's own total over subjects.
    expect(vs.filter((v) => v.reason === 'secondary').length).toBeGreaterThanOrEqual(2);
  });

  it('settles several indicators and years with the solver at once as it would one by one', () => {
    // Three years of linked sums (schools × subjects), each needing the solver: while one year's problems are
    // solved the next year's are prepared, and each year comes out as it does alone.
    const year = (y: number) => {
      const count = (school: string, subject: string, value: number, n: number): IndicatorValue => ({
        ...share('olymp.municipal_winners', school, value, n, subject),
        year: y,
        numerator: undefined,
        denominator: undefined,
        value: n < MIN ? undefined : value,
      });
      const d = y - 2023;
      const vs = [
        count('', '', 9 + d, 60 + d),
        count('', 'rus', 5, 30),
        count('', 'math', 4 + d, 30 + d),
        count('A', '', 5 + d, 35 + d),
        count('A', 'rus', 3, 20),
        count('A', 'math', 2 + d, 15 + d),
        count('B', '', 4, 25),
        count('B', 'rus', 2, 10),
        count('B', 'math', 2, 15),
      ];
      const b = vs.find((v) => v.school_id === 'B' && v.subject === (d === 1 ? 'math' : 'rus'))!;
      [b.suppressed, b.reason, b.value] = [true, 'small', undefined];
      return vs;
    };
    const together = [2023, 2024, 2025].flatMap(year);
    expect(pinnedWithoutRule(together).length).toBeGreaterThan(0);
    const d = secondarySuppression(together, [], new Set(), MIN, new IssueLog());
    expect(d.solved).toBeGreaterThanOrEqual(3);
    for (const y of [2023, 2024, 2025]) {
      const alone = year(y);
      secondarySuppression(alone, [], new Set(), MIN, new IssueLog());
      expect(withheld(together.filter((v) => v.year === y)), String(y)).toEqual(withheld(alone));
    }
    expect(audit(valueSums(together, new Set(), MIN)).pinned).toEqual([]);
  });

  it('covers an organisation in a pooled mechanism share, and leaves a municipal value given as a row alone', () => {
    const vs = municipality('mech.teachers_share', [
      ['301', 2, 4],
      ['302', 10, 20],
      ['303', 9, 15],
    ]);
    expect(pinnedWithoutRule(vs, new Set(['mech.teachers_share|2025']))).toEqual(['mech.teachers_share|2025|301|rus|||']);
    expect(pinnedWithoutRule(vs)).toEqual([]);
    secondarySuppression(vs, [], new Set(['mech.teachers_share|2025']), MIN, new IssueLog());
    expect(withheld(vs)).toEqual(['301', '303*']);
  });

  it('withholds без ОВЗ with ОВЗ in the subject analysis, and a school with its bands', () => {
    const row = (group: string, band: string, num: number, n: number): SubjectRow => ({
      year: 2025,
      procedure: 'oge',
      subject: 'math',
      table: 'bands',
      group,
      band,
      task: '',
      n,
      suppressed: n < MIN,
      numerator: n < MIN ? undefined : num,
      denominator: n < MIN ? undefined : n,
      value: n < MIN ? undefined : (100 * num) / n,
    });
    const bands = (group: string, counts: number[]) =>
      ['2', '3', '4', '5'].map((b, i) =>
        row(
          group,
          b,
          counts[i],
          counts.reduce((a, x) => a + x, 0),
        ),
      );
    const rows = [...bands('all', [4, 10, 10, 6]), ...bands('ovz', [1, 1, 0, 0]), ...bands('no_ovz', [3, 9, 10, 6])];
    expect(audit(subjectSums(rows)).pinned.length).toBeGreaterThan(0);
    secondarySuppression([], rows, new Set(), MIN, new IssueLog());
    expect(rows.filter((r) => r.group === 'no_ovz').every((r) => r.suppressed && r.secondary)).toBe(true);
    expect(rows.filter((r) => r.group === 'all').every((r) => !r.suppressed)).toBe(true);
  });
});

describe('the audit against every solution counted by hand', () => {
  // Small tables of counts (schools × subjects) with their schools' and subjects' totals, some cells and some
  // school totals withheld: every whole-number filling of the withheld cells is tried, and a cell is pinned when
  // one value fits. The audit (its closed form, the solver, the shortcuts of solveGrouped and freeByCycles) must
  // find exactly those cells.
  const part = (key: string, x: number, hi: number, withheld: boolean): Part => ({
    key,
    x,
    lo: 0,
    hi,
    n: hi,
    withheld,
    integer: true,
    hide() {},
  });
  let seed = 20261207;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), Math.floor((seed / 2147483648) * k));

  function table() {
    const R = 3 + rnd(2);
    const C = 3 + rnd(2);
    const cells = Array.from({ length: R }, (_, r) =>
      Array.from({ length: C }, (_, c) => {
        const hi = 1 + rnd(4);
        return part(`${r}.${c}`, rnd(hi + 1), hi, rnd(5) < 2);
      }),
    );
    const sums: Sum[] = [];
    cells.forEach((row, r) => {
      if (rnd(4) === 0) return; // the school's total is withheld too: its cells are in their subject's sum only
      sums.push({
        total: part(
          `r${r}`,
          row.reduce((a, p) => a + p.x, 0),
          99,
          false,
        ),
        parts: row,
      });
    });
    for (let c = 0; c < C; c++) {
      const col = cells.map((row) => row[c]);
      sums.push({
        total: part(
          `c${c}`,
          col.reduce((a, p) => a + p.x, 0),
          99,
          false,
        ),
        parts: col,
      });
    }
    return { cells: cells.flat(), sums };
  }

  function pinnedByHand(cells: Part[], sums: Sum[]): string[] {
    const unknown = cells.filter((p) => p.withheld && p.hi > p.lo);
    const seen = unknown.map(() => new Set<number>());
    const at = new Map<Part, number>();
    const walk = (i: number) => {
      if (i === unknown.length) {
        const value = (p: Part) => at.get(p) ?? p.x;
        if (sums.every((s) => s.parts.reduce((a, p) => a + value(p), 0) === s.total.x)) unknown.forEach((p, k) => seen[k].add(at.get(p)!));
        return;
      }
      for (let x = unknown[i].lo; x <= unknown[i].hi; x++) {
        at.set(unknown[i], x);
        walk(i + 1);
      }
    };
    walk(0);
    return unknown
      .filter((_, k) => seen[k].size === 1)
      .map((p) => p.key)
      .sort();
  }

  it('finds exactly the cells one value fits, in 60 random tables', () => {
    let tables = 0;
    let pinned = 0;
    while (tables < 60) {
      const { cells, sums } = table();
      // A total of 0 or of every participant says its parts by itself: the audit counts those as known, not pinned.
      if (sums.some(decides) || cells.filter((p) => p.withheld).length > 7) continue;
      tables++;
      const expected = pinnedByHand(cells, sums);
      pinned += expected.length;
      expect(
        audit(sums)
          .pinned.map((p) => p.key)
          .sort(),
      ).toEqual(expected);
    }
    // The cases are not all trivial.
    expect(pinned).toBeGreaterThan(10);
  });
});

describe('cycles that free withheld counts without the solver', () => {
  it('moves values only along cycles every sum keeps, and frees every count of a table whose totals leave room', () => {
    // 2 schools × 2 subjects, all four withheld, each with room both ways: +1, −1, +1, −1 around the cycle.
    const p: Problem = {
      vars: [0, 1, 2, 3].map(() => ({ lo: 0, hi: 3, integer: true })),
      rows: [
        { of: [0, 1], rhs: 3 },
        { of: [2, 3], rhs: 3 },
        { of: [0, 2], rhs: 3 },
        { of: [1, 3], rhs: 3 },
      ],
    };
    const at = [1, 2, 2, 1];
    const seen = at.map((x) => ({ lo: x, hi: x }));
    freeByCycles(p, at, seen, (i) => seen[i].hi - seen[i].lo >= 0.5);
    expect(seen.every((s) => s.hi > s.lo)).toBe(true);
    // What it saw for the first variable, the others follow: each moved value is part of a solution.
    for (const x0 of [seen[0].lo, seen[0].hi]) {
      const x = [x0, 3 - x0, 3 - x0, x0];
      expect(x.every((v, i) => v >= seen[i].lo && v <= seen[i].hi)).toBe(true);
    }
  });

  it('leaves a count pinned when the only cycle through it has no room', () => {
    // Cell 3 sits at its upper bound and cell 0 at its lower: the cycle 0+ 1− 3+ 2− cannot start, nor 0− at all.
    const p: Problem = {
      vars: [0, 1, 2, 3].map(() => ({ lo: 0, hi: 2, integer: true })),
      rows: [
        { of: [0, 1], rhs: 2 },
        { of: [2, 3], rhs: 4 },
        { of: [0, 2], rhs: 2 },
        { of: [1, 3], rhs: 4 },
      ],
    };
    const at = [0, 2, 2, 2];
    const seen = at.map((x) => ({ lo: x, hi: x }));
    freeByCycles(p, at, seen, (i) => seen[i].hi - seen[i].lo >= 0.5);
    expect(seen).toEqual(at.map((x) => ({ lo: x, hi: x })));
  });
});
