/**
 * The registry of indicators: one entry per indicator of the
 * indicator specification. It drives computation, the passports on the
 * methodology pages, open data and the site; adding an indicator is one entry.
 */
import type { IndicatorDef } from './types.ts';
import { INDICATORS_ASSESSMENT } from './registry/assessment.ts';
import { INDICATORS_GIA11 } from './registry/gia11.ts';
import { INDICATORS_GIA9 } from './registry/gia9.ts';
import { INDICATORS_SCHOOL_LIFE } from './registry/school-life.ts';
import { INDICATORS_VPR } from './registry/vpr.ts';

export { PUBLISHED_IN } from './registry/common.ts';

/** Every indicator, in the order of the specification (passports and open data follow it). */
export const INDICATORS: IndicatorDef[] = [
  ...INDICATORS_GIA11,
  ...INDICATORS_GIA9,
  ...INDICATORS_VPR,
  ...INDICATORS_ASSESSMENT,
  ...INDICATORS_SCHOOL_LIFE,
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

/** The unit of an indicator's value for a subject. */
export const unitOf = (d: IndicatorDef, subject = ''): IndicatorDef['unit'] => d.unitOf?.(subject) ?? d.unit;
export const INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATOR_BY_ID.keys());
