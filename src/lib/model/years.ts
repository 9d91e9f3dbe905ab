/**
 * Which year each part of the site shows. A year arrives in stages — ВПР in
 * spring, ГИА in summer, the olympiad in winter — and the ИМЦ publishes after
 * each: a section shows its own latest year with results, never an empty new
 * year, and says when a newer year of the site is not yet in for it.
 */
import { INDICATORS, INDICATOR_BY_ID } from '../indicators/registry.ts';
import type { ValueIndex } from '../indicators/query.ts';
import { SECTION_OF, SECTIONS, type Section } from '../indicators/sections.ts';
import type { ProcedureId } from '../indicators/types.ts';

/** What of the model these answers need (a type of its own: build.ts imports this module to make the model). */
interface Staged {
  latestYear: number;
  sectionYears: Map<string, number[]>;
}

/** The years with results of each section, by its slug, in order; a section without any results has none. */
export function sectionYears(ix: ValueIndex): Map<string, number[]> {
  const sets = new Map<string, Set<number>>();
  for (const def of INDICATORS) {
    const section = SECTION_OF.get(def.procedure);
    if (!section) continue;
    let set = sets.get(section.slug);
    if (!set) sets.set(section.slug, (set = new Set()));
    for (const v of ix.all(def.id)) set.add(v.year);
  }
  return new Map([...sets].filter(([, y]) => y.size > 0).map(([k, y]) => [k, [...y].sort((a, b) => a - b)]));
}

const latestOf = (m: Staged, s: Section) => m.sectionYears.get(s.slug)?.at(-1);

/** The year a section shows: its latest with results, else the site's latest. */
export const yearOf = (m: Staged, s: Section): number => latestOf(m, s) ?? m.latestYear;

/** The year an indicator's values are shown for: its section's (derived values: the site's latest). */
export function yearOfIndicator(m: Staged, id: string): number {
  // A sign's own indicator (`vpr.threshold_4`) is not in the registry: its procedure names the section.
  const section = SECTION_OF.get(INDICATOR_BY_ID.get(id)?.procedure ?? (id.split('.')[0] as ProcedureId));
  return section ? yearOf(m, section) : m.latestYear;
}

/** «Результаты ВПР 2026 года ещё не опубликованы — показаны результаты 2025 года.», or nothing when the section is current. */
export function pendingNote(m: Staged, s: Section): string | undefined {
  const year = latestOf(m, s);
  if (year === undefined || year >= m.latestYear) return undefined;
  return `${s.results} ${m.latestYear} года ещё не опубликованы — показаны данные ${year} года.`;
}

/** Which sections a year has results in, and which are still to come (they have results of earlier years). */
export function yearParts(m: Staged, year: number): { published: Section[]; pending: Section[] } {
  const published = SECTIONS.filter((s) => m.sectionYears.get(s.slug)?.includes(year));
  const pending = SECTIONS.filter((s) => !published.includes(s) && (m.sectionYears.get(s.slug)?.[0] ?? Infinity) < year);
  return { published, pending };
}
