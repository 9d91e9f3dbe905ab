/**
 * The registry of indicators: one entry per indicator of the indicator
 * specification. It drives computation, the passports on the methodology
 * pages, open data and the site; adding an indicator is one entry.
 *
 * Each procedure is one module of registry/: its families (which rows, which
 * groups), its indicators, its objectivity and task indicators, and its
 * section of the site.
 */
import { DIAGNOSTICS } from './registry/diagnostics.ts';
import { EGE } from './registry/ege.ts';
import { ESSAY } from './registry/essay.ts';
import { GRADUATES } from './registry/graduates.ts';
import { MONITORING } from './registry/monitoring.ts';
import { OGE } from './registry/oge.ts';
import { OLYMPIAD } from './registry/olympiad.ts';
import { VPR } from './registry/vpr.ts';
import type { IndicatorDef } from './types.ts';

export { PUBLISHED_IN } from './registry/common.ts';

/** The procedures in the order of the site's sections. */
export const PROCEDURES = [EGE, OGE, VPR, DIAGNOSTICS, OLYMPIAD, ESSAY, GRADUATES, MONITORING] as const;

// In the order of the specification, which passports and open data follow: results by
// procedure, then objectivity and task results of all procedures, then school life.
const ALL = [
  ...EGE.indicators,
  ...OGE.indicators,
  ...VPR.indicators,
  ...VPR.objectivity,
  ...OGE.objectivity,
  ...EGE.objectivity,
  ...DIAGNOSTICS.indicators,
  ...EGE.tasks,
  ...OGE.tasks,
  ...VPR.tasks,
  ...OLYMPIAD.indicators,
  ...GRADUATES.indicators,
  ...ESSAY.indicators,
  ...MONITORING.indicators,
];

/** Every indicator id, as a type: a mistyped id in code does not compile. */
export type IndicatorId = (typeof ALL)[number]['id'];
/** An indicator as the engine and the pages see it (its row type hidden). */
export type Indicator = IndicatorDef<unknown, IndicatorId>;

export const INDICATORS: readonly Indicator[] = ALL;

export const INDICATOR_BY_ID: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((d) => [d.id, d]));

/** Whether a string from data or a page (region.csv, a roadmap, MDX) names an indicator. */
export const isIndicatorId = (id: string): id is IndicatorId => INDICATOR_BY_ID.has(id);

/** The indicator of an id; ids are checked by the compiler, so it is always there. */
export function indicator(id: IndicatorId): Indicator {
  const d = INDICATOR_BY_ID.get(id);
  if (!d) throw new Error(`Показатель ${id} не найден в реестре.`);
  return d;
}

/** Procedures with task-level results (and so a `<p>.task_success` indicator). */
export const TASK_PROCEDURES = ['ege', 'oge', 'vpr'] as const;
export type TaskProcedure = (typeof TASK_PROCEDURES)[number];
export const isTaskProcedure = (p: string): p is TaskProcedure => (TASK_PROCEDURES as readonly string[]).includes(p);

/** The unit of an indicator's value for a subject. */
export const unitOf = (d: Indicator, subject = ''): Indicator['unit'] => d.unitOf?.(subject) ?? d.unit;
export const INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATOR_BY_ID.keys());

/** Base maths is scored as a mark: its «средний балл» is «средняя отметка» wherever the group is named. */
const asMark = (d: Indicator, subject: string) => d.unit === 'балл' && unitOf(d, subject) === 'отметка';
export const shortOf = (d: Indicator, subject = '') => (asMark(d, subject) ? d.short.replace('средний балл', 'средняя отметка') : d.short);
export const nameOf = (d: Indicator, subject = '') => (asMark(d, subject) ? d.name.replace(/^Средний балл/, 'Средняя отметка') : d.name);
