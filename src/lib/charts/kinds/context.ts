/** Results against conditions (spec §12): each school's ГИА index at its context index, with the line of expectation. */
import { band, type ContextModelYear } from '../../context/model.ts';
import { count, formatNumber, sentence } from '../../format.ts';
import type { Namer } from '../../names.ts';
import { Z95 } from '../../stats/tests.ts';
import { byName, drawn, MANY } from '../common.ts';
import { CI_COLOR, COLORS } from '../render.ts';
import { scatterChart } from '../render-scatter.ts';
import type { Chart } from '../types.ts';

const n1 = (x: number | undefined) => (x === undefined ? '' : formatNumber(x, 1));
export const VERDICT: Record<'above' | 'expected' | 'below', string> = {
  above: 'выше ожидаемого с учётом условий',
  expected: 'на уровне ожидаемого с учётом условий',
  below: 'ниже ожидаемого с учётом условий',
};

export function contextChart(names: Namer, y: ContextModelYear): Chart | undefined {
  const schools = y.schools.filter((s) => s.gia !== undefined).sort((a, b) => byName(names.school(a.school_id), names.school(b.school_id)));
  if (schools.length < 3) return undefined;
  const line = y.line;
  const listed = (v: 'above' | 'below') => schools.filter((s) => s.verdict === v).map((s) => names.school(s.school_id));
  const above = listed('above');
  const below = listed('below');
  // The finding: how much the conditions explain, and which schools differ from their expectation beyond chance — never a ranking.
  const explained =
    line && y.slope && y.slope.p < 0.05
      ? `условия объясняют ${formatNumber(line.r2 * 100, 0)}\u00a0% различий в результатах ГИА школ`
      : 'связь условий и результатов ГИА не выходит за пределы случайных колебаний';
  // A few schools by name; a region's dozens by their number (the table names them).
  const list = (names: string[]) => (names.length <= 5 ? names.join(', ') : count(names.length, ['школа', 'школы', 'школ']));
  const beyond = y.noModel
    ? ''
    : above.length + below.length === 0
      ? '; ни одна школа не отличается от ожидаемого сильнее случайных колебаний'
      : `; ${[above.length ? `выше ожидаемого — ${list(above)}` : '', below.length ? `ниже — ${list(below)}` : ''].filter(Boolean).join('; ')}`;
  const labelled = schools.length <= MANY;
  const title = `Условия и результаты ГИА в ${y.year} году: ${explained}${beyond}`;
  return {
    id: `context-${y.year}`,
    title,
    page: '/context/',
    pageTitle: 'Условия и результаты',
    subtitle: `Индекс условий работы школы (по горизонтали, больше — благоприятнее) и индекс результатов ГИА (по вертикали, 100 — типичная школа), ${y.year} год, ${count(schools.length, ['школа', 'школы', 'школ'])}; линия — результат, ожидаемый при таких условиях${labelled ? '' : '; названия школ — в таблице'}`,
    ...drawn((width) =>
      scatterChart(
        schools.map((s) => ({
          label: labelled ? names.school(s.school_id) : '',
          x: s.context,
          y: s.gia!,
          lo: s.gia! - Z95 * (s.se ?? 0),
          hi: s.gia! + Z95 * (s.se ?? 0),
          mark: s.verdict === 'above' ? 'above' : s.verdict === 'below' ? 'below' : undefined,
        })),
        line ? { at: (x) => ({ y: line.a + line.b * x, half: band(line, x) }) } : undefined,
        { label: title, xLabel: 'индекс условий', yLabel: 'индекс ГИА', width },
      ),
    ),
    alt: sentence(
      `${sentence(title)} ${schools.map((s) => `${names.school(s.school_id)}: условия ${n1(s.context)}, результаты ${n1(s.gia)}${s.expected === undefined ? '' : `, ожидалось ${n1(s.expected)}`}`).join('; ')}`,
    ),
    table: {
      head: ['Школа', 'Индекс условий', 'Индекс ГИА', 'Ожидаемый', 'С учётом условий'],
      rows: schools.map((s) => [
        { text: names.school(s.school_id) },
        { text: n1(s.context), num: true },
        { text: n1(s.gia), num: true, ci: `(${n1(s.gia! - Z95 * (s.se ?? 0))}–${n1(s.gia! + Z95 * (s.se ?? 0))})` },
        {
          text: n1(s.expected),
          num: true,
          ci: s.expected === undefined ? undefined : `(${n1(s.expected - Z95 * (s.seFit ?? 0))}–${n1(s.expected + Z95 * (s.seFit ?? 0))})`,
        },
        { text: s.verdict ? VERDICT[s.verdict] : '—' },
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
      rows: schools.map((s) => [
        y.year,
        s.school_id,
        names.school(s.school_id),
        s.context.toFixed(2),
        s.gia!.toFixed(2),
        (s.gia! - Z95 * (s.se ?? 0)).toFixed(2),
        (s.gia! + Z95 * (s.se ?? 0)).toFixed(2),
        s.expected?.toFixed(2),
        s.expected === undefined ? undefined : (s.expected - Z95 * (s.seFit ?? 0)).toFixed(2),
        s.expected === undefined ? undefined : (s.expected + Z95 * (s.seFit ?? 0)).toFixed(2),
        s.verdict,
      ]),
    },
    notes: y.noModel ? [`Ожидаемых значений нет: ${y.noModel}.`] : [],
    legend: [
      ...(line
        ? [{ label: 'Ожидаемый результат при таких условиях и его 95-процентные пределы', color: COLORS.main, mark: 'line' as const }]
        : []),
      { label: '95-процентный доверительный интервал индекса школы', color: CI_COLOR, mark: 'interval' },
      ...(above.length ? [{ label: 'выше ожидаемого', color: COLORS.main, mark: 'box' as const }] : []),
      ...(below.length ? [{ label: 'ниже ожидаемого', color: COLORS.low, mark: 'box' as const }] : []),
      ...(schools.some((s) => s.verdict === 'expected') ? [{ label: 'на уровне ожидаемого', color: '#555', mark: 'box' as const }] : []),
    ],
  };
}
