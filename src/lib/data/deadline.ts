/**
 * Turns the free-text deadlines of roadmaps («Апрель 2026», «ежегодно, август –
 * декабрь», «до 30 ноября», «в течение года») into due dates.
 */

const MONTHS: [RegExp, number][] = [
  [/^январ/, 1],
  [/^феврал/, 2],
  [/^март/, 3],
  [/^апрел/, 4],
  [/^ма[йя]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^август/, 8],
  [/^сентябр/, 9],
  [/^октябр/, 10],
  [/^ноябр/, 11],
  [/^декабр/, 12],
];
const monthOf = (word: string) => MONTHS.find(([re]) => re.test(word))?.[1];
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export interface Deadline {
  /** Due dates (ISO), one per occurrence within the roadmap's years; the end of the named period. */
  dates: string[];
  /** The item runs all the time or on demand: it has no due date and is never overdue. */
  continuous: boolean;
  /** The text could be read. */
  recognized: boolean;
}

/**
 * `years` are the roadmap's years (from its id, e.g. 2026-2027), used where
 * the text names months without a year («ежегодно, октябрь», «до 30 ноября»).
 */
export function parseDeadline(text: string, years: number[]): Deadline {
  const s = text.toLowerCase().replace(/ё/g, 'е').replace(/[–—−]/g, '-').replace(/\s+/g, ' ').trim();
  if (
    /(в течение|постоянно|по мере необходимости|ежемесячно|еженедельно|ежеквартально|весь период)/.test(s) &&
    !/(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)/.test(s)
  ) {
    if (/в течение (учебного |календарного )?года/.test(s))
      return { dates: years.map((y) => iso(y, 12, 31)), continuous: false, recognized: true };
    return { dates: [], continuous: true, recognized: true };
  }
  const explicitYears = [...s.matchAll(/\b(20\d{2})\b/g)].map((m) => Number(m[1]));
  const words = s.split(/[^a-zа-я0-9]+/).filter(Boolean);
  const months: number[] = [];
  for (const w of words) {
    const m = monthOf(w);
    if (m !== undefined) months.push(m);
  }
  // «до 30 ноября», «30 ноября 2026»
  const dayMonth = /(\d{1,2}) (январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)/.exec(s);
  const targetYears = explicitYears.length > 0 ? [Math.max(...explicitYears)] : years;
  if (dayMonth) {
    const m = monthOf(dayMonth[2])!;
    const d = Number(dayMonth[1]);
    return { dates: targetYears.filter((y) => d >= 1 && d <= lastDay(y, m)).map((y) => iso(y, m, d)), continuous: false, recognized: true };
  }
  if (months.length > 0) {
    // A range («июнь – июль», «август – декабрь») is due at the end of its last month.
    const m = months[months.length - 1];
    return { dates: targetYears.map((y) => iso(y, m, lastDay(y, m))), continuous: false, recognized: true };
  }
  if (/полугоди/.test(s))
    return { dates: targetYears.flatMap((y) => [iso(y, 6, 30), iso(y, 12, 31)]), continuous: false, recognized: true };
  if (/по итогам (учебного )?года/.test(s)) return { dates: targetYears.map((y) => iso(y, 6, 30)), continuous: false, recognized: true };
  if (/^ежегодно$/.test(s)) return { dates: targetYears.map((y) => iso(y, 12, 31)), continuous: false, recognized: true };
  if (explicitYears.length > 0 && /^(\d{4})( (год|г)\.?)?$/.test(s))
    return { dates: [iso(explicitYears[0], 12, 31)], continuous: false, recognized: true };
  return { dates: [], continuous: false, recognized: false };
}

/** Years a roadmap covers, from its id (`2026-2027`, `2021`) or, failing that, none. */
export function roadmapYears(id: string): number[] {
  const ys = [...id.matchAll(/(20\d{2})/g)].map((m) => Number(m[1]));
  if (ys.length === 0) return [];
  const out: number[] = [];
  for (let y = Math.min(...ys); y <= Math.max(...ys); y++) out.push(y);
  return out;
}
