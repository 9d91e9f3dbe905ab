/**
 * The first thing a parent reads on a school page: how the school's pupils
 * did in the last year, in plain Russian, with words only where a test says
 * the difference is real (spec §11).
 */
import { count, describeComparison, describeStanding, formatValue, genderOf, sentence } from './format.ts';
import { changeFromPrevious, compareWithRest, published } from './indicators/compare.ts';
import type { Where } from './indicators/query.ts';
import { indicator, unitOf, type IndicatorId } from './indicators/registry.ts';
import type { Model } from './model.ts';
import { namer, subjectPrepositional } from './names.ts';

/** The main results of a school, in the order a parent asks about them (all «higher is better», so ▲ is good news). */
export const SUMMARY_KEYS: [IndicatorId, Where][] = [
  ['ege.mean', { subject: 'rus' }],
  ['ege.mean', { subject: 'math_prof' }],
  ['ege.mean', { subject: 'math_base' }],
  ['oge.mean_mark', { subject: 'rus' }],
  ['oge.mean_mark', { subject: 'math' }],
  ['essay.pass_share', {}],
  ['interview.pass_share', {}],
];

export interface SummaryLine {
  id: IndicatorId;
  where: Where;
  text: string;
  /** 'higher' / 'lower' than the rest of the municipality when significant, for a neutral or coloured marker. */
  standing?: 'выше' | 'ниже' | 'на уровне';
}

export function schoolSummary(m: Model, school: string, year: number): SummaryLine[] {
  const names = namer(m.data);
  const minGroup = m.data.config.privacy.min_group;
  const out: SummaryLine[] = [];
  for (const [id, where] of SUMMARY_KEYS) {
    const def = indicator(id);
    const v = m.ix.get(id, year, { ...where, school });
    if (!v) continue;
    const unit = unitOf(def, where.subject);
    const what = `${def.name}${where.subject ? ` ${subjectPrepositional(names.subject(where.subject)).replace(/^: /, '— ')}` : ''}`;
    if (!published(v)) {
      out.push({
        id,
        where,
        text: sentence(
          `${what}: не публикуется — ${v.n === 0 ? 'нет участников' : `участников меньше ${minGroup}`}, по такой группе результат говорит о конкретных детях`,
        ),
      });
      continue;
    }
    const standing = describeStanding(compareWithRest(v, m.ix.get(id, year, where)));
    const change = changeFromPrevious(m.ix, v);
    const parts = [standing.text, change ? describeComparison(change, unit, genderOf(def.name)) : ''].filter(Boolean);
    out.push({
      id,
      where,
      standing: standing.word,
      text: sentence(`${what} — ${formatValue(v.value, unit)} (участников: ${v.n})${parts.length ? `: ${parts.join('; ')}` : ''}`),
    });
  }
  return out;
}

/** The grades a school teaches, from what its pupils sat: ЕГЭ → to 11, ОГЭ → to 9, else its ВПР. */
export function gradesOf(m: Model, school: string): string | undefined {
  const has = (id: IndicatorId) => m.ix.all(id).some((v) => v.school_id === school);
  const top = has('ege.participants') || has('essay.participants') ? 11 : has('oge.participants') || has('interview.participants') ? 9 : undefined;
  const vpr = Math.max(0, ...m.ix.all('vpr.participants').filter((v) => v.school_id === school).map((v) => v.grade ?? 0));
  const last = top ?? (vpr > 0 ? vpr : undefined);
  return last === undefined ? undefined : `1–${last} классы`;
}

/**
 * One neutral fact for the list of schools: how many sat the exams in the
 * last year (counts, not results — the list is not a league table).
 */
export function schoolFact(m: Model, school: string): string | undefined {
  const year = m.latestYear;
  const n = (id: IndicatorId, where: Where) => m.ix.get(id, year, { ...where, school })?.n;
  const ege = n('ege.participants', { subject: 'rus' });
  const oge = n('oge.participants', { subject: 'rus' });
  const people = (k: number) => count(k, ['выпускник', 'выпускника', 'выпускников']);
  const parts = [
    ege ? `ЕГЭ сдавали ${people(ege)} 11 класса` : '',
    oge ? `ОГЭ${ege ? ' —' : ' сдавали'} ${people(oge)} 9 класса` : '',
  ].filter(Boolean);
  if (parts.length) return `${year}: ${parts.join(', ')}`;
  const vpr = m.ix.all('vpr.participants').filter((v) => v.year === year && v.school_id === school && v.subject === 'rus');
  if (vpr.length)
    return `${year}: ВПР по русскому языку писали ${vpr.map((v) => `${count(v.n, ['ученик', 'ученика', 'учеников'])} ${v.grade} класса`).join(', ')}`;
  return undefined;
}
