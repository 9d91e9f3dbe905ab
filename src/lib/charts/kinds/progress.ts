/** Pupils' progress (spec §13): the municipal picture of a pair and year, and each school's progress. */
import { tickStep } from 'd3';
import { count, formatNumber, points, sentence, signedPoints } from '../../words/format.ts';
import { CI_LEGEND, drawn } from '../common.ts';
import { COLORS } from '../render.ts';
import { heatChart, SHADES, whiskerChart, type HeatCell } from '../render-progress.ts';
import type { Chart, ChartMeta, LegendItem } from '../types.ts';

const n1 = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, 1));

/** Shade classes by pupils in a cell: the lightest holds fewer than the privacy threshold, so no cell counts a handful. */
const shadeBounds = (minGroup: number) => [minGroup, 2 * minGroup, 4 * minGroup, 8 * minGroup];

/** Score bins of about six steps over the scores seen: coarse enough that most cells hold several pupils. */
function bins(xs: number[], max = Infinity) {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const step = Math.max(1, tickStep(lo, hi, 6));
  const start = Math.floor(lo / step) * step;
  // The axis ends at the scale's maximum: a 100-point exam has no bin running to 110.
  const end = Math.min(max, Math.floor(hi / step) * step + step);
  // A score at the maximum belongs to the last bin.
  const of = (x: number) => Math.min(start + Math.floor((x - start) / step) * step, end - step);
  return { step, start, of, end };
}

export interface ProgressHeatInput {
  meta: ChartMeta;
  year: number;
  pair: string;
  /** The procedures' names: «ОГЭ», «ЕГЭ». */
  from: string;
  to: string;
  minGroup: number;
  line: { a: number; b: number };
  /** Linked pupils by their pair of scores. */
  cells: { earlier: number; later: number; pupils: number }[];
  /** The scales' maxima, where known (ЕГЭ: 100). */
  maxEarlier?: number;
  maxLater?: number;
}

/** The municipal picture: a 2-D histogram of earlier against later scores with the fitted line, never a dot per pupil. */
export function progressHeatChart(t: ProgressHeatInput): Chart {
  const { from, to, line, minGroup } = t;
  const bx = bins(
    t.cells.map((c) => c.earlier),
    t.maxEarlier,
  );
  const by = bins(
    t.cells.map((c) => c.later),
    t.maxLater,
  );
  const heat = new Map<string, HeatCell & { pupils: number }>();
  for (const c of t.cells) {
    const x0 = bx.of(c.earlier);
    const y0 = by.of(c.later);
    const k = `${x0}|${y0}`;
    const h = heat.get(k) ?? { x0, x1: Math.min(bx.end, x0 + bx.step), y0, y1: Math.min(by.end, y0 + by.step), shade: 0, pupils: 0 };
    h.pupils += c.pupils;
    heat.set(k, h);
  }
  const bounds = shadeBounds(minGroup);
  for (const h of heat.values()) h.shade = bounds.filter((b) => h.pupils >= b).length;
  // The table: by starting score, how the pupils did and what the line says.
  const rows = [...new Set([...heat.values()].map((h) => h.x0))]
    .sort((a, b) => a - b)
    .map((x0) => {
      const mine = t.cells.filter((c) => bx.of(c.earlier) === x0);
      const pupils = mine.reduce((a, c) => a + c.pupils, 0);
      const meanLater = mine.reduce((a, c) => a + c.later * c.pupils, 0) / pupils;
      const meanEarlier = mine.reduce((a, c) => a + c.earlier * c.pupils, 0) / pupils;
      const range = bx.step === 1 ? String(x0) : `${x0}–${Math.min(bx.end, x0 + bx.step - 1)}`;
      return { range, pupils, hidden: pupils < minGroup, meanLater, expected: line.a + line.b * meanEarlier };
    });
  const pupilsWord = ['учащийся', 'учащихся', 'учащихся'] as [string, string, string];
  return {
    ...t.meta,
    ...drawn((width) =>
      heatChart([...heat.values()], line, {
        label: t.meta.title,
        xLabel: `балл ${from}`,
        yLabel: `балл ${to}`,
        x: [bx.start, bx.end],
        y: [by.start, by.end],
        width,
      }),
    ),
    alt: sentence(
      `${sentence(t.meta.title)} ${rows.map((r) => (r.hidden ? `стартовый балл ${r.range}: меньше ${minGroup} учащихся` : `стартовый балл ${r.range}: ${count(r.pupils, pupilsWord)}, средний балл ${to} ${n1(r.meanLater)}`)).join('; ')}`,
    ),
    table: {
      head: [`Стартовый балл ${from}`, 'Учащихся', `Средний балл ${to}`, 'По линии'],
      rows: rows.map((r) => [
        { text: r.range },
        { text: r.hidden ? `меньше ${minGroup}` : formatNumber(r.pupils, 0), num: true },
        { text: r.hidden ? '—' : n1(r.meanLater), num: true },
        { text: n1(r.expected), num: true },
      ]),
    },
    csv: {
      header: ['year', 'pair', 'earlier_from', 'earlier_to', 'pupils', 'later_mean', 'line_value'],
      rows: rows.map((r) => [
        t.year,
        t.pair,
        r.range.split('–')[0],
        r.range.split('–')[1] ?? r.range,
        r.hidden ? undefined : r.pupils,
        r.hidden ? undefined : r.meanLater.toFixed(2),
        r.expected.toFixed(2),
      ]),
    },
    notes: [
      `Клетки, где меньше ${minGroup} учащихся, закрашены самым светлым цветом, а в таблице их число не указано: так нельзя узнать результаты отдельного ученика.`,
    ],
    legend: [
      { label: `линия: средний балл ${to} при таком стартовом балле`, color: COLORS.low, mark: 'line' },
      ...SHADES.map((color, i): LegendItem => ({
        label:
          i === 0
            ? `меньше ${bounds[0]} учащихся`
            : i === SHADES.length - 1
              ? `${bounds[i - 1]} и больше`
              : `${bounds[i - 1]}–${bounds[i] - 1}`,
        color,
        mark: 'box',
      })),
    ],
  };
}

export interface ProgressSchoolsInput {
  meta: ChartMeta;
  year: number;
  pair: string;
  labelled: boolean;
  minGroup: number;
  /** In the order of their names. */
  schools: {
    id: string;
    name: string;
    /** The mean residual with its interval; undefined when withheld. */
    progress?: { value: number; lo?: number; hi?: number };
    linked: number;
    participants: number;
    verdict?: 'above' | 'same' | 'below';
    /** The verdict in words (§11, §13). */
    words: string;
  }[];
}

/** Each school's progress as a dot with its interval, by name, against 0: «как у всех». */
export function progressSchoolsChart(t: ProgressSchoolsInput): Chart | undefined {
  const visible = t.schools.filter((s) => s.progress);
  if (visible.length === 0) return undefined;
  const has = (v: 'above' | 'below') => t.schools.some((s) => s.verdict === v);
  return {
    ...t.meta,
    ...drawn((width) =>
      whiskerChart(
        visible.map((s) => ({
          label: s.name,
          value: s.progress!.value,
          lo: s.progress!.lo,
          hi: s.progress!.hi,
          mark: s.verdict === 'above' ? 'above' : s.verdict === 'below' ? 'below' : undefined,
        })),
        { label: t.meta.title, labelled: t.labelled, width },
      ),
    ),
    alt: sentence(
      `${sentence(t.meta.title)} ${visible.map((s) => `${s.name}: ${signedPoints(s.progress!.value)} (от ${points(s.progress!.lo!)} до ${points(s.progress!.hi!)})`).join('; ')}`,
    ),
    table: {
      head: ['Школа', 'Прогресс, баллов', 'Связано учащихся', 'Вывод'],
      rows: t.schools.map((s) => [
        { text: s.name },
        s.progress
          ? {
              text: signedPoints(s.progress.value),
              num: true,
              ci: s.progress.lo === undefined ? undefined : `(${points(s.progress.lo)}…${points(s.progress.hi!)})`,
            }
          : { text: '—' },
        { text: `${formatNumber(s.linked, 0)} из ${formatNumber(s.participants, 0)}`, num: true },
        { text: s.words },
      ]),
    },
    csv: {
      header: ['year', 'pair', 'school_id', 'school_name', 'progress', 'ci_low', 'ci_high', 'linked', 'participants', 'verdict'],
      rows: t.schools.map((s) => [
        t.year,
        t.pair,
        s.id,
        s.name,
        s.progress?.value.toFixed(2),
        s.progress?.lo?.toFixed(2),
        s.progress?.hi?.toFixed(2),
        s.linked,
        s.participants,
        s.verdict,
      ]),
    },
    notes: [],
    legend: [
      CI_LEGEND,
      ...(has('above')
        ? [{ label: 'выше, чем у учащихся с такими же стартовыми результатами', color: COLORS.main, mark: 'box' as const }]
        : []),
      ...(has('below') ? [{ label: 'ниже', color: COLORS.low, mark: 'box' as const }] : []),
      { label: 'как у учащихся с такими же стартовыми результатами', color: '#555', mark: 'box' },
    ],
  };
}
