/** Results against conditions (spec §12): each school's ГИА index at its context index, with the line of expectation. */
import { formatNumber, sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { CI_COLOR, COLORS } from '../render.ts';
import { scatterChart, type ScatterLine } from '../render-scatter.ts';
import type { Chart, ChartMeta } from '../types.ts';

const n1 = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, 1));
const range = (lo: number, hi: number) => `(${n1(lo)}–${n1(hi)})`;

export interface ContextInput {
  meta: ChartMeta;
  year: number;
  /** Names beside the dots; a region's hundreds are an unlabelled cloud, named in the table. */
  labelled: boolean;
  /** In the order of their names. */
  schools: {
    id: string;
    name: string;
    context: number;
    gia: { value: number; lo: number; hi: number };
    expected?: { value: number; lo: number; hi: number };
    verdict?: 'above' | 'expected' | 'below';
    /** The verdict in words, as the page's table says it. */
    words?: string;
  }[];
  line?: ScatterLine;
  /** Why there are no expected values this year. */
  noModel?: string;
}

export function contextChart(t: ContextInput): Chart | undefined {
  if (t.schools.length < 3) return undefined;
  const has = (v: 'above' | 'below' | 'expected') => t.schools.some((s) => s.verdict === v);
  return {
    ...t.meta,
    ...drawn((width) =>
      scatterChart(
        t.schools.map((s) => ({
          label: t.labelled ? s.name : '',
          x: s.context,
          y: s.gia.value,
          lo: s.gia.lo,
          hi: s.gia.hi,
          mark: s.verdict === 'above' ? 'above' : s.verdict === 'below' ? 'below' : undefined,
          expected: s.expected?.value,
        })),
        t.line,
        { label: t.meta.title, xLabel: 'индекс условий', yLabel: 'индекс ГИА', width },
      ),
    ),
    alt: sentence(
      `${sentence(t.meta.title)} ${t.schools.map((s) => `${s.name}: условия ${n1(s.context)}, результаты ${n1(s.gia.value)}${s.expected ? `, ожидалось ${n1(s.expected.value)}` : ''}`).join('; ')}`,
    ),
    table: {
      head: ['Школа', 'С учётом условий', 'Индекс ГИА', 'Ожидаемый', 'Индекс условий'],
      rows: t.schools.map((s) => [
        { text: s.name },
        { text: s.words ?? '—' },
        { text: n1(s.gia.value), num: true, ci: range(s.gia.lo, s.gia.hi) },
        { text: n1(s.expected?.value), num: true, ci: s.expected ? range(s.expected.lo, s.expected.hi) : undefined },
        { text: n1(s.context), num: true },
      ]),
    },
    csv: {
      header: [
        'year',
        'school_id',
        'school_name',
        'context_index',
        'gia_index',
        'gia_low',
        'gia_high',
        'expected',
        'expected_low',
        'expected_high',
        'verdict',
      ],
      rows: t.schools.map((s) => [
        t.year,
        s.id,
        s.name,
        s.context.toFixed(2),
        s.gia.value.toFixed(2),
        s.gia.lo.toFixed(2),
        s.gia.hi.toFixed(2),
        s.expected?.value.toFixed(2),
        s.expected?.lo.toFixed(2),
        s.expected?.hi.toFixed(2),
        s.verdict,
      ]),
    },
    notes: t.noModel
      ? [`Ожидаемых значений нет: ${t.noModel}.`]
      : t.schools.some((s) => s.expected)
        ? [
            'Чёрная чёрточка у точки — ожидаемый результат этой школы, как в таблице: он посчитан по остальным школам, без неё самой, поэтому может не лежать на общей линии. Цвет точки — по проверке отклонения школы от её чёрточки.',
          ]
        : [],
    legend: [
      ...(t.line
        ? [{ label: 'Ожидаемый результат при таких условиях и его 95-процентные пределы', color: COLORS.main, mark: 'line' as const }]
        : []),
      { label: '95-процентный доверительный интервал индекса школы', color: CI_COLOR, mark: 'interval' },
      ...(t.schools.some((s) => s.expected)
        ? [
            {
              label: 'ожидаемый результат школы, как в таблице',
              color: '#1a1a1a',
              mark: 'line' as const,
            },
          ]
        : []),
      ...(has('above') ? [{ label: 'выше ожидаемого', color: COLORS.main, mark: 'box' as const }] : []),
      ...(has('below') ? [{ label: 'ниже ожидаемого', color: COLORS.low, mark: 'box' as const }] : []),
      ...(has('expected') ? [{ label: 'на уровне ожидаемого', color: '#555', mark: 'box' as const }] : []),
    ],
  };
}
