/**
 * Signs of biased results (spec §16) as readers meet them: a school's status
 * in a year, its signs in plain words or that none were found among the
 * groups checked, what could not be checked; the specialists' page with each
 * year's schools in name order and what each rule tested.
 */
import type { Model } from '../model/build.ts';
import { namer } from '../data/names.ts';
import { RULE_NAMES, type Risk } from '../analyses/risks.ts';
import { pileKey, SIGN_RULES, UNCHECKED, type Unchecked } from '../analyses/signs/index.ts';
import { catalog } from '../figures/catalog.ts';
import type { Chart } from '../charts/types.ts';
import { count, lower } from '../words/format.ts';
import { PROCEDURE_NAMES } from '../indicators/sections.ts';
import type { ProcedureId } from '../indicators/types.ts';

export const SIGNS_PAGE = '/methodology/signs/';

/** A flag that makes a school-year's «признаки необъективности»: a §16 rule, or §9's exam above the school mark. */
export const isSign = (r: Risk) =>
  (SIGN_RULES as readonly string[]).includes(r.rule) ||
  (r.rule === 'objectivity' && (r.indicator === 'vpr.raised_share' || r.indicator === 'oge.raised_share'));

/** The charts of the `threshold` flags among these. */
const pileCharts = (m: Model, flags: readonly Risk[]): Chart[] =>
  flags.flatMap((r) => (r.rule === 'threshold' ? [catalog(m).signs.get(pileKey(r))!] : []));

/** What a sign's own indicator says, for a flag's card: «скопление баллов у порога отметки «4»». */
export function signIndicatorName(id: string): string | undefined {
  const t = /^(vpr|oge)\.threshold_(\d)$/.exec(id);
  if (t) return `доля участников у порога отметки «${t[2]}»`;
  if (/^(vpr|oge)\.tasks_gap$/.test(id)) return 'разница выполнения трудных и лёгких заданий';
  if (id === 'vpr.confirmation') return 'подтверждение результата ВПР экзаменом';
  return undefined;
}

/** «признаки необъективности» in a year, «устойчивые признаки» when the year before had them too. */
export function signStatus(risks: readonly Risk[], school: string, year: number): 'signs' | 'persistent' | undefined {
  const has = (y: number) => risks.some((r) => r.school_id === school && r.year === y && isSign(r));
  return has(year) ? (has(year - 1) ? 'persistent' : 'signs') : undefined;
}

export const STATUS_WORDS = {
  signs: 'признаки необъективности',
  persistent: 'устойчивые признаки необъективности (два года подряд)',
} as const;

/** What could not be checked, in one clause: «в 3 группах — в шкале года нет порогов отметок; …». */
export function uncheckedWords(u: Partial<Record<Unchecked, number>>): string {
  return (Object.keys(UNCHECKED) as Unchecked[])
    .filter((k) => (u[k] ?? 0) > 0)
    .map((k) => `${count(u[k]!, ['группа', 'группы', 'групп'])} — ${UNCHECKED[k]}`)
    .join('; ');
}

/** A school's latest year checked: its status and signs, or that none were found among the groups checked. */
export function schoolSigns(m: Model, school: string) {
  const years = m.signs.schools.filter((s) => s.school_id === school);
  const latest = years.at(-1);
  if (!latest) return undefined;
  const status = signStatus(m.risks, school, latest.year);
  const flags = m.risks.filter((r) => r.school_id === school && r.year === latest.year && isSign(r));
  const unchecked = uncheckedWords(latest.unchecked);
  return {
    year: latest.year,
    status: status && STATUS_WORDS[status],
    flags,
    charts: pileCharts(m, flags),
    chartsTitle:
      flags.filter((r) => r.rule === 'threshold').length > 1
        ? 'Графики: баллы школы у порогов отметок'
        : 'График: баллы школы у порога отметки',
    rules: [...new Set(flags.map((r) => (r.rule === 'objectivity' ? 'отметки за работу выше школьных' : lower(RULE_NAMES[r.rule]))))].join(
      ', ',
    ),
    count: count(flags.length, ['признак', 'признака', 'признаков']),
    // A school whose groups were all too small is never told that nothing was found.
    none:
      flags.length === 0 && latest.checked > 0
        ? `Признаков необъективности в ${latest.year} году не найдено (проверено ${count(latest.checked, ['группа', 'группы', 'групп'])} участников).`
        : flags.length === 0
          ? `Проверить результаты ${latest.year} года на признаки необъективности не удалось.`
          : undefined,
    unchecked: unchecked ? `Не удалось проверить: ${unchecked}.` : undefined,
  };
}

/** The specialists' page: each year's schools with signs, in name order, and what each rule tested. */
export function signsPage(m: Model) {
  const names = namer(m.data);
  const years = [...new Set(m.signs.rules.map((r) => r.year))].sort((a, b) => b - a);
  return years.map((year) => {
    const flagged = new Set(m.risks.filter((r) => r.year === year && isSign(r)).map((r) => r.school_id));
    return {
      year,
      whose: flagged.size === 1 ? 'школы' : 'школ',
      schools: names
        .bySchoolName(flagged, (s) => s)
        .map((id) => {
          const flags = m.risks.filter((r) => r.school_id === id && r.year === year && isSign(r));
          return { id, name: names.school(id), status: STATUS_WORDS[signStatus(m.risks, id, year)!], flags, charts: pileCharts(m, flags) };
        }),
      rules: SIGN_RULES.map((rule) => {
        const c = m.signs.rules.find((r) => r.rule === rule && r.year === year);
        const name = RULE_NAMES[rule];
        if (c)
          return `«${name}»: ${count(c.tested, ['группа проверена', 'группы проверены', 'групп проверено'])}, из них ${c.checked} — с достаточным числом участников, чтобы признак был заметен`;
        const why =
          rule === 'confirmation'
            ? m.ix.years.includes(year + 1)
              ? 'нет результатов ВПР 8 класса, связанных кодом обучающегося с ОГЭ следующего года'
              : 'проверяется, когда будут результаты ОГЭ следующего года'
            : rule === 'tasks'
              ? 'нет баллов за задания с уровнями в справочнике заданий'
              : 'нет групп с порогами отметок в шкале и достаточным числом участников';
        return `«${name}»: не применялось — ${why}`;
      }),
      procedures: [
        ...new Set(
          m.risks.filter((r) => r.year === year && isSign(r)).map((r) => PROCEDURE_NAMES[r.procedure as ProcedureId] ?? r.procedure),
        ),
      ],
    };
  });
}
