/** Page-shaped views of the model: tables of indicators, key figures. Pages render them. */
import { valueCell, groupsOf, type TableCell } from './charts/catalog.ts';
import { sparkline } from './charts/render.ts';
import { describeChange, DIGITS, formatChange, formatValue, genderOf, round } from './format.ts';
import type { IndicatorValue } from './indicators/compute.ts';
import type { Where } from './indicators/query.ts';
import { INDICATORS, INDICATOR_BY_ID, unitOf } from './indicators/registry.ts';
import type { IndicatorDef } from './indicators/types.ts';
import type { Model } from './model.ts';
import { namer } from './names.ts';
import type { Section } from './procedures.ts';

export const isObjectivity = (d: IndicatorDef) => /\.(lowered|confirmed|raised|mismatch)_share$/.test(d.id);
export const isTask = (d: IndicatorDef) => d.dims.includes('task');

/** Indicators of a section: the core ones, objectivity and task-level separately. */
export function sectionIndicators(s: Section) {
  const defs = INDICATORS.filter((d) => s.procedures.includes(d.procedure));
  return { core: defs.filter((d) => !isObjectivity(d) && !isTask(d)), objectivity: defs.filter(isObjectivity), tasks: defs.filter(isTask) };
}

/** A change as text with its direction for colour: «▲ +2,3» good/bad by the indicator's direction. */
export function changeCell(m: Model, v: IndicatorValue | undefined, def: IndicatorDef): TableCell & { tone?: 'up' | 'down' } {
  if (!v) return { text: '' };
  const raw = m.ix.change(v);
  if (raw === undefined) return { text: '', num: true };
  const unit = unitOf(def, v.subject);
  const d = round(raw, DIGITS[unit]);
  const good = def.better === null || d === 0 ? undefined : (d > 0) === def.better;
  return { text: `${d > 0 ? '▲' : d < 0 ? '▼' : ''} ${formatChange(d, unit)}`.trim(), num: true, tone: good === undefined ? undefined : good ? 'up' : 'down' };
}

/**
 * Rows: groups (subjects, grades…); columns: indicators; for one year and
 * the municipality or one school.
 */
export function matrix(m: Model, defs: IndicatorDef[], year: number, school?: string): { head: string[]; rows: TableCell[][] } {
  const names = namer(m.data);
  const minGroup = m.data.config.privacy.min_group;
  const groups = new Map<string, Where>();
  for (const d of defs) for (const w of groupsOf(m, d.id)) groups.set(`${w.subject ?? ''}|${String(w.grade ?? '').padStart(2, '0')}|${w.period ?? ''}`, w);
  const used = defs.filter((d) => m.ix.all(d.id).some((v) => v.year === year && (school ? v.school_id === school : v.scope === 'municipality')));
  const rows: TableCell[][] = [];
  for (const [, w] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cells = used.map((d) => valueCell(m.ix.get(d.id, year, { ...w, school }), d, minGroup));
    if (cells.every((c) => c.text === '')) continue;
    rows.push([{ text: names.group({ subject: w.subject ?? '', grade: w.grade, period: w.period ?? '', task: '' }) }, ...cells]);
  }
  return { head: ['Группа', ...used.map((d) => `${d.short.replace(/^[^:]+: /, '')}, ${d.unit}`)], rows };
}

export interface KeyFigure {
  def: IndicatorDef;
  where: Where;
  label: string;
  value?: IndicatorValue;
  text: string;
  change?: string;
  tone?: 'up' | 'down';
  spark?: string;
  href: string;
}

/** Headline numbers with the change from last year and a small trend. */
export function keyFigure(m: Model, id: string, where: Where, href: string, school?: string): KeyFigure | undefined {
  const def = INDICATOR_BY_ID.get(id);
  if (!def) return undefined;
  const names = namer(m.data);
  const w = { ...where, school };
  const v = m.ix.get(id, m.latestYear, w);
  if (!v) return undefined;
  const series = m.ix.series(id, w).filter((s) => s.v && !s.v.suppressed && s.v.value !== undefined).map((s) => ({ x: s.year, y: s.v!.value! }));
  const ch = changeCell(m, v, def);
  const d = m.ix.change(v);
  const groupLabel = names.group({ subject: where.subject ?? '', grade: where.grade, period: where.period ?? '', task: '' });
  return {
    def, where, value: v, href,
    label: `${def.short}${groupLabel !== 'Всего' ? ` — ${groupLabel}` : ''}`,
    text: v.suppressed || v.value === undefined ? '—' : formatValue(v.value, unitOf(def, where.subject)),
    change: d === undefined ? undefined : `${describeChange(d, unitOf(def, where.subject), genderOf(def.name))} за год (${ch.text})`,
    tone: ch.tone,
    spark: series.length >= 2 ? sparkline(series) : undefined,
  };
}
