import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/lib/model/build.ts';
import { INDICATOR_COLUMNS, openDataFiles } from '../src/lib/opendata/write.ts';
import { csv, makeData, SCHOOLS } from './helpers/fixture.ts';

const ege = csv([
  ['participant_id', 'school_id', 'subject', 'test_score', 'school_mark'],
  ...[71, 72, 73, 74, 75].map((s, i) => [`secret-${i}`, 'A', 'rus', s, 4]),
  ...[40, 41].map((s, i) => [`secret-b${i}`, 'B', 'rus', s, 3]),
]);
const env = { SOURCE_DATE_EPOCH: '1790000000' };
const model = () =>
  buildModel(
    makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': ege,
      'region.csv': 'indicator,year,subject,value\nege.mean,2025,rus,"70,5"\n',
    }),
    env,
  ).model;

describe('opendata/indicators.csv', () => {
  const files = openDataFiles(model());
  const text = files.get('indicators.csv')!;
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;

  it('has the header, UTF-8 without BOM, and exactly 2 decimals', () => {
    expect(text.split('\n')[0]).toBe(INDICATOR_COLUMNS.join(','));
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    for (const r of rows) if (r.value !== '') expect(r.value).toMatch(/^-?\d+\.\d\d$/);
  });
  it('round-trips the values, numerators and denominators', () => {
    const mean = rows.find((r) => r.indicator === 'ege.mean' && r.scope === 'municipality')!;
    expect(mean).toMatchObject({
      year: '2025',
      school_id: '',
      subject: 'rus',
      grade: '',
      value: '63.71',
      numerator: '',
      denominator: '7',
      suppressed: '0',
    }); // 446 / 7
    // A: 71 → «4» matches the school «4»; 72–75 → «5»; B: 40 and 41 → «3», as the school gave: 3 of 7.
    const high = rows.find((r) => r.indicator === 'ege.confirmed_share' && r.scope === 'municipality')!;
    expect(high).toMatchObject({ value: '42.86', numerator: '3', denominator: '7' });
    // B has 2 participants; A would be the municipality minus B, so A is withheld too (secondary suppression, §0).
    expect(rows.find((r) => r.indicator === 'ege.confirmed_share' && r.school_id === 'A')).toMatchObject({
      value: '',
      numerator: '',
      suppressed: '2',
    });
    expect(rows.find((r) => r.indicator === 'ege.confirmed_share' && r.school_id === 'B')).toMatchObject({ value: '', suppressed: '1' });
    const count = rows.find((r) => r.indicator === 'ege.top_count' && r.scope === 'municipality')!;
    expect(count).toMatchObject({ value: '0.00', numerator: '', denominator: '' });
  });
  it('gives means and shares their 95 % interval, counts none', () => {
    expect(rows.find((r) => r.indicator === 'ege.mean' && r.scope === 'municipality')).toMatchObject({ ci_low: '49.00', ci_high: '78.43' });
    // 3 of 7 confirmed: Wilson 15,82–74,95 %
    expect(rows.find((r) => r.indicator === 'ege.confirmed_share' && r.scope === 'municipality')).toMatchObject({
      ci_low: '15.82',
      ci_high: '74.95',
    });
    expect(rows.find((r) => r.indicator === 'ege.top_count' && r.scope === 'municipality')).toMatchObject({ ci_low: '', ci_high: '' });
    expect(rows.find((r) => r.indicator === 'ege.mean' && r.school_id === 'B')).toMatchObject({ ci_low: '', ci_high: '' });
  });
  it('leaves the numbers of a withheld group empty', () => {
    const b = rows.find((r) => r.indicator === 'ege.mean' && r.school_id === 'B')!;
    expect(b).toMatchObject({ value: '', numerator: '', denominator: '', suppressed: '1' });
    expect(rows.find((r) => r.indicator === 'ege.participants' && r.school_id === 'B')).toMatchObject({ value: '2.00', suppressed: '0' });
  });
  it('is sorted by indicator, year, scope, school, subject, grade, period, task', () => {
    const keys = rows.map((r) =>
      [r.indicator, r.year.padStart(4, '0'), r.scope, r.school_id, r.subject, r.grade.padStart(2, '0'), r.period, r.task].join('\u0000'),
    );
    expect(keys).toEqual([...keys].sort());
  });
  it('has the same rows in JSON', () => {
    const json = JSON.parse(files.get('indicators.json')!) as Record<string, unknown>[];
    expect(json).toHaveLength(rows.length);
    const nullable = ['grade', 'value', 'numerator', 'denominator', 'ci_low', 'ci_high'];
    const numeric = [...nullable, 'year', 'suppressed'];
    for (const i of [0, json.length - 1]) {
      expect(json[i]).toEqual(
        Object.fromEntries(
          INDICATOR_COLUMNS.map((c) => [
            c,
            rows[i][c] === '' && nullable.includes(c) ? null : numeric.includes(c) ? Number(rows[i][c]) : rows[i][c],
          ]),
        ),
      );
    }
  });
  it('offers an Excel copy with BOM, «;» and decimal commas', () => {
    const x = files.get('indicators-excel.csv')!;
    expect(x.charCodeAt(0)).toBe(0xfeff);
    // 63,71 ± t(0,975; 6) · 15,913 / √7 = 49,00–78,43
    expect(x).toContain('ege.mean;2025;municipality;;rus;;;;63,71;;7;0;49,00;78,43\r\n');
  });
  it('never contains participant codes', () => {
    for (const [name, content] of files) expect(content, name).not.toContain('secret-');
  });
  it('is byte-identical across two computations of the same data', () => {
    const again = openDataFiles(model());
    for (const [name, content] of files) expect(again.get(name), name).toBe(content);
  });
  it('describes the data set in meta.json with source hashes and the build time from SOURCE_DATE_EPOCH', () => {
    const meta = JSON.parse(files.get('meta.json')!);
    expect(meta.build_time).toBe('2026-09-21T14:13:20Z');
    expect(meta.relevance_date).toBe('2026-09-21');
    expect(meta.sources.find((s: { path: string }) => s.path === 'data/results/2025/ege.csv').sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(meta.files['indicators.csv'].columns.suppressed).toBeTruthy();
  });
  it('writes the passport as meta.csv and structure.csv of the open-data standard 3.0', () => {
    const m = Papa.parse<string[]>(files.get('meta.csv')!, { skipEmptyLines: true }).data;
    expect(m[0]).toEqual(['property', 'value']);
    const props = new Map(m.slice(1).map(([k, v]) => [k, v]));
    expect(props.get('standardversion')).toBe('http://opendata.gosmonitor.ru/standard/3.0');
    expect(props.get('modified')).toBe('20260921');
    expect([...props.keys()].some((k) => /^data-\d{8}T0000-structure-\d{8}T0000$/.test(k))).toBe(true);
    const st = Papa.parse<string[]>(files.get('structure.csv')!, { skipEmptyLines: true }).data;
    expect(st[0]).toEqual(['field name', 'english description', 'russian description', 'format']);
    expect(st.slice(1).map((r) => r[0])).toEqual([...INDICATOR_COLUMNS]);
    expect(st.find((r) => r[0] === 'ci_low')![3]).toBe('float');
  });
});
