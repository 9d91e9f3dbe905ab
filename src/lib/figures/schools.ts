/** The figures of schools side by side (one group, one year) and of a procedure's subjects. */
import { count, formatValue } from '../words/format.ts';
import type { Namer } from '../data/names.ts';
import { compareWithRest } from '../indicators/compare.ts';
import type { Where } from '../indicators/query.ts';
import { unitOf, type Indicator } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { schoolsChart } from '../charts/kinds/schools.ts';
import { subjectsChart } from '../charts/kinds/subjects.ts';
import { byName, capital, MANY, slug } from '../charts/common.ts';
import type { Chart } from '../charts/types.ts';
import { chartId, groupWords, keysOf, pointOf, unitWord } from './common.ts';
import type { RegionOf } from './trend.ts';

export function schoolsFigure(
  m: Model,
  names: Namer,
  def: Indicator,
  where: Where,
  year: number,
  page: string,
  pageTitle: string,
  regionOf: RegionOf,
): Chart | undefined {
  const values = m.ix
    .all(def.id)
    .filter(
      (v) =>
        v.year === year &&
        v.scope === 'school' &&
        v.subject === (where.subject ?? '') &&
        v.grade === where.grade &&
        v.period === (where.period ?? '') &&
        !v.task,
    );
  // By name, everywhere: in the bars, the table and the text alternative (a reader who wants an order sorts the table).
  values.sort((a, b) => byName(names.school(a.school_id), names.school(b.school_id)));
  const shown = values.filter((v) => !v.suppressed && v.value !== undefined);
  if (shown.length < 2) return undefined;
  const muni = m.ix.get(def.id, year, where);
  const reg = regionOf(def.id, year, where);
  const unit = unitOf(def, where.subject);
  const what = `${def.short.replace(/^[^:]+: /, '')} ${groupWords(names, where)}`.trim();
  // The finding is how many schools differ from the rest beyond chance (spec §11), not who is first.
  const differ = shown.map((v) => ({ v, c: compareWithRest(v, muni) })).filter((x) => x.c?.significant && !x.c.exact);
  const listed = (xs: typeof differ) =>
    xs.length <= 3 ? xs.map((x) => names.school(x.v.school_id)).join(', ') : count(xs.length, ['школа', 'школы', 'школ']);
  const higher = differ.filter((x) => x.c!.diff > 0);
  const lower = differ.filter((x) => x.c!.diff < 0);
  const testable = shown.some((v) => v.sd !== undefined || v.numerator !== undefined);
  const finding =
    def.better === null || !testable
      ? ''
      : differ.length === 0
        ? '; ни одна школа не отличается от остальных сильнее, чем допускают случайные колебания'
        : `; сильнее случайных колебаний отличаются от остальных школ: ${[higher.length ? `выше — ${listed(higher)}` : '', lower.length ? `ниже — ${listed(lower)}` : ''].filter(Boolean).join('; ')}`;
  const lowest = Math.min(...shown.map((v) => v.value!));
  const highest = Math.max(...shown.map((v) => v.value!));
  const title = `${capital(what)} в школах в ${year} году: от ${formatValue(lowest, unit)} до ${formatValue(highest, unit)}${finding}`;
  const flagged = new Set(
    m.risks
      .filter((r) => r.year === year && r.indicator === def.id && r.subject === (where.subject ?? '') && r.grade === where.grade)
      .map((r) => r.school_id),
  );
  const refs = [
    ...(muni && !muni.suppressed && muni.value !== undefined ? [{ label: 'Муниципалитет' as const, value: muni.value, n: muni.n }] : []),
    ...(reg !== undefined ? [{ label: 'Регион' as const, value: reg }] : []),
  ];
  return schoolsChart({
    meta: {
      id: chartId(def, where, 'schools'),
      title,
      page,
      pageTitle,
      indicator: def.id,
      subtitle: `${def.name} ${groupWords(names, where)}, ${unitWord(def, where.subject)}, ${year} год, по школам${shown.length > MANY ? ' (столбик — число школ с таким значением)' : ''}; вертикальные линии — муниципалитет${reg !== undefined ? ' и регион' : ''}${shown.some((v) => flagged.has(v.school_id)) ? '; красным — школы в зоне риска' : ''}`,
    },
    keys: keysOf(def, where),
    unit,
    year,
    schools: values.map((v) => ({
      id: v.school_id,
      name: names.school(v.school_id),
      point: pointOf(v, m.present),
      flag: flagged.has(v.school_id),
    })),
    refs,
  });
}

/** A procedure's subjects in a year; `suffix` tells the report's copy (a year) from the section's own. */
export function subjectsFigure(
  m: Model,
  names: Namer,
  def: Indicator,
  year: number,
  page: string,
  pageTitle: string,
  suffix: string,
): Chart | undefined {
  // Base maths is scored as a mark, not on the 100-point scale: it is not compared with the other subjects. Nor is
  // the all-subjects total (the olympiad's 182 participants beside subjects of 13–40 squashed them into a corner).
  const values = m.ix
    .all(def.id)
    .filter(
      (v) =>
        v.year === year &&
        v.scope === 'municipality' &&
        v.subject !== '' &&
        !v.task &&
        !v.period &&
        !(def.id.startsWith('ege.') && v.subject === 'math_base'),
    );
  const shown = values.filter((v) => !v.suppressed && v.value !== undefined);
  if (shown.length < 2) return undefined;
  const sorted = [...shown].sort((a, b) => b.value! - a.value!);
  const [top, bottom] = [sorted[0], sorted[sorted.length - 1]];
  const what = def.short.replace(/^[^:]+: /, '');
  return subjectsChart({
    meta: {
      id: slug(def.id, 'subjects', suffix),
      title: `${capital(what)} по предметам в ${year} году: от ${formatValue(bottom.value!, def.unit)} (${names.group(bottom)}) до ${formatValue(top.value!, def.unit)} (${names.group(top)})`,
      page,
      pageTitle,
      indicator: def.id,
      subtitle: `${def.name}, ${unitWord(def)}, ${year} год, муниципалитет, по предметам`,
    },
    unit: def.unit,
    year,
    groups: values.map((v) => ({ subject: v.subject, grade: v.grade, label: names.group(v), point: pointOf(v, m.present) })),
  });
}
