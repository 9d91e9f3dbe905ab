/**
 * The picture of every chart kind, kept as a golden SVG: a change to a chart's
 * marks, scales or labels shows up here as a diff to look at. Run with
 * UPDATE_GOLDEN=1 to accept a change on purpose. As in Plot's own test suite,
 * numbers are rounded to 2 decimals before comparing, so that floating-point
 * noise of another platform does not count as a change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/lib/charts/catalog.ts';
import { histogramChart } from '../src/lib/charts/render-bars.ts';
import { sparkline } from '../src/lib/charts/render.ts';
import { buildModel } from '../src/lib/model.ts';

const DIR = join(import.meta.dirname, 'golden');
const { model } = buildModel(join(import.meta.dirname, '..', 'data'), { SOURCE_DATE_EPOCH: '1795392000' });
const charts = catalog(model).all;

const normalise = (svg: string) => svg.replace(/\d+\.\d{3,}/g, (x) => String(Math.round(Number(x) * 100) / 100)).replace(/></g, '>\n<');

const KINDS: [string, () => string][] = [
  ['trend', () => charts.get('ege-mean-rus-municipality')!.svg],
  ['schools', () => charts.get('ege-mean-rus-schools')!.svg],
  ['subjects', () => charts.get('ege-mean-subjects')!.svg],
  ['objectivity', () => charts.get('vpr-objectivity')!.svg],
  ['tasks', () => [...charts.values()].find((c) => c.id.startsWith('oge-tasks-'))!.svg],
  ['context', () => charts.get('context-2025')!.svg],
  ['progress-heat', () => charts.get('progress-oge-ege-rus-2025')!.svg],
  ['progress-schools', () => charts.get('progress-oge-ege-rus-2025-schools')!.svg],
  ['school-trend', () => [...charts.values()].find((c) => c.id.startsWith('school-') && c.id.includes('ege-mean-rus'))!.svg],
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
    const svg = normalise(draw());
    const file = join(DIR, `${kind}.svg`);
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, svg);
    expect(svg).toBe(readFileSync(file, 'utf8'));
  });
});
