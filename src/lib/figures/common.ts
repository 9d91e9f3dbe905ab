/** What the figures share: a computed value as a chart's point, words for a group, the natural range of an axis. */
import type { Namer } from '../data/names.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import type { Presentation } from '../indicators/present.ts';
import type { Where } from '../indicators/query.ts';
import { unitOf, type Indicator } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import type { Keys, Point } from '../charts/types.ts';
import { slug } from '../charts/common.ts';
import { subjectPrepositional } from '../words/subjects.ts';

/** A computed value as a chart draws it: withheld values keep only why (and their size, unless that is withheld too). */
export function pointOf(v: IndicatorValue | undefined, present: Presentation): Point {
  if (!v) return {};
  const n = v.reason === 'ovz' ? undefined : v.n;
  if (v.suppressed || v.value === undefined) return { n, why: present.whyHidden(v) };
  return { value: v.value, lo: v.ci_low, hi: v.ci_high, n };
}

export const keysOf = (def: Indicator, where: Where): Keys => ({
  indicator: def.id,
  subject: where.subject,
  grade: where.grade,
  period: where.period,
});

/** The part of a chart id that names a monitoring period. */
const periodSlug = (p?: string) => (p === undefined ? undefined : p === '1 полугодие' ? 'h1' : p === '2 полугодие' ? 'h2' : 'year');

/** A chart's id from what it shows: `ege-mean-rus-municipality`, stable across seasons. */
export const chartId = (def: Indicator, where: Where, ...rest: string[]) =>
  slug(def.id, where.subject, where.grade, periodSlug(where.period), ...rest);

/** «по русскому языку в 4 классе (2 полугодие)». */
export function groupWords(names: Namer, where: Where): string {
  const parts: string[] = [];
  if (where.subject) parts.push(subjectPrepositional(names.subject(where.subject)).replace(/^: /, '— '));
  if (where.grade !== undefined) parts.push(`в ${where.grade} классе`);
  if (where.period) parts.push(`(${where.period})`);
  return parts.join(' ');
}

export const unitWord = (def: Indicator, subject?: string) => {
  const u = unitOf(def, subject);
  return u === 'отметка' ? 'средняя отметка' : u;
};

/**
 * The range an indicator's values can take, for axes that do not exaggerate
 * noise: shares 0–100 %, marks 2–5, a test score 0–100, a primary score 0 to
 * the scale's maximum (latest year). Undefined for counts and unknown scales.
 */
export function naturalRange(m: Model, def: Indicator, where: Where): [number, number] | undefined {
  const unit = unitOf(def, where.subject);
  if (unit === '%') return [0, 100];
  if (unit === 'отметка') return [2, 5];
  if (unit !== 'балл') return undefined;
  if (def.procedure === 'ege') return [0, 100];
  const procedure = def.procedure === 'oge' ? 'oge' : def.procedure === 'vpr' ? 'vpr' : undefined;
  if (!procedure || !where.subject) return undefined;
  const max = m.data.scales
    .filter((s) => s.procedure === procedure && s.subject === where.subject && (s.grade === undefined || s.grade === where.grade))
    .sort((a, b) => b.year - a.year)[0]?.max_score;
  return max === undefined ? undefined : [0, max];
}
