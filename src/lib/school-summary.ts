/**
 * The first thing a parent reads on a school page: how the school's pupils
 * did in the last year, in plain Russian, with words only where a test says
 * the difference is real (spec §11).
 */
import { describeComparison, describeStanding, formatValue, genderOf, sentence } from './format.ts';
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
