/** The subjects of a procedure in one year, at municipal level. */
import { formatValue, sentence, type UnitKind } from '../../words/format.ts';
import { CI_LEGEND, digitsOf, drawn, nCell, pointCell, pointCsv, shown } from '../common.ts';
import { barChart } from '../render-bars.ts';
import type { Chart, ChartMeta, Point } from '../types.ts';

export interface SubjectsInput {
  meta: ChartMeta & { indicator: string };
  unit: UnitKind;
  year: number;
  groups: { subject: string; grade?: number; label: string; point: Point }[];
}

export function subjectsChart(t: SubjectsInput): Chart | undefined {
  const { unit } = t;
  const visible = t.groups.filter((g) => shown(g.point));
  if (visible.length < 2) return undefined;
  const sorted = [...visible].sort((a, b) => b.point.value! - a.point.value!);
  return {
    ...t.meta,
    ...drawn((width) =>
      barChart(
        visible.map((g) => ({ label: g.label, value: g.point.value!, lo: g.point.lo, hi: g.point.hi })),
        { label: t.meta.title, digits: digitsOf(unit), xLabel: '', width, order: 'value' },
      ),
    ),
    alt: sentence(`${sentence(t.meta.title)} ${sorted.map((g) => `${g.label} — ${formatValue(g.point.value!, unit)}`).join('; ')}`),
    table: {
      head: ['Предмет', 'Значение', 'Участников (n)'],
      rows: t.groups.map((g) => [{ text: g.label }, pointCell(g.point, unit), nCell(g.point)]),
    },
    csv: {
      header: ['year', 'indicator', 'subject', 'grade', 'value', 'n', 'suppressed'],
      rows: t.groups.map((g) => [t.year, t.meta.indicator, g.subject, g.grade, ...pointCsv(g.point)]),
    },
    notes: t.groups.filter((g) => g.point.why !== undefined).map((g) => `${g.label}: ${g.point.why}`),
    legend: visible.some((g) => g.point.lo !== undefined) ? [CI_LEGEND] : [],
  };
}
