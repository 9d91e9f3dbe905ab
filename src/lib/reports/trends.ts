/** The computed parts of the analytical reports: trends in words, conclusions, the section 2.4 table. */

import { MASTERY_RULE } from '../indicators/mastery.ts';
import { deficits } from './deficits.ts';
import {
  count,
  describeComparison,
  formatChange,
  formatValue,
  genderOf,
  lower as lowerWords,
  lowerFirst,
  type UnitKind,
} from '../words/format.ts';
import type { TableCell } from '../words/cells.ts';
import { changeFromPrevious, compare, compareWithRest } from '../indicators/compare.ts';
import { indicator, nameOf, unitOf, type Indicator, type IndicatorId } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { namer } from '../data/names.ts';
import { subjectPrepositional } from '../words/subjects.ts';
import { PROCEDURE_NAMES, SECTIONS, type Section } from '../indicators/sections.ts';

export interface TrendLine {
  def: Indicator;
  /** The indicator's name for this group («Средняя отметка ЕГЭ» for base maths). */
  name: string;
  /** The group in words: «Русский язык, 4 класс», «Всего». */
  group: string;
  unit: UnitKind;
  text: string;
  /** The same sentence with only its changes beyond chance: a справка's conclusions list nothing «на уровне». */
  sure: string;
  value: number;
  /** Change from the previous year, unrounded. */
  change?: number;
  /** Whether that change is statistically significant (spec §11). */
  significant: boolean;
  /** Change since the first year with a value. */
  since?: { year: number; change: number; significant: boolean };
  /** The change beyond chance in a short phrase for the list of findings: «снизился на 8,1 балла за год — до 65,9». */
  finding?: string;
}

/** Sentences that state each headline indicator's value and its change, from the numbers. */
export function trendLines(m: Model, section: Section, year: number): TrendLine[] {
  const names = namer(m.data);
  const out: TrendLine[] = [];
  for (const id of section.main) {
    const def = indicator(id);
    for (const w of m.ix.groups(id)) {
      if (section.by === 'period' && w.grade !== undefined) continue;
      const v = m.ix.get(id, year, w);
      if (!v || v.suppressed || v.value === undefined) continue;
      const change = changeFromPrevious(m.ix, v);
      const first = m.ix.series(id, w).find((s) => s.year < year && s.v && !s.v.suppressed && s.v.value !== undefined);
      const group = [
        w.subject ? subjectPrepositional(names.subject(w.subject)).replace(/^: /, '— ') : '',
        w.grade !== undefined ? `в ${w.grade} классе` : '',
        w.period ? `(${w.period})` : '',
      ]
        .filter(Boolean)
        .join(' ');
      const name = nameOf(def, w.subject);
      const g = genderOf(name);
      const unit = unitOf(def, w.subject);
      let text = `${name}${group ? ` ${group}` : ''} в ${year} году — ${formatValue(v.value, unit)}`;
      const parts: string[] = [];
      const sureParts: string[] = [];
      const add = (c: NonNullable<typeof change>, since?: number) => {
        parts.push(describeComparison(c, unit, g, since));
        if (c.significant && !c.exact) sureParts.push(parts.at(-1)!);
      };
      if (change !== undefined) add(change);
      const sinceCmp = first && first.year < year - 1 ? compare(v, first.v) : undefined;
      const since = sinceCmp && first ? { year: first.year, change: sinceCmp.diff, significant: sinceCmp.significant } : undefined;
      if (sinceCmp && since) add(sinceCmp, since.year);
      // The year's change leads when it is real; else the change since the first year, when that is.
      const real = change?.significant && !change.exact ? change : sinceCmp?.significant && !sinceCmp.exact ? sinceCmp : undefined;
      const finding = real
        ? `${describeComparison(real, unit, g, real === change ? undefined : first!.year)} — до ${formatValue(v.value, unit)}`
        : undefined;
      const sure = `${text}${sureParts.length ? `: ${sureParts.join('; ')}` : ''}`.replace(/([^.])$/, '$1.');
      if (parts.length) text += `: ${parts.join('; ')}`;
      out.push({
        def,
        name,
        group: names.group({ subject: w.subject ?? '', grade: w.grade, period: w.period ?? '', task: '' }),
        unit,
        text: text.endsWith('.') ? text : `${text}.`,
        sure,
        value: v.value,
        change: change?.diff,
        significant: change?.significant ?? false,
        since,
        finding,
      });
    }
  }
  return out;
}

/** A change an estimate made beyond chance: over the year, or since the first year shown. */
export const isFinding = (l: TrendLine) => l.finding !== undefined;

/**
 * The trends of a year as a reader takes them in: the few changes beyond
 * chance in words first, then everything else as one compact table.
 */
export function trendFindings(m: Model, sections: readonly Section[], year: number) {
  const lines = sections.flatMap((section) => trendLines(m, section, year).map((l) => ({ section, ...l })));
  // Changes over the year first (what a season brought), then the longer ones of the years shown.
  const found = lines.filter(isFinding);
  const real = [...found.filter((l) => l.significant), ...found.filter((l) => !l.significant)];
  const calm = lines.filter((l) => !isFinding(l));
  const since = [...new Set(calm.map((l) => l.since?.year).filter((y) => y !== undefined))];
  return {
    real,
    calm: {
      head: ['Показатель', 'Группа', `${year}`, 'За год', since.length === 1 ? `С ${since[0]} года` : 'С первого года'],
      rows: calm.map((l): TableCell[] => [
        { text: l.name },
        { text: l.group },
        { text: formatValue(l.value, l.unit), num: true },
        { text: l.change === undefined ? '' : formatChange(l.change, l.unit), num: true },
        { text: l.since ? `${formatChange(l.since.change, l.unit)}${since.length > 1 ? ` (с ${l.since.year})` : ''}` : '', num: true },
      ]),
    },
  };
}

/**
 * The conclusions a справка ends with, drawn only from what is beyond chance:
 * changes of the main indicators, schools that differ from the rest, risk
 * flags and deficits; and, where there is none, that nothing is.
 */
export function conclusions(m: Model, section: Section, main: IndicatorId, year: number): string[] {
  const names = namer(m.data);
  const out: string[] = [];
  const real = trendLines(m, section, year).filter(isFinding);
  if (real.length) out.push(...real.map((l) => l.sure));
  else out.push(`Основные показатели в ${year} году изменились не больше, чем допускают случайные колебания.`);
  const def = indicator(main);
  const higher = new Map<string, string[]>();
  const lower = new Map<string, string[]>();
  for (const v of m.ix.all(main)) {
    if (v.year !== year || v.scope !== 'school' || v.task) continue;
    const c = compareWithRest(v, m.ix.get(main, year, { subject: v.subject, grade: v.grade, period: v.period }));
    if (!c?.significant || c.exact) continue;
    const into = c.diff > 0 ? higher : lower;
    into.set(v.school_id, [...(into.get(v.school_id) ?? []), lowerWords(names.group(v))]);
  }
  const list = (x: Map<string, string[]>) =>
    names
      .bySchoolName(x, ([id]) => id)
      .map(([id, groups]) => `${names.school(id)}${groups[0] === 'всего' ? '' : ` (${groups.join('; ')})`}`)
      .join(', ');
  const what = lowerFirst(def.name);
  if (def.better !== null && (higher.size || lower.size))
    out.push(
      `${what.charAt(0).toUpperCase()}${what.slice(1)} отличается от остальных школ больше, чем допускают случайные колебания: ${[higher.size ? `выше — ${list(higher)}` : '', lower.size ? `ниже — ${list(lower)}` : ''].filter(Boolean).join('; ')}.`,
    );
  else if (def.better !== null)
    out.push(`Ни одна школа не отличается от остальных по показателю «${def.name}» сильнее случайных колебаний.`);
  const risks = m.risks.filter((r) => r.year === year && section.procedures.some((p) => r.indicator.startsWith(`${p}.`)));
  if (risks.length)
    out.push(
      `Зоны риска: ${count(risks.length, ['отметка', 'отметки', 'отметок'])} в ${count(new Set(risks.map((r) => r.school_id)).size, ['школе', 'школах', 'школах'])} (${names
        .bySchoolName(new Set(risks.map((r) => r.school_id)), (x) => x)
        .map((id) => names.school(id))
        .join(', ')}): этим школам нужна методическая помощь в первую очередь.`,
    );
  const gaps = deficits(m, year).filter((g) => section.procedures.includes(g.procedure as never));
  if (gaps.length)
    out.push(
      `Образовательные дефициты: ${count(gaps.length, ['задание не освоено', 'задания не освоены', 'заданий не освоены'])} в муниципалитете (${MASTERY_RULE}) — ${[...new Set(gaps.map((g) => `${PROCEDURE_NAMES[g.procedure]}, ${g.group.toLowerCase()}`))].join('; ')}.`,
    );
  return out;
}

/** Sections with any data in a year. */
export function sectionsWithData(m: Model, year: number): Section[] {
  return SECTIONS.filter((s) => s.main.some((id) => m.ix.all(id).some((v) => v.year === year)));
}

/**
 * Table 1 of the Вилючинск regulation: indicators of section 2.4 of the final
 * report, with the registry's indicators that compute each row.
 */
export const SECTION_24: {
  item: string;
  title: string;
  indicators: { id: IndicatorId; subject?: string; grade?: number; period?: string }[];
}[] = [
  {
    item: '1.1',
    title: 'Средний балл ОГЭ, в том числе в динамике за несколько лет',
    indicators: [
      { id: 'oge.mean_score', subject: 'rus' },
      { id: 'oge.mean_score', subject: 'math' },
      { id: 'oge.mean_mark', subject: 'rus' },
      { id: 'oge.mean_mark', subject: 'math' },
    ],
  },
  {
    item: '1.2',
    title: 'Средний балл ЕГЭ, в том числе в динамике за несколько лет',
    indicators: [
      { id: 'ege.mean', subject: 'rus' },
      { id: 'ege.mean', subject: 'math_prof' },
      { id: 'ege.mean', subject: 'math_base' },
    ],
  },
  {
    item: '1.3',
    title: 'Средний балл ВПР, в том числе в динамике за несколько лет по отдельным предметам',
    indicators: [
      { id: 'vpr.mean_score', subject: 'rus', grade: 4 },
      { id: 'vpr.mean_score', subject: 'math', grade: 4 },
      { id: 'vpr.mean_mark', subject: 'rus', grade: 4 },
      { id: 'vpr.mean_mark', subject: 'math', grade: 4 },
    ],
  },
  {
    item: '2',
    title: 'Учёт обучающихся, завершивших обучение по программам среднего общего образования',
    indicators: [{ id: 'grad11.certificate_share' }],
  },
  {
    item: '3',
    title: 'Учёт обучающихся, завершивших обучение по программам основного общего образования',
    indicators: [{ id: 'grad9.certificate_share' }],
  },
  { item: '4', title: 'Учёт выпускников 9 класса, не продолживших образование', indicators: [{ id: 'grad9.not_continuing_count' }] },
  {
    item: '5.1',
    title: 'Доля выпускников, набравших по результатам ЕГЭ более 80 баллов',
    indicators: [
      { id: 'ege.high_share', subject: 'rus' },
      { id: 'ege.high_share', subject: 'math_prof' },
    ],
  },
  {
    item: '5.2',
    title: 'Количество выпускников, набравших по результатам ЕГЭ 96–100 баллов',
    indicators: [
      { id: 'ege.top_count', subject: 'rus' },
      { id: 'ege.top_count', subject: 'math_prof' },
    ],
  },
  {
    item: '6.1',
    title: 'Доля участников регионального этапа ВсОШ от участников муниципального этапа',
    indicators: [{ id: 'olymp.regional_share' }],
  },
  { item: '6.2', title: 'Количество призёров регионального этапа ВсОШ', indicators: [{ id: 'olymp.regional_prizewinners' }] },
  { item: '6.3', title: 'Количество победителей регионального этапа ВсОШ', indicators: [{ id: 'olymp.regional_winners' }] },
  {
    item: '7',
    title: 'Организация работы с обучающимися с ОВЗ: количество обучающихся с ОВЗ, сдающих ОГЭ, ЕГЭ',
    indicators: [{ id: 'gia9.ovz_participants' }, { id: 'gia11.ovz_participants' }],
  },
  {
    item: '9.3–9.4',
    title: 'Процент успеваемости и качество знаний учащихся 9-х и 11-х классов',
    indicators: [
      { id: 'mon.success_share', grade: 9, period: '2 полугодие' },
      { id: 'mon.quality_share', grade: 9, period: '2 полугодие' },
      { id: 'mon.success_share', grade: 11, period: '2 полугодие' },
      { id: 'mon.quality_share', grade: 11, period: '2 полугодие' },
    ],
  },
  { item: '9.5', title: 'Доля неуспевающих обучающихся 4–11 классов', indicators: [{ id: 'mon.failing_share', period: '2 полугодие' }] },
];
