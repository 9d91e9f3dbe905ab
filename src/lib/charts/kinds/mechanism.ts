/**
 * A mechanism's indicator over the years (spec §15): the municipal value of a
 * percentage or a count. Counts of whole populations: no interval is drawn.
 */
import { factText, type FactUnit } from '../../words/facts.ts';
import { sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { COLORS, lineChart } from '../render.ts';
import type { Chart, ChartMeta } from '../types.ts';

export interface MechanismInput {
  meta: ChartMeta;
  unit: Exclude<FactUnit, 'наличие'>;
  years: {
    year: number;
    value: number;
    numerator?: number;
    denominator?: number;
    /** Summed from the organisations. */ pooled: boolean;
    change?: string;
  }[];
}

export function mechanismChart(t: MechanismInput): Chart | undefined {
  if (t.years.length === 0) return undefined;
  const percent = t.unit === 'процент';
  return {
    ...t.meta,
    ...drawn((width) =>
      lineChart(
        t.years.map((y) => ({ series: 'Муниципалитет', x: y.year, y: y.value })),
        {
          label: t.meta.title,
          digits: percent ? 1 : 0,
          series: ['Муниципалитет'],
          yLabel: percent ? '%' : 'количество',
          width,
          bounds: percent ? [0, 100] : [0, Infinity],
        },
      ),
    ),
    alt: sentence(`${sentence(t.meta.title)} Значения по годам: ${t.years.map((y) => `${y.year} — ${factText(y, t.unit)}`).join('; ')}`),
    table: {
      head: ['Год', 'Значение', 'Изменение', 'Как получено'],
      rows: t.years.map((y) => [
        { text: String(y.year) },
        { text: factText(y, t.unit), num: true },
        { text: y.change ?? '' },
        { text: y.pooled ? 'сумма по организациям' : 'дано по муниципалитету' },
      ]),
    },
    csv: {
      header: ['year', 'indicator', 'value', 'numerator', 'denominator', 'pooled'],
      rows: t.years.map((y) => [y.year, t.meta.indicator, y.value.toFixed(2), y.numerator, y.denominator, y.pooled ? 1 : 0]),
    },
    notes: [
      'Данные — сплошной учёт (все организации, дети, родители, педагоги), а не выборка: доверительных интервалов нет, изменения — факты.',
    ],
    legend: [{ label: 'Муниципалитет', color: COLORS.main, mark: 'line' }],
  };
}
