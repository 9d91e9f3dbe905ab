/**
 * The picture of every chart kind, kept as a golden SVG: a change to a chart's
 * marks, scales or labels shows up here as a diff to look at. Each kind is
 * drawn from a small typed input (tests/fixtures/charts/inputs.ts), as the
 * figures layer hands it over: no model is built. Run with UPDATE_GOLDEN=1 to
 * accept a change on purpose. As in Plot's own test suite, numbers are rounded
 * to 2 decimals before comparing, so that floating-point noise of another
 * platform does not count as a change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextChart } from '../src/lib/charts/kinds/context.ts';
import { objectivityChart } from '../src/lib/charts/kinds/objectivity.ts';
import { progressHeatChart, progressSchoolsChart } from '../src/lib/charts/kinds/progress.ts';
import { schoolTrendChart } from '../src/lib/charts/kinds/school-trend.ts';
import { schoolsChart } from '../src/lib/charts/kinds/schools.ts';
import { subjectsChart } from '../src/lib/charts/kinds/subjects.ts';
import { tasksChart } from '../src/lib/charts/kinds/tasks.ts';
import { masteryThreshold } from '../src/lib/indicators/mastery.ts';
import { trendChart } from '../src/lib/charts/kinds/trend.ts';
import { histogramChart } from '../src/lib/charts/render-bars.ts';
import { sparkline } from '../src/lib/charts/render.ts';
import type { Chart } from '../src/lib/charts/types.ts';
import * as input from './fixtures/charts/inputs.ts';

const DIR = join(import.meta.dirname, 'golden');

const normalise = (svg: string) => svg.replace(/\d+\.\d{3,}/g, (x) => String(Math.round(Number(x) * 100) / 100)).replace(/></g, '>\n<');
const svg = (c: Chart | undefined) => c!.svg;

const KINDS: [string, () => string][] = [
  ['trend', () => svg(trendChart(input.trend))],
  ['schools', () => svg(schoolsChart(input.schools))],
  ['subjects', () => svg(subjectsChart(input.subjects))],
  ['objectivity', () => svg(objectivityChart(input.objectivity))],
  ['tasks', () => svg(tasksChart(input.tasks))],
  ['context', () => svg(contextChart(input.context))],
  ['progress-heat', () => svg(progressHeatChart(input.progressHeat))],
  ['progress-schools', () => svg(progressSchoolsChart(input.progressSchools))],
  ['school-trend', () => svg(schoolTrendChart(input.schoolTrend))],
  [
    'histogram',
    () =>
      histogramChart(
        Array.from({ length: 60 }, (_, i) => ({ label: `Школа ${i}`, value: 50 + ((i * 37) % 30), flag: i % 11 === 0 })),
        { label: 'Гистограмма', digits: 1, refs: [{ label: 'Муниципалитет', value: 63 }] },
      ),
  ],
  [
    'sparkline',
    () =>
      sparkline([
        { x: 2021, y: 70 },
        { x: 2022, y: 71.5 },
        { x: 2023, y: 69 },
      ]),
  ],
];

describe('golden SVG of every chart kind', () => {
  it.each(KINDS)('%s', (kind, draw) => {
    const out = normalise(draw());
    const file = join(DIR, `${kind}.svg`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, out);
    expect(out).toBe(readFileSync(file, 'utf8'));
  });
});

describe('a chart kind draws what it is given', () => {
  it('tabulates withheld values with why, and leaves them off the picture', () => {
    const c = schoolsChart(input.schools)!;
    const row = c.table.rows.find((r) => r[0].text === 'СОШ № 6')!;
    expect(row[1]).toMatchObject({ text: '—', why: input.schools.schools[3].point.why });
    expect(c.notes.join(' ')).toContain('СОШ № 6');
    expect(c.alt).not.toContain('СОШ № 6');
    expect(c.csv.rows.find((r) => r[1] === '106')).toEqual([
      2025,
      '106',
      'СОШ № 6',
      'ege.mean',
      'rus',
      undefined,
      undefined,
      undefined,
      3,
      1,
      undefined,
      undefined,
    ]);
  });
  it('keeps the title it is given: the finding is decided below it', () => {
    for (const [c, i] of [
      [trendChart(input.trend), input.trend],
      [contextChart(input.context), input.context],
      [tasksChart(input.tasks), input.tasks],
    ] as const)
      expect(c!.title).toBe(i.meta.title);
  });
  it('marks a task at its level’s threshold as mastered and one under it as a deficit: 50 % basic, 15 % advanced and high', () => {
    const c = tasksChart(input.tasks)!;
    const deficit = new Map(c.csv.rows.map((r) => [r[4], r[9]]));
    expect(deficit.get('3')).toBe(1); // базовый, 46,0
    expect(deficit.get('9')).toBe(0); // базовый, 63,2
    expect(deficit.get('10')).toBe(0); // повышенный, 22,5: mastered, not a deficit under one 50 % line
    expect(deficit.get('11')).toBe(0); // высокий, exactly 15
    expect(deficit.get('12')).toBe(1); // повышенный, 14,9
    expect(masteryThreshold(undefined)).toBe(50); // a task without a level counts as basic
  });
});
