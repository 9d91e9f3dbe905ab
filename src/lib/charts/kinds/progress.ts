/** Pupils' progress (spec §13): the municipal picture of a pair and year, and each school's progress. */
import { PROCEDURE_NAMES } from '../../procedures.ts';
import { tickStep } from 'd3';
import { pairTitle } from '../../indicators/derived.ts';
import type { ValueIndex } from '../../indicators/query.ts';
import { count, formatNumber, sentence } from '../../format.ts';
import type { Namer } from '../../names.ts';
import type { ProgressYear } from '../../progress/model.ts';
import { points, progressVerdict, PROGRESS_WORDS, signedPoints } from '../../progress/words.ts';
import { byName, capital, CI_LEGEND, drawn, MANY } from '../common.ts';
import { COLORS } from '../render.ts';
import { heatChart, SHADES, whiskerChart, type HeatCell } from '../render-progress.ts';
import type { Chart, LegendItem } from '../types.ts';

const n1 = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, 1));
export const progressPage = (y: ProgressYear) => `/progress/${y.pair.id}/`;

/** Shade classes by pupils in a cell: the lightest holds fewer than the privacy threshold, so no cell counts a handful. */
const shadeBounds = (minGroup: number) => [minGroup, 2 * minGroup, 4 * minGroup, 8 * minGroup];

/** Score bins of about six steps over the scores seen: coarse enough that most cells hold several pupils. */
function bins(xs: number[]) {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const step = Math.max(1, tickStep(lo, hi, 6));
  const start = Math.floor(lo / step) * step;
  return { step, start, of: (x: number) => start + Math.floor((x - start) / step) * step, end: Math.floor(hi / step) * step + step };
}

export function progressCharts(names: Namer, y: ProgressYear, ix: ValueIndex, minGroup: number): Chart[] {
  if (!y.line) return [];
  const what = pairTitle(y.pair, names.subject);
  const from = PROCEDURE_NAMES[y.pair.from_procedure];
  const to = PROCEDURE_NAMES[y.pair.to_procedure];
  const page = progressPage(y);
  const pageTitle = `Прогресс учащихся: ${what}`;
  const line = y.line;
  const bx = bins(y.cells.map((c) => c.earlier));
  const by = bins(y.cells.map((c) => c.later));
  const heat = new Map<string, HeatCell & { pupils: number }>();
  for (const c of y.cells) {
    const x0 = bx.of(c.earlier);
    const y0 = by.of(c.later);
    const k = `${x0}|${y0}`;
    const h = heat.get(k) ?? { x0, x1: x0 + bx.step, y0, y1: y0 + by.step, shade: 0, pupils: 0 };
    h.pupils += c.pupils;
    heat.set(k, h);
  }
  const bounds = shadeBounds(minGroup);
  for (const h of heat.values()) h.shade = bounds.filter((b) => h.pupils >= b).length;
  // The table: by starting score, how the pupils did and what the line says.
  const rows = [...new Set([...heat.values()].map((h) => h.x0))]
    .sort((a, b) => a - b)
    .map((x0) => {
      const mine = y.cells.filter((c) => bx.of(c.earlier) === x0);
      const pupils = mine.reduce((a, c) => a + c.pupils, 0);
      const meanLater = mine.reduce((a, c) => a + c.later * c.pupils, 0) / pupils;
      const meanEarlier = mine.reduce((a, c) => a + c.earlier * c.pupils, 0) / pupils;
      const range = bx.step === 1 ? String(x0) : `${x0}–${x0 + bx.step - 1}`;
      return { range, pupils, hidden: pupils < minGroup, meanLater, expected: line.a + line.b * meanEarlier };
    });
  const heatTitle = `${what}, ${y.year}: у кого выше стартовый балл ${from}, у того в среднем выше и ${to} — на ${n1(line.b)} балла за каждый балл ${from}`;
  const heatChartDef: Chart = {
    id: `progress-${y.pair.id}-${y.year}`,
    title: heatTitle,
    page,
    pageTitle,
    subtitle: `${count(y.linked, ['учащийся', 'учащихся', 'учащихся'])} муниципалитета, чьи результаты удалось связать; по горизонтали — балл ${from} ${y.year - y.pair.lag} года, по вертикали — балл ${to} ${y.year} года; чем темнее клетка, тем больше в ней учащихся; линия — средний балл ${to} при таком стартовом балле`,
    ...drawn((width) =>
      heatChart([...heat.values()], line, {
        label: heatTitle,
        xLabel: `балл ${from}`,
        yLabel: `балл ${to}`,
        x: [bx.start, bx.end],
        y: [by.start, by.end],
        width,
      }),
    ),
    alt: sentence(
      `${sentence(heatTitle)} ${rows.map((r) => (r.hidden ? `стартовый балл ${r.range}: меньше ${minGroup} учащихся` : `стартовый балл ${r.range}: ${count(r.pupils, ['учащийся', 'учащихся', 'учащихся'])}, средний балл ${to} ${n1(r.meanLater)}`)).join('; ')}`,
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
        y.year,
        y.pair.id,
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

  const schools = y.schools
    .map((s) => ({ s, v: ix.get(`progress.${y.pair.id}`, y.year, { school: s.school_id, subject: y.subject, grade: y.grade }) }))
    .filter((d) => d.v)
    .sort((a, b) => byName(names.school(a.s.school_id), names.school(b.s.school_id)));
  const shown = schools.filter((d) => !d.v!.suppressed && d.v!.value !== undefined);
  if (shown.length === 0) return [heatChartDef];
  const verdicts = schools.map((d) => progressVerdict(d.v));
  const listed = (v: 'above' | 'below') => schools.filter((_, i) => verdicts[i] === v).map((d) => names.school(d.s.school_id));
  const list = (xs: string[]) => (xs.length <= 5 ? xs.join(', ') : count(xs.length, ['школа', 'школы', 'школ']));
  const above = listed('above');
  const below = listed('below');
  const found =
    above.length + below.length === 0
      ? 'ни одна школа не отличается от учащихся с такими же стартовыми результатами сильнее случайных колебаний'
      : [
          above.length ? `выше, чем у учащихся с такими же стартовыми результатами, — ${list(above)}` : '',
          below.length ? `ниже — ${list(below)}` : '',
        ]
          .filter(Boolean)
          .join('; ');
  const labelled = shown.length <= MANY;
  const title = `Прогресс учащихся по школам, ${what}, ${y.year}: ${found}`;
  const school: Chart = {
    id: `progress-${y.pair.id}-${y.year}-schools`,
    title,
    page,
    pageTitle,
    subtitle: `На сколько баллов ${to} в среднем учащиеся школы выше (+) или ниже (−) учащихся муниципалитета с таким же стартовым баллом ${from}; школы по алфавиту${labelled ? '' : ', названия — в таблице'}`,
    ...drawn((width) =>
      whiskerChart(
        shown.map((d) => {
          const verdict = progressVerdict(d.v);
          return {
            label: names.school(d.s.school_id),
            value: d.v!.value!,
            lo: d.v!.ci_low,
            hi: d.v!.ci_high,
            mark: verdict === 'above' ? 'above' : verdict === 'below' ? 'below' : undefined,
          };
        }),
        { label: title, labelled, width },
      ),
    ),
    alt: sentence(
      `${sentence(title)} ${shown.map((d) => `${names.school(d.s.school_id)}: ${signedPoints(d.v!.value!)} (от ${points(d.v!.ci_low!)} до ${points(d.v!.ci_high!)})`).join('; ')}`,
    ),
    table: {
      head: ['Школа', 'Прогресс, баллов', 'Связано учащихся', 'Вывод'],
      rows: schools.map((d, i) => {
        const v = d.v!;
        const s = d.s;
        return [
          { text: names.school(s.school_id) },
          v.suppressed
            ? { text: '—' }
            : {
                text: signedPoints(v.value!),
                num: true,
                ci: v.ci_low === undefined ? undefined : `(${points(v.ci_low)}…${points(v.ci_high!)})`,
              },
          { text: `${formatNumber(s.linked, 0)} из ${formatNumber(s.participants, 0)}`, num: true },
          { text: v.suppressed ? `не публикуется: меньше ${minGroup} учащихся` : capital(PROGRESS_WORDS[verdicts[i]!]) },
        ];
      }),
    },
    csv: {
      header: ['year', 'pair', 'school_id', 'school_name', 'progress', 'ci_low', 'ci_high', 'linked', 'participants', 'verdict'],
      rows: schools.map((d, i) => [
        y.year,
        y.pair.id,
        d.s.school_id,
        names.school(d.s.school_id),
        d.v!.suppressed ? undefined : d.v!.value!.toFixed(2),
        d.v!.ci_low?.toFixed(2),
        d.v!.ci_high?.toFixed(2),
        d.s.linked,
        d.s.participants,
        verdicts[i],
      ]),
    },
    notes: [],
    legend: [
      CI_LEGEND,
      ...(above.length
        ? [{ label: 'выше, чем у учащихся с такими же стартовыми результатами', color: COLORS.main, mark: 'box' as const }]
        : []),
      ...(below.length ? [{ label: 'ниже', color: COLORS.low, mark: 'box' as const }] : []),
      { label: 'как у учащихся с такими же стартовыми результатами', color: '#555', mark: 'box' },
    ],
  };
  return [heatChartDef, school];
}
