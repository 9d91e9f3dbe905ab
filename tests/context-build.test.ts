/**
 * The build on a municipality that is not the demo (tests/helpers/context-municipality.ts: 10 schools, the
 * social passport in three shapes), against an independent implementation of the school index (§9) and of §12
 * written here from the spec, from the raw rows — nothing of src/ is used to compute the expectation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { MIN_SCORE, passports, pupils, SCHOOLS, YEARS, type Pupil } from './helpers/context-municipality.ts';

// ——— The independent implementation, from the spec's words ———

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - avg(xs)) ** 2, 0) / (xs.length - 1));
const pTwo = (z: number) => 2 * normalCdf(-Math.abs(z), 0, 1);
const bh = (ps: number[], q = 0.1) => {
  const order = ps.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  let k = -1;
  order.forEach((o, r) => (o.p <= ((r + 1) / ps.length) * q ? (k = r) : 0));
  return ps.map((_, i) => order.findIndex((o) => o.i === i) <= k);
};

/** §9: the components of a school from its pupils (every group here is published: at least 8 pupils). */
function components(list: Pupil[]) {
  const ege = list.flatMap((p) => p.ege ?? []);
  const oge = list.filter((p) => p.oge !== undefined).map((p) => p.oge!);
  return {
    ege_mean: ege.length ? avg(ege.map((e) => e.score)) : undefined,
    ege_pass: ege.length ? 100 - (100 * ege.filter((e) => e.score < MIN_SCORE[e.subject]).length) / ege.length : undefined,
    oge_success: oge.length ? (100 * oge.filter((m) => m >= 3).length) / oge.length : undefined,
    oge_quality: oge.length ? (100 * oge.filter((m) => m >= 4).length) / oge.length : undefined,
  };
}

function schoolIndex(year: number) {
  const list = pupils.get(year)!;
  const comps = new Map(SCHOOLS.map((s) => [s, components(list.filter((p) => p.school === s))]));
  const keys = ['ege_mean', 'ege_pass', 'oge_success', 'oge_quality'] as const;
  const scale = new Map<string, { m: number; s: number }>();
  for (const k of keys) {
    const xs = SCHOOLS.map((s) => comps.get(s)![k]).filter((x): x is number => x !== undefined);
    if (xs.length >= 3 && sd(xs) > 0) scale.set(k, { m: avg(xs), s: sd(xs) });
  }
  const index = (c: ReturnType<typeof components>) => {
    const zs = keys.filter((k) => scale.has(k) && c[k] !== undefined).map((k) => (c[k]! - scale.get(k)!.m) / scale.get(k)!.s);
    return 100 + 15 * avg(zs);
  };
  return new Map(
    SCHOOLS.map((s) => {
      const own = list.filter((p) => p.school === s);
      const theta = own.map((p) => index(components(own.filter((q) => q !== p))));
      const n = own.length;
      return [s, { y: index(comps.get(s)!), se: Math.sqrt(((n - 1) / n) * theta.reduce((a, t) => a + (t - avg(theta)) ** 2, 0)) }];
    }),
  );
}

const line = (pts: { x: number; y: number }[]) => {
  const xb = avg(pts.map((p) => p.x));
  const yb = avg(pts.map((p) => p.y));
  const sxx = pts.reduce((a, p) => a + (p.x - xb) ** 2, 0);
  const b = pts.reduce((a, p) => a + (p.x - xb) * (p.y - yb), 0) / sxx;
  const a = yb - b * xb;
  const s = Math.sqrt(pts.reduce((acc, p) => acc + (p.y - a - b * p.x) ** 2, 0) / (pts.length - 2));
  const r2 = 1 - pts.reduce((acc, p) => acc + (p.y - a - b * p.x) ** 2, 0) / pts.reduce((acc, p) => acc + (p.y - yb) ** 2, 0);
  return { a, b, s, xb, sxx, m: pts.length, r2, slopeP: 2 * tCdf(-Math.abs(b / (s / Math.sqrt(sxx))), pts.length - 2) };
};

function section12() {
  const indices = new Map(YEARS.map((y) => [y, schoolIndex(y)]));
  const below = new Map(
    YEARS.map((y) => {
      const ix = indices.get(y)!;
      const tests = SCHOOLS.map((s) => {
        const rest = SCHOOLS.filter((o) => o !== s);
        const seRest = Math.sqrt(rest.reduce((a, o) => a + ix.get(o)!.se ** 2, 0)) / rest.length;
        const z = (ix.get(s)!.y - avg(rest.map((o) => ix.get(o)!.y))) / Math.sqrt(ix.get(s)!.se ** 2 + seRest ** 2);
        return { s, z, p: pTwo(z) };
      });
      const found = bh(tests.map((t) => t.p));
      return [y, new Map(tests.map((t, i) => [t.s, { p: t.p, low: found[i] && t.z < 0 }]))];
    }),
  );
  const rows: Record<string, string | number>[] = [];
  for (const year of YEARS) {
    const pass = passports.get(year)!;
    const vars = ['higher_ed_parents', 'low_income', 'single_parent', 'large_family', 'non_native', 'ovz', 'registered'].filter((v) => {
      const xs = pass.map((r) => r.counts[v]);
      return xs.every((x) => x !== undefined) && sd(pass.map((r) => r.counts[v]! / r.students)) > 0;
    });
    const raw = pass.map((r) =>
      avg(
        vars.map((v) => {
          const xs = pass.map((q) => (100 * q.counts[v]!) / q.students);
          return ((v === 'higher_ed_parents' ? 1 : -1) * ((100 * r.counts[v]!) / r.students - avg(xs))) / sd(xs);
        }),
      ),
    );
    const ctx = new Map(pass.map((r, i) => [r.school, 100 + (15 * (raw[i] - avg(raw))) / sd(raw)]));
    const ix = indices.get(year)!;
    const sorted = [...ctx.values()].sort((a, b) => a - b);
    const cut = sorted[Math.ceil(0.25 * sorted.length) - 1];
    const res = SCHOOLS.map((s) => {
      const others = SCHOOLS.filter((o) => o !== s).map((o) => ({ x: ctx.get(o)!, y: ix.get(o)!.y }));
      const l = line(others);
      const x = ctx.get(s)!;
      const expected = l.a + l.b * x;
      const seFit = l.s * Math.sqrt(1 / l.m + (x - l.xb) ** 2 / l.sxx);
      const residual = ix.get(s)!.y - expected;
      const z = residual / Math.sqrt(ix.get(s)!.se ** 2 + seFit ** 2);
      return { s, x, expected, seFit, residual, z, p: pTwo(z) };
    });
    const above = bh(res.map((r) => r.p));
    res.forEach((r, i) => {
      const poor = r.x <= cut;
      rows.push({
        year,
        school_id: r.s,
        context_index: r.x,
        gia_index: ix.get(r.s)!.y,
        se: ix.get(r.s)!.se,
        expected: r.expected,
        se_fit: r.seFit,
        residual: r.residual,
        z: r.z,
        p_value: r.p,
        verdict: r.p < 0.05 ? (r.z > 0 ? 'above' : 'below') : 'expected',
        unfavourable: poor ? 1 : 0,
        low_results: below.get(year)!.get(r.s)!.low && below.get(year - 1)?.get(r.s)?.low ? 1 : 0,
        low_p_value: below.get(year)!.get(r.s)!.p,
        effective: poor && above[i] && r.z > 0 ? 1 : 0,
      });
    });
  }
  return {
    rows,
    r2: new Map(YEARS.map((y) => [y, line(rows.filter((r) => r.year === y).map((r) => ({ x: +r.context_index, y: +r.gia_index })))])),
  };
}

describe('a municipality of 10 schools, passports in three shapes, against an independent implementation of §9 and §12', () => {
  const dist = inject('ctxDist');
  const stdout = inject('ctxLog');
  const read = (f: string) =>
    Papa.parse<Record<string, string>>(readFileSync(join(dist, 'opendata', f), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const mine = section12();

  it('reads all three passports, and warns about the column left empty at one school', () => {
    expect(stdout).toMatch(/context\.xlsx.*«С ОВЗ».*Не заполнен у: СОШ № 4/);
  });
  it('writes context.csv with every school and year, every value within 0,01', () => {
    const built = read('context.csv');
    expect(built).toHaveLength(mine.rows.length);
    for (const want of mine.rows) {
      const got = built.find((b) => b.school_id === want.school_id && Number(b.year) === want.year)!;
      const where = `${want.year} ${want.school_id}`;
      for (const k of ['context_index', 'gia_index', 'se', 'expected', 'se_fit', 'residual', 'z'])
        expect(Math.abs(Number(got[k]) - (want[k] as number)), `${where} ${k}`).toBeLessThanOrEqual(0.01);
      for (const k of ['p_value', 'low_p_value']) {
        expect(got[k], `${where} ${k}`).toMatch(/^\d\.\d+$/); // plain decimals, never 1e-5
        expect(Math.abs(Number(got[k]) - (want[k] as number)), `${where} ${k}`).toBeLessThanOrEqual(
          Math.max(0.0005, 0.01 * (want[k] as number)),
        );
      }
      for (const k of ['verdict', 'unfavourable', 'low_results', 'effective']) expect(got[k], `${where} ${k}`).toBe(String(want[k]));
    }
  });
  it('has findings to check: some school above or below its expectation, and every group filled at least once', () => {
    const v = new Set(mine.rows.map((r) => r.verdict));
    expect(v.has('above') || v.has('below')).toBe(true);
    expect(mine.rows.some((r) => r.unfavourable === 1)).toBe(true);
  });
  it('writes the rows of indicators.csv with the intervals of §12', () => {
    const rows = read('indicators.csv').filter((r) => /^(context|gia)\./.test(r.indicator));
    for (const want of mine.rows) {
      const at = (ind: string) => rows.find((r) => r.indicator === ind && r.school_id === want.school_id && Number(r.year) === want.year)!;
      const seAll = Math.sqrt((want.se as number) ** 2 + (want.se_fit as number) ** 2);
      const check = (ind: string, value: number, half?: number) => {
        const r = at(ind);
        expect(r, `${ind} ${want.year} ${want.school_id}`).toBeDefined();
        expect(r).toMatchObject({ scope: 'school', subject: '', grade: '', numerator: '', denominator: '', suppressed: '0' });
        expect(Math.abs(Number(r.value) - value)).toBeLessThanOrEqual(0.01);
        if (half === undefined) expect([r.ci_low, r.ci_high]).toEqual(['', '']);
        else {
          expect(Math.abs(Number(r.ci_low) - (value - half))).toBeLessThanOrEqual(0.01);
          expect(Math.abs(Number(r.ci_high) - (value + half))).toBeLessThanOrEqual(0.01);
        }
      };
      check('context.index', want.context_index as number);
      check('gia.index', want.gia_index as number, 1.959964 * (want.se as number));
      check('gia.expected', want.expected as number, 1.959964 * (want.se_fit as number));
      check('gia.residual', want.residual as number, 1.959964 * seAll);
    }
  });
  it('gives places from the same index: places.csv carries it and its standard error', () => {
    const places = read('places.csv');
    for (const want of mine.rows) {
      const p = places.find((r) => r.school_id === want.school_id && Number(r.year) === want.year)!;
      expect(Math.abs(Number(p.index) - (want.gia_index as number))).toBeLessThanOrEqual(0.01);
      expect(Math.abs(Number(p.se) - (want.se as number))).toBeLessThanOrEqual(0.01);
    }
  });
  it('states on the page how much the conditions explain, in words of §11, with no ranking', () => {
    const html = readFileSync(join(dist, 'context', 'index.html'), 'utf8');
    const l = mine.r2.get(2025)!;
    const pct = Math.round(l.r2 * 100);
    expect(html).toContain(
      l.slopeP < 0.05
        ? `условия объясняют ${pct}\u00a0% различий`
        : 'связь условий и результатов ГИА не выходит за пределы случайных колебаний',
    );
    // The table is in name order.
    const names = [...html.matchAll(/<th scope="row"[^>]*>((?:СОШ|ООШ) № \d+)<\/th>/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names.slice(0, 10)).toEqual([...names.slice(0, 10)].sort((a, b) => a.localeCompare(b, 'ru', { numeric: true })));
  });
});
