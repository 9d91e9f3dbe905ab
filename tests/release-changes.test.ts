/** What a release changed against the one before it: values of published years, and what is new. */
import { movedWithSite } from '../src/lib/publish/embeds.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IssueLog } from '../src/lib/data/issues.ts';
import {
  compareNumbers,
  correctionBlock,
  describeChange,
  nextLabel,
  NUMBERS_FILE,
  packNumbers,
  releaseChanges,
  type Numbers,
} from '../src/lib/releases/changes.ts';
import { siteConfigSchema } from '../src/lib/data/site-config.ts';

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

describe('a year published in stages', () => {
  // Release 2026-1 had ЕГЭ of 2026; 2026-2 adds the ВПР of 2026 and, with them, recomputes a derived value of 2026.
  const first: Numbers = {
    years: [2026],
    schools: [{ id: '101', name: 'Гимназия № 1' }],
    values: { 'ege.mean|2026|school|101|rus||||': '70.50', 'gia.index|2026|school|101|||||': '101.00' },
  };
  const second: Numbers = {
    ...first,
    values: {
      ...first.values,
      'vpr.mean_mark|2026|school|101|rus|4|||': '4.10',
      'vpr.mean_mark|2026|municipality||rus|4|||': '3.90',
      'gia.index|2026|school|101|||||': '100.50',
    },
  };
  const c = compareNumbers('2026-2', '2026-1', first, second);
  it('takes the new procedure of a published year as an addition, with what is derived from the year', () => {
    expect(c.changed).toEqual([]);
    expect(c.procedureYearsAdded).toEqual([{ procedure: 'ВПР', year: 2026 }]);
  });
  it('still asks for a correction when a value of a procedure already published changes', () => {
    const fixed = { ...second, values: { ...second.values, 'ege.mean|2026|school|101|rus||||': '70.00' } };
    expect(compareNumbers('2026-2', '2026-1', first, fixed).changed.map((v) => [v.indicator, v.old, v.new])).toEqual([
      ['ege.mean', '70.50', '70.00'],
    ]);
  });
});

describe('the stop on a changed published value', () => {
  const names = {
    subject: (c: string) => (c === 'rus' ? 'Русский язык' : c),
    school: (id: string) => (id === '101' ? 'Гимназия № 1' : id),
    pairs: [],
    today: '2026-07-15',
  };
  it('names the value in the words of the site, with decimal commas', () => {
    const v = {
      indicator: 'ege.mean',
      year: 2024,
      school_id: '101',
      subject: 'rus',
      grade: '',
      period: '',
      task: '',
      old: '73.23',
      new: '73.18',
    };
    expect(describeChange(v, names)).toBe('ЕГЭ, средний балл, русский язык, Гимназия № 1, 2024: 73,23 → 73,18');
    expect(describeChange({ ...v, school_id: '', old: '' }, names)).toBe(
      'ЕГЭ, средний балл, русский язык, муниципалитет, 2024: не публиковалось → 73,18',
    );
  });
  it('prints a correction that site.yaml accepts when pasted under «corrections:» as printed, its numeric-looking release as text', () => {
    const yaml = (text: string) =>
      `municipality: { name: Н, genitive: Н, region: Р }\ndepartment: { name: У }\nimc: { name: И }\ncorrections:\n${correctionBlock('2026', '2026-07-15').replace(/text: ".*"/, text)}\n`;
    // The sample text as printed is refused: it would be published as the correction.
    expect(siteConfigSchema.safeParse(parse(yaml('$&'))).success).toBe(false);
    const parsed = siteConfigSchema.parse(parse(yaml('text: "Исправлено: балл участника по апелляции"')));
    expect(parsed.corrections).toEqual([{ date: '2026-07-15', release: '2026', text: 'Исправлено: балл участника по апелляции' }]);
  });
  it('reads unquoted release labels as text: 2026, 2026-2, r2', () => {
    for (const [written, label] of [
      ['2026', '2026'],
      ['2026-2', '2026-2'],
      ['r2', 'r2'],
    ]) {
      const yaml = `municipality: { name: Н, genitive: Н, region: Р }\ndepartment: { name: У }\nimc: { name: И }\nsite:\n  release: ${written}\ncorrections:\n  - date: 2026-07-15\n    release: ${written}\n    text: исправлено\n`;
      const parsed = siteConfigSchema.parse(parse(yaml));
      expect([parsed.site.release, parsed.corrections[0].release]).toEqual([label, label]);
    }
  });
});

describe('a build under a frozen label', () => {
  const names = { subject: (c: string) => c, school: (id: string) => id, pairs: [], today: '2026-07-15' };
  const dir = mkdtempSync(join(tmpdir(), 'msoko-frozen-'));
  mkdirSync(join(dir, 'releases', 'r1'), { recursive: true });
  writeFileSync(join(dir, 'releases', 'r1', NUMBERS_FILE), packNumbers(before));
  it('stops when a published number differs, and prints the next label with its correction', () => {
    const log = new IssueLog();
    releaseChanges(
      dir,
      [{ release: 'r1' }],
      'r1',
      () => ({ ...before, values: { ...before.values, 'ege.mean|2024|school|101|rus||||': '70.60' } }),
      [{ release: 'r1' }],
      log,
      names,
    );
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0].message).toMatch(
      /^Выпуск r1 уже зафиксирован, а числа этой сборки отличаются[^]*70,50 → 70,60[^]*npm run release -- r1\.1[^]*release: "r1\.1"/,
    );
  });
  it('passes when the numbers are the frozen ones', () => {
    const log = new IssueLog();
    releaseChanges(dir, [{ release: 'r1' }], 'r1', () => before, [], log, names);
    expect(log.errors).toEqual([]);
  });
  it('counts the next label on past the frozen ones', () => {
    expect(nextLabel('2026', [])).toBe('2026.1');
    expect(nextLabel('2026.1', ['2026', '2026.1', '2026.2'])).toBe('2026.3');
  });
});

describe('a frozen release published after the site moved', () => {
  const page = (prefix: string, base: string) =>
    `<link rel="canonical" href="${prefix}embed/r1/ege-mean/"><link rel="icon" href="${base}favicon.svg"><a href="${base}charts/ege-mean.csv">CSV</a><a href="//cdn.example/x">x</a><a href="https://other.example/">o</a>`;
  const files = (prefix: string, base: string) => ({
    'ege-mean/index.html': page(prefix, base),
    'ege-mean/oembed.json': JSON.stringify({ html: `<iframe src="${prefix}embed/r1/ege-mean/"></iframe>` }),
  });

  it('is published byte for byte where the site has not moved', () => {
    const f = files('https://edu.example.ru/', '/');
    expect(movedWithSite(f, 'r1', 'https://edu.example.ru', '/')).toBe(f);
  });

  it('links into the sub-path it moved to, its own address and the site’s files alike', () => {
    const moved = movedWithSite(files('https://edu.example.ru/', '/'), 'r1', 'https://edu.example.ru', '/edu/');
    expect(moved).toEqual(files('https://edu.example.ru/edu/', '/edu/'));
    // Back out of a sub-path, and to another domain: the same rule.
    expect(movedWithSite(files('https://edu.example.ru/edu/', '/edu/'), 'r1', 'https://mo.example.ru', '/')).toEqual(
      files('https://mo.example.ru/', '/'),
    );
    // Addresses elsewhere are left alone.
    expect(moved['ege-mean/index.html']).toContain('href="//cdn.example/x"');
    expect(moved['ege-mean/index.html']).toContain('href="https://other.example/"');
  });
});
