/** The computed parts of the analytical reports: trends in words, deficits, the section 2.4 table. */

import { describeComparison, formatValue, genderOf } from './format.ts';
import { changeFromPrevious, compare } from './indicators/compare.ts';
import { indicator, TASK_PROCEDURES, unitOf, type Indicator, type IndicatorId, type TaskProcedure } from './indicators/registry.ts';
import type { Model } from './model.ts';
import { namer, subjectPrepositional } from './names.ts';
import { SECTIONS, type Section } from './procedures.ts';

export interface TrendLine {
  def: Indicator;
  text: string;
  value: number;
  /** Change from the previous year, unrounded. */
  change?: number;
  /** Whether that change is statistically significant (spec §11). */
  significant: boolean;
  /** Change since the first year with a value. */
  since?: { year: number; change: number; significant: boolean };
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
      const g = genderOf(def.name);
      const unit = unitOf(def, w.subject);
      let text = `${def.name}${group ? ` ${group}` : ''} в ${year} году — ${formatValue(v.value, unit)}`;
      const parts: string[] = [];
      if (change !== undefined) parts.push(describeComparison(change, unit, g));
      const sinceCmp = first && first.year < year - 1 ? compare(v, first.v) : undefined;
      const since = sinceCmp && first ? { year: first.year, change: sinceCmp.diff, significant: sinceCmp.significant } : undefined;
      if (sinceCmp && since) parts.push(describeComparison(sinceCmp, unit, g, since.year));
      if (parts.length) text += `: ${parts.join('; ')}`;
      out.push({
        def,
        text: text.endsWith('.') ? text : `${text}.`,
        value: v.value,
        change: change?.diff,
        significant: change?.significant ?? false,
        since,
      });
    }
  }
  return out;
}

/** Task-level deficits (municipal success under 50 %) of a year, with the skill checked. */
export function deficits(m: Model, year: number) {
  const names = namer(m.data);
  const out: { procedure: TaskProcedure; group: string; task: string; value: number; skill?: string }[] = [];
  for (const p of TASK_PROCEDURES) {
    for (const v of m.ix.all(`${p}.task_success`)) {
      if (v.year !== year || v.scope !== 'municipality' || !v.task || v.suppressed || v.value === undefined || v.value >= 50) continue;
      const t = m.data.tasks.find(
        (x) => x.year === year && x.procedure === p && x.subject === v.subject && (x.grade ?? undefined) === v.grade && x.task === v.task,
      );
      out.push({
        procedure: p,
        group: names.group({ subject: v.subject, grade: v.grade, period: '', task: '' }),
        task: v.task,
        value: v.value,
        skill: t?.skill,
      });
    }
  }
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
