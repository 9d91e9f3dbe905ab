/** Neutral facts about a school for the list of schools: what it teaches and how many sat the exams — never a result. */
import { count } from '../../words/format.ts';
import type { Where } from '../../indicators/query.ts';
import type { IndicatorId } from '../../indicators/registry.ts';
import type { Model } from '../../model/build.ts';
import { yearOfIndicator } from '../../model/years.ts';

/** The grades a school teaches, from what its pupils sat: ЕГЭ → to 11, ОГЭ → to 9, else its ВПР. */
export function gradesOf(m: Model, school: string): string | undefined {
  const has = (id: IndicatorId) => m.ix.years.some((y) => m.ix.of(id, y, school).length > 0);
  const top =
    has('ege.participants') || has('essay.participants') ? 11 : has('oge.participants') || has('interview.participants') ? 9 : undefined;
  const vpr = Math.max(0, ...m.ix.years.flatMap((y) => m.ix.of('vpr.participants', y, school).map((v) => v.grade ?? 0)));
  const last = top ?? (vpr > 0 ? vpr : undefined);
  return last === undefined ? undefined : `1–${last} классы`;
}

/**
 * One neutral fact for the list of schools: how many sat the exams in the
 * last year (counts, not results — the list is not a league table).
 */
export function schoolFact(m: Model, school: string): string | undefined {
  // ГИА's year, and below the ВПР's: a year arrives in stages.
  let year = yearOfIndicator(m, 'ege.participants');
  const n = (id: IndicatorId, where: Where) => m.ix.get(id, year, { ...where, school })?.n;
  const ege = n('ege.participants', { subject: 'rus' });
  const oge = n('oge.participants', { subject: 'rus' });
  const people = (k: number) => count(k, ['выпускник', 'выпускника', 'выпускников']);
  const parts = [
    ege ? `ЕГЭ сдавали ${people(ege)} 11 класса` : '',
    oge ? `ОГЭ${ege ? ' —' : ' сдавали'} ${people(oge)} 9 класса` : '',
  ].filter(Boolean);
  if (parts.length) return `${year}: ${parts.join(', ')}`;
  year = yearOfIndicator(m, 'vpr.participants');
  const vpr = m.ix.of('vpr.participants', year, school).filter((v) => v.subject === 'rus');
  if (vpr.length)
    return `${year}: ВПР по русскому языку писали ${vpr.map((v) => `${count(v.n, ['ученик', 'ученика', 'учеников'])} ${v.grade} класса`).join(', ')}`;
  return undefined;
}
