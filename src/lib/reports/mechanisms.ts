/** The mechanisms' part of the year's report (spec §15): facts by mechanism, for «Описание тенденций». */
import { MECHANISMS } from '../data/mechanisms.ts';
import { mechanismPath, mechanismSeries } from '../figures/mechanisms.ts';
import type { Model } from '../model/build.ts';
import { factText } from '../words/facts.ts';

/**
 * The mechanisms' indicators of a year for «Описание тенденций» (spec §15): per mechanism, each indicator
 * with a value that year and its change from the year before, as facts with both values and counts.
 */
export function mechanismFacts(m: Model, year: number) {
  return MECHANISMS.flatMap((name, i) => {
    const lines = m.data.mechanismBook
      .filter((b) => b.mechanism === i + 1)
      .flatMap((b) => {
        const v = mechanismSeries(m, b).find((y) => y.year === year);
        return v
          ? [`${b.code}. ${b.name}: ${factText(v, b.unit)}${v.change ? `; ${v.change}` : ''}${v.pooled ? ' (сумма по организациям)' : ''}.`]
          : [];
      });
    return lines.length ? [{ n: i + 1, name, path: mechanismPath(i + 1), lines }] : [];
  });
}
