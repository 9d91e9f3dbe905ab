/** Exam marks against school marks: lowered, confirmed, raised. */
import { formatNumber, formatValue, sentence } from '../../format.ts';
import type { Model } from '../../model.ts';
import type { Namer } from '../../names.ts';
import type { Cell } from '../../opendata/csv.ts';
import type { TableCell } from '../../presentation.ts';
import { drawn, slug } from '../common.ts';
import { COLORS } from '../render.ts';
import { stackChart, type StackRow } from '../render-objectivity.ts';
import type { Chart } from '../types.ts';

export function objectivityChart(
  m: Model,
  names: Namer,
  p: 'ege' | 'oge' | 'vpr',
  year: number,
  page: string,
  pageTitle: string,
): Chart | undefined {
  const lowered = m.ix.all(`${p}.lowered_share`).filter((v) => v.year === year && v.scope === 'municipality');
  const rows: StackRow[] = [];
  const table: TableCell[][] = [];
  const csvRows: Cell[][] = [];
  for (const l of lowered) {
    const w = { subject: l.subject, grade: l.grade };
    const c = m.ix.get(`${p}.confirmed_share`, year, w);
    const r = m.ix.get(`${p}.raised_share`, year, w);
    const label = names.group(l);
    if (l.suppressed || !c || !r) {
      table.push([
        { text: label },
        { text: '—', num: true, why: m.present.whyHidden(l) },
        { text: '—', num: true },
        { text: '—', num: true },
        { text: formatNumber(l.n, 0), num: true },
      ]);
      continue;
    }
    rows.push({ group: label, lowered: l.value!, confirmed: c.value!, raised: r.value! });
    table.push([
      { text: label },
      ...[l, c, r].map((v) => ({ text: formatValue(v.value!, '%'), num: true })),
      { text: formatNumber(l.n, 0), num: true },
    ]);
    csvRows.push([year, l.subject, l.grade, l.value!.toFixed(2), c.value!.toFixed(2), r.value!.toFixed(2), l.n]);
  }
  if (rows.length === 0) return undefined;
  // A range, not a ranking: which group is first among several can be chance (spec §11).
  const loweredShares = rows.map((r) => r.lowered);
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p];
  const title =
    rows.length > 1
      ? `${label}: отметку за работу ниже школьной получили от ${formatValue(Math.min(...loweredShares), '%')} до ${formatValue(Math.max(...loweredShares), '%')} участников, в зависимости от предмета`
      : `${label}: отметку за работу ниже школьной получили ${formatValue(loweredShares[0], '%')} участников (${rows[0].group})`;
  return {
    id: slug(p, 'objectivity'),
    title,
    page,
    pageTitle,
    indicator: `${p}.lowered_share`,
    subtitle: `Сравнение отметки за ${label} с ${p === 'vpr' ? 'отметкой по журналу' : 'отметкой в аттестате'}, % участников с обеими отметками, ${year} год: понизили, подтвердили, повысили`,
    ...drawn((width) => stackChart(rows, { label: title, width })),
    alt: sentence(
      `${sentence(title)} ${rows.map((r) => `${r.group}: понизили ${formatValue(r.lowered, '%')}, подтвердили ${formatValue(r.confirmed, '%')}, повысили ${formatValue(r.raised, '%')}`).join('; ')}`,
    ),
    table: { head: ['Группа', 'Понизили', 'Подтвердили', 'Повысили', 'Участников с обеими отметками (n)'], rows: table },
    csv: { header: ['year', 'subject', 'grade', 'lowered_share', 'confirmed_share', 'raised_share', 'n'], rows: csvRows },
    notes: [],
    legend: [
      { label: 'Понизили', color: COLORS.lowered, mark: 'box' },
      { label: 'Подтвердили', color: COLORS.confirmed, mark: 'box' },
      { label: 'Повысили', color: COLORS.raised, mark: 'box' },
    ],
  };
}
