/**
 * An outsider with nothing but the built open data (indicators.csv, subject-analysis.csv) tries to work out the
 * withheld values: every published total is the sum of its published and withheld parts (schools → municipality,
 * olympiad subjects → total, in the subject analysis schools, kinds and ОВЗ / без ОВЗ → all). Bounds are tightened
 * over all sums until nothing changes; a withheld whole number left with one possible value is recovered. Written
 * apart from src/lib/analyses/disclosure/ on purpose: it shares no code with what it checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, it } from 'vitest';

type Row = Record<string, string>;
const read = (dist: string, f: string) =>
  Papa.parse<Row>(readFileSync(join(dist, 'opendata', f), 'utf8'), { header: true, skipEmptyLines: true }).data;

interface Unknown {
  name: string;
  lo: number;
  hi: number;
}
interface Eq {
  vars: Unknown[];
  rhs: number;
}

/** Sums of whole numbers (numerators, counts) an outsider can write from the open data. */
function equations(dist: string): { eqs: Eq[]; withheld: number } {
  const groups = new Map<string, { total?: Row; parts: Row[] }>();
  const add = (key: string, r: Row, total: boolean) => {
    const g = groups.get(key) ?? groups.set(key, { parts: [] }).get(key)!;
    if (total) g.total = r;
    else g.parts.push(r);
  };
  for (const r of read(dist, 'indicators.csv')) {
    if (!/^(ege|oge|vpr|gve|diag|olymp|essay|interview|grad|mon)\./.test(r.indicator) || /index|expected|residual/.test(r.indicator))
      continue;
    add(`${r.indicator}|${r.year}|${r.subject}|${r.grade}|${r.period}|${r.task}`, r, r.scope === 'municipality');
    if (r.indicator.startsWith('olymp.'))
      add(`s|${r.indicator}|${r.year}|${r.school_id}|${r.grade}|${r.period}|${r.task}`, r, r.subject === '');
  }
  for (const r of read(dist, 'subject-analysis.csv')) {
    if (r.table !== 'bands') continue;
    const at = `${r.year}|${r.procedure}|${r.subject}|${r.grade}|${r.band}`;
    if (r.group === 'all') for (const k of ['school', 'kind', 'ovz']) add(`${at}|${k}`, r, true);
    else add(`${at}|${r.group.startsWith('school:') ? 'school' : r.group.startsWith('kind:') ? 'kind' : 'ovz'}`, r, false);
  }
  // Whole numbers only: a numerator, or a count (a value without a denominator).
  const amount = (r: Row) =>
    r.numerator !== '' ? Number(r.numerator) : r.denominator === '' && r.value !== '' ? Number(r.value) : undefined;
  const vars = new Map<string, Unknown>();
  const eqs: Eq[] = [];
  for (const [key, g] of groups) {
    const t = g.total;
    if (!t || t.suppressed !== '0' || g.parts.length < 2) continue;
    const total = amount(t);
    if (total === undefined || total === 0 || (t.numerator !== '' && t.numerator === t.denominator)) continue;
    if (g.parts.some((p) => p.suppressed === '0' && amount(p) === undefined)) continue;
    const hidden = g.parts.filter((p) => p.suppressed !== '0');
    if (hidden.length === 0) continue;
    const name = (p: Row) => JSON.stringify(p);
    eqs.push({
      vars: hidden.map(
        (p) => vars.get(name(p)) ?? vars.set(name(p), { name: `${key}: ${p.school_id ?? p.group}`, lo: 0, hi: Infinity }).get(name(p))!,
      ),
      rhs: total - g.parts.filter((p) => p.suppressed === '0').reduce((a, p) => a + amount(p)!, 0),
    });
  }
  return { eqs, withheld: vars.size };
}

/** Tightens every withheld number's bounds over all sums until nothing changes; returns those left with one value. */
function recovered(eqs: Eq[]): string[] {
  for (const e of eqs) for (const v of e.vars) v.hi = Math.min(v.hi, e.rhs);
  for (let pass = 0, changed = true; changed && pass < 50; pass++) {
    changed = false;
    for (const e of eqs) {
      const lo = e.vars.reduce((a, v) => a + v.lo, 0);
      const hi = e.vars.reduce((a, v) => a + v.hi, 0);
      for (const v of e.vars) {
        const nlo = Math.max(v.lo, e.rhs - (hi - v.hi));
        const nhi = Math.min(v.hi, e.rhs - (lo - v.lo));
        if (nlo > v.lo + 1e-9 || nhi < v.hi - 1e-9) [v.lo, v.hi, changed] = [nlo, nhi, true];
      }
    }
  }
  const all = new Set(eqs.flatMap((e) => e.vars));
  return [...all].filter((v) => Math.floor(v.hi + 1e-9) - Math.ceil(v.lo - 1e-9) < 1).map((v) => v.name);
}

describe.each([
  ['the demo', 'demoDist'],
  ['another municipality (Windows-1251, a sub-path)', 'subDist'],
  ['the municipality of the context tests (social passports, ОВЗ)', 'ctxDist'],
] as const)('withheld values of %s, as an outsider reads the open data', (_, dist) => {
  it('cannot be worked out by sums and differences of what is published', () => {
    const { eqs, withheld } = equations(inject(dist));
    expect(recovered(eqs).slice(0, 10)).toEqual([]);
    if (dist === 'demoDist') expect(withheld).toBeGreaterThan(1000);
  });
  it('marks the values withheld to protect others with suppressed = 2, and leaves no row out', () => {
    const rows = read(inject(dist), 'indicators.csv');
    for (const r of rows.filter((x) => x.suppressed !== '0')) expect([r.value, r.numerator, r.denominator]).toEqual(['', '', '']);
    if (dist === 'demoDist') expect(rows.filter((r) => r.suppressed === '2').length).toBeGreaterThan(100);
  });
});
