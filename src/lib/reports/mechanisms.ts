/** The mechanisms' part of the year's report (spec §15): facts by mechanism, for «Описание тенденций». */
import { MECHANISMS } from '../data/mechanisms.ts';
import { mechanismPath, mechanismSeries } from '../figures/mechanisms.ts';
import type { Model } from '../model/build.ts';
import { direction, factText, toneOf } from '../words/facts.ts';
import { count } from '../words/format.ts';

/**
 * The mechanisms' indicators of a year for «Описание тенденций» (spec §15): per mechanism, each indicator
 * with a value that year and its change from the year before, as facts with both values and counts, and
 * a line that sums them up (how many moved for the better, for the worse).
 */
export function mechanismFacts(m: Model, year: number) {
  return MECHANISMS.flatMap((name, i) => {
    const found = m.data.mechanismBook
      .filter((b) => b.mechanism === i + 1)
      .flatMap((b) => {
        const series = mechanismSeries(m, b);
        const at = series.findIndex((y) => y.year === year);
        if (at < 0) return [];
        const v = series[at];
        const tone = at > 0 ? toneOf(direction(v, series[at - 1], b.unit), b.better) : undefined;
        return [
          {
            tone,
            line: `${b.code}. ${b.name}: ${factText(v, b.unit)}${v.change ? `; ${v.change}` : ''}${v.pooled ? ' (сумма по организациям)' : ''}.`,
          },
        ];
      });
    if (found.length === 0) return [];
    const better = found.filter((f) => f.tone === 'up').length;
    const worse = found.filter((f) => f.tone === 'down').length;
    const summary = `${count(found.length, ['показатель', 'показателя', 'показателей'])} за ${year} год; по сравнению с прошлым годом к лучшему изменились ${better}, к худшему — ${worse}.`;
    return [{ n: i + 1, name, path: mechanismPath(i + 1), summary, lines: found.map((f) => f.line) }];
  });
}
