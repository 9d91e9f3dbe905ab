/** Exam marks against school marks: lowered, confirmed, raised. */
import { formatNumber, formatValue, sentence } from '../../words/format.ts';
import { drawn } from '../common.ts';
import { COLORS } from '../render.ts';
import { stackChart, type StackRow } from '../render-objectivity.ts';
import type { Chart, ChartMeta } from '../types.ts';

export interface ObjectivityInput {
  meta: ChartMeta;
  year: number;
  /** «отметкой по журналу» or «отметкой в аттестате»: what the exam mark is compared with. */
  groups: {
    subject: string;
    grade?: number;
    label: string;
    /** Participants with both marks. */
    n: number;
    /** Shares in %, or why they are withheld. */
    shares?: { lowered: number; confirmed: number; raised: number };
    why?: string;
  }[];
}

export function objectivityChart(t: ObjectivityInput): Chart | undefined {
  const rows: StackRow[] = t.groups.flatMap((g) => (g.shares ? [{ group: g.label, ...g.shares }] : []));
  if (rows.length === 0) return undefined;
  const pct = (x: number) => ({ text: formatValue(x, '%'), num: true });
  return {
    ...t.meta,
    ...drawn((width) => stackChart(rows, { label: t.meta.title, width })),
    alt: sentence(
      `${sentence(t.meta.title)} ${rows.map((r) => `${r.group}: понизили ${formatValue(r.lowered, '%')}, подтвердили ${formatValue(r.confirmed, '%')}, повысили ${formatValue(r.raised, '%')}`).join('; ')}`,
    ),
    table: {
      head: ['Группа', 'Понизили', 'Подтвердили', 'Повысили', 'Участников с обеими отметками (n)'],
      rows: t.groups.map((g) => [
        { text: g.label },
        ...(g.shares
          ? [pct(g.shares.lowered), pct(g.shares.confirmed), pct(g.shares.raised)]
          : [
              { text: '—', num: true, why: g.why },
              { text: '—', num: true },
              { text: '—', num: true },
            ]),
        { text: formatNumber(g.n, 0), num: true },
      ]),
    },
    csv: {
      header: ['year', 'subject', 'grade', 'lowered_share', 'confirmed_share', 'raised_share', 'n'],
      rows: t.groups.flatMap((g) =>
        g.shares
          ? [[t.year, g.subject, g.grade, g.shares.lowered.toFixed(2), g.shares.confirmed.toFixed(2), g.shares.raised.toFixed(2), g.n]]
          : [],
      ),
    },
    notes: [],
    legend: [
      { label: 'Понизили', color: COLORS.lowered, mark: 'box' },
      { label: 'Подтвердили', color: COLORS.confirmed, mark: 'box' },
      { label: 'Повысили', color: COLORS.raised, mark: 'box' },
    ],
  };
}
