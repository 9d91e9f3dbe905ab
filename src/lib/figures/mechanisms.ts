/** The mechanisms' indicators read from the model (spec §15): each one's municipal series and its chart. */
import { MECHANISM_SLUGS, MECHANISMS } from '../data/mechanisms.ts';
import type { MechanismIndicator } from '../data/tables.ts';
import { mechanismChart } from '../charts/kinds/mechanism.ts';
import type { Chart } from '../charts/types.ts';
import { mechId } from '../indicators/mechanisms.ts';
import type { Model } from '../model/build.ts';
import { shared } from '../model/handoff.ts';
import { factChange, factText } from '../words/facts.ts';

export const mechanismPath = (n: number) => `/mechanisms/${MECHANISM_SLUGS[n - 1]}/`;

/** The municipal values of an indicator by year, each with how it was obtained and its change from the year before (once a model). */
export function mechanismSeries(m: Model, b: MechanismIndicator) {
  const all = shared(m, 'mechanism-series', () => new Map<string, ReturnType<typeof seriesOf>>());
  let s = all.get(b.id);
  if (!s) all.set(b.id, (s = seriesOf(m, b)));
  return s;
}

/** The years with any value of a mechanism's indicator, newest first: where an organisation's page looks. */
export const mechanismYears = (m: Model) =>
  shared(m, 'mechanism-years', () =>
    [...new Set(m.data.mechanismBook.flatMap((b) => m.ix.all(mechId(b)).map((v) => v.year)))].sort((a, b) => b - a),
  );

function seriesOf(m: Model, b: MechanismIndicator) {
  const id = mechId(b);
  const years = m.ix
    .all(id)
    .filter((v) => v.scope === 'municipality' && v.value !== undefined)
    .map((v) => ({
      year: v.year,
      value: v.value!,
      numerator: v.numerator,
      denominator: v.denominator,
      pooled: m.mechanismPooled.has(`${id}|${v.year}`),
    }));
  return years.map((y, i) => ({ ...y, change: i > 0 ? factChange(y, years[i - 1], b.unit, years[i - 1].year) : undefined }));
}

/** The chart of a percentage or a count with values in two years or more; presence, or a single year, is a table only. */
export function mechanismFigure(m: Model, b: MechanismIndicator): Chart | undefined {
  if (b.unit === 'наличие') return undefined;
  const years = mechanismSeries(m, b);
  const last = years.at(-1);
  if (!last || years.length < 2) return undefined;
  return mechanismChart({
    meta: {
      id: `mech-${b.id.replace(/_/g, '-')}`,
      title: `${b.name}: ${factText(last, b.unit)} в ${last.year} году`,
      subtitle: `Показатель ${b.code}, муниципалитет`,
      page: mechanismPath(b.mechanism),
      pageTitle: MECHANISMS[b.mechanism - 1],
      indicator: mechId(b),
    },
    unit: b.unit,
    years,
  });
}
