/** The subjects of a procedure in one year, at municipal level. */
import { DIGITS, formatNumber, formatValue, sentence } from '../../format.ts';
import type { IndicatorValue } from '../../indicators/compute.ts';
import type { Indicator } from '../../indicators/registry.ts';
import type { Model } from '../../model.ts';
import type { Namer } from '../../names.ts';

import { capital, CI_LEGEND, drawn, slug, unitWord } from '../common.ts';
import { barChart } from '../render-bars.ts';
import type { Chart } from '../types.ts';

export function subjectsChart(
  m: Model,
  names: Namer,
  def: Indicator,
  year: number,
  page: string,
  pageTitle: string,
  suffix: string,
): Chart | undefined {
  // Base maths is scored as a mark, not on the 100-point scale: it is not compared with the other subjects.
  const values = m.ix
    .all(def.id)
    .filter(
      (v) =>
        v.year === year && v.scope === 'municipality' && !v.task && !v.period && !(def.id.startsWith('ege.') && v.subject === 'math_base'),
    );
  const shown = values.filter((v) => !v.suppressed && v.value !== undefined);
  if (shown.length < 2) return undefined;
  const label = (v: IndicatorValue) => names.group(v);
  const sorted = [...shown].sort((a, b) => b.value! - a.value!);
  const what = def.short.replace(/^[^:]+: /, '');
  const title = `${capital(what)} по предметам в ${year} году: от ${formatValue(sorted[sorted.length - 1].value!, def.unit)} (${label(sorted[sorted.length - 1])}) до ${formatValue(sorted[0].value!, def.unit)} (${label(sorted[0])})`;
  return {
    id: slug(def.id, 'subjects', suffix),
    title,
    page,
    pageTitle,
    indicator: def.id,
    subtitle: `${def.name}, ${unitWord(def)}, ${year} год, муниципалитет, по предметам`,
    ...drawn((width) =>
      barChart(
        shown.map((v) => ({ label: label(v), value: v.value!, lo: v.ci_low, hi: v.ci_high })),
        { label: title, digits: DIGITS[def.unit], xLabel: '', width, order: 'value' },
      ),
    ),
    alt: sentence(`${sentence(title)} ${sorted.map((v) => `${label(v)} — ${formatValue(v.value!, def.unit)}`).join('; ')}`),
    table: {
      head: ['Предмет', 'Значение', 'Участников (n)'],
      rows: values.map((v) => [{ text: label(v) }, m.present.valueCell(v, def), { text: formatNumber(v.n, 0), num: true }]),
    },
    csv: {
      header: ['year', 'indicator', 'subject', 'grade', 'value', 'n', 'suppressed'],
      rows: values.map((v) => [
        year,
        def.id,
        v.subject,
        v.grade,
        v.suppressed ? undefined : v.value!.toFixed(2),
        v.n,
        v.suppressed ? 1 : 0,
      ]),
    },
    notes: values.filter((v) => v.suppressed).map((v) => `${label(v)}: ${m.present.whyHidden(v)}`),
    legend: shown.some((v) => v.ci_low !== undefined) ? [CI_LEGEND] : [],
  };
}
