/** How a value shows in a table: the number with its interval, or «—» and why it is withheld. */
import { count, formatInterval, formatValue, PARTICIPANTS } from '../words/format.ts';
import type { IndicatorValue } from './compute.ts';
import { unitOf } from './registry.ts';
import type { Indicator } from './registry.ts';
import type { TableCell } from '../words/cells.ts';

/** Why a value withheld by secondary suppression (spec §0) is not shown: in the spec's own words. */
export const SECONDARY_REASON = 'скрыто, чтобы по другим числам нельзя было вычислить значение маленькой группы';

/** «—» with the reason, for tables. */
function whyHidden(v: IndicatorValue, minGroup: number): string {
  if (v.reason === 'ovz') return `скрыто: менее ${count(minGroup, ['человека', 'человек', 'человек'])} (защита персональных данных)`;
  if (v.reason === 'empty') return 'нет участников в группе';
  if (v.reason === 'secondary') return SECONDARY_REASON;
  return `скрыто: в группе ${count(v.n, PARTICIPANTS)} — меньше порога ${minGroup}`;
}

function valueCell(v: IndicatorValue | undefined, def: Indicator, minGroup: number): TableCell {
  if (!v) return { text: '', num: true };
  if (v.suppressed || v.value === undefined) return { text: '—', num: true, why: whyHidden(v, minGroup) };
  return { text: formatValue(v.value, unitOf(def, v.subject)), num: true, ci: formatInterval(v, unitOf(def, v.subject)) };
}

/** Table cells as this site shows them, built once from the privacy threshold of site.yaml (the model carries it). */
export interface Presentation {
  valueCell(v: IndicatorValue | undefined, def: Indicator): TableCell;
  whyHidden(v: IndicatorValue): string;
}

export function presentation(minGroup: number): Presentation {
  return { valueCell: (v, def) => valueCell(v, def, minGroup), whyHidden: (v) => whyHidden(v, minGroup) };
}
