/**
 * The analysis of a subject in the regional report's form (spec §14): a page
 * per procedure, year and subject, and the same chapter in the procedure's
 * справка. Everything in words here is beyond chance (§11) or a count.
 */
import { group } from 'd3';
import { BANDS, WEAK, type SubjectProcedure } from '../../analyses/subjects/rows.ts';
import { masteryThreshold, type SubjectRow } from '../../analyses/subjects/tables.ts';
import { namer } from '../../data/names.ts';
import { SECONDARY_REASON } from '../../indicators/present.ts';
import type { Model } from '../../model/build.ts';
import { getModel } from '../../model/handoff.ts';
import { compareShares } from '../../stats/tests.ts';
import type { TableCell } from '../../words/cells.ts';
import { byRussian, formatNumber, lower } from '../../words/format.ts';
import { analysisKeys, analysisPath, subjectRowsOf, subjectTitle, type SubjectKey } from '../../figures/subjects.ts';
import { catalog } from '../../figures/catalog.ts';
import { site } from '../site.ts';

const BAND_NAMES: Record<string, string> = {
  below_min: 'ниже минимального балла',
  min_60: 'от минимального до 60 баллов',
  '61_80': '61–80 баллов',
  '81_100': '81–100 баллов',
  '2': 'отметка «2»',
  '3': 'отметка «3»',
  '4': 'отметка «4»',
  '5': 'отметка «5»',
};
const pct = (x: number | undefined) => (x === undefined ? '—' : `${formatNumber(x, 1)}\u00a0%`);
const range = (r: SubjectRow) => (r.ci_low === undefined ? undefined : `(${formatNumber(r.ci_low, 1)}–${formatNumber(r.ci_high!, 1)})`);

export const analysisPaths = () =>
  analysisKeys(getModel()).map((key) => ({ params: { path: analysisPath(key).slice('/analysis/'.length, -1) }, props: { key } }));

/** The content of the analysis: for its page and for the справка's chapter. */
export function subjectAnalysis(m: Model, k: SubjectKey) {
  const names = namer(m.data);
  const rows = subjectRowsOf(m, k);
  const years = [...new Set(rows.map((r) => r.year))]
    .filter((y) => y <= k.year)
    .sort((a, b) => a - b)
    .slice(-3);
  // The rows by table and year, and a table's rows by group, found once: a region's analysis has a thousand schools'
  // rows, and looking them up school by school through all of them took a third of its pages' time.
  const tables = group(rows, (r) => `${r.table}|${r.year}`);
  const at = (table: SubjectRow['table'], year = k.year) => tables.get(`${table}|${year}`) ?? [];
  const bands = BANDS[k.procedure];
  const bandCell = (r: SubjectRow | undefined): TableCell =>
    !r
      ? { text: '' }
      : r.suppressed
        ? { text: '—', num: true, why: r.secondary ? SECONDARY_REASON : `меньше ${m.data.config.privacy.min_group} участников` }
        : { text: pct(r.value), num: true, ci: range(r) };
  const groupName = (g: string) =>
    g === 'all'
      ? 'Муниципалитет'
      : g === 'ovz'
        ? 'Участники с ОВЗ'
        : g === 'no_ovz'
          ? 'Участники без ОВЗ'
          : g.startsWith('kind:')
            ? `Тип: ${g.slice(5)}`
            : names.school(g.slice(7));
  const bandTable = (groups: string[], year = k.year) => {
    const byGroup = group(at('bands', year), (r) => r.group);
    return {
      head: ['Группа', 'Участников', ...bands.map((b) => BAND_NAMES[b])],
      rows: groups.map((g) => {
        const mine = byGroup.get(g) ?? [];
        return [
          { text: groupName(g) },
          { text: String(mine.find((r) => r.denominator)?.denominator ?? '—'), num: true },
          ...bands.map((b) => bandCell(mine.find((r) => r.band === b))),
        ];
      }),
    };
  };
  // The mean score of each year from the distribution (participants × score).
  const meanOf = (year: number) => {
    const d = at('distribution', year).filter((r) => !r.suppressed);
    const n = d.reduce((a, r) => a + r.value!, 0);
    return n ? d.reduce((a, r) => a + Number(r.band) * r.value!, 0) / n : undefined;
  };
  const groups = [...new Set(at('bands').map((r) => r.group))];
  const participants = years.map((y) => {
    const p = at('participants', y);
    const v = (g: string) => p.find((r) => r.group === g);
    const all = v('all');
    return [
      { text: String(y) },
      { text: String(all?.value ?? 0), num: true },
      { text: all?.denominator ? pct((100 * all.value!) / all.denominator) : '—', num: true },
      ...(k.procedure === 'ege' ? ['ВТГ', 'ВПЛ', 'СПО'].map((c) => ({ text: String(v(c)?.value ?? 0), num: true })) : []),
      { text: String(v('ovz')?.value ?? 0), num: true },
    ];
  });
  // A band's change from last year, worded only beyond chance.
  const prev = years.at(-2);
  const changes =
    prev === undefined
      ? []
      : bands.flatMap((b) => {
          const now = at('bands').find((r) => r.group === 'all' && r.band === b);
          const before = at('bands', prev).find((r) => r.group === 'all' && r.band === b);
          if (!now?.denominator || !before?.denominator) return [];
          const t = compareShares(now.numerator!, now.denominator, before.numerator!, before.denominator);
          if (!t || t.p >= 0.05) return [];
          return [`доля группы «${BAND_NAMES[b]}» ${t.diff > 0 ? 'выросла' : 'снизилась'} с ${pct(before.value)} до ${pct(now.value)}`];
        });
  const tasks = at('tasks');
  const info = (task: string) =>
    m.data.tasks.find(
      (t) =>
        t.year === k.year &&
        t.procedure === k.procedure &&
        t.subject === k.subject &&
        (t.grade ?? undefined) === k.grade &&
        t.task === task,
    );
  const taskIds = [...new Set(tasks.map((r) => r.task))].sort((a, b) => byRussian(a, b));
  const taskLines = taskIds.map((task) => {
    const t = info(task)!;
    const limit = masteryThreshold(t.level);
    const cell = (band: string) => tasks.find((r) => r.task === task && r.band === band);
    const part = (band: string) => {
      const r = cell(band);
      if (!r) return '';
      const label = band === 'all' ? 'все' : BAND_NAMES[band];
      if (r.suppressed) return `${label} — не публикуется${r.secondary ? ` (${SECONDARY_REASON})` : ''}`;
      return `${label} — ${pct(r.value)}${r.value! < limit ? ' (не освоено)' : ''}`;
    };
    return {
      task,
      level: t.level,
      skill: t.skill ?? '',
      parts: ['all', ...bands].map(part).filter(Boolean),
      unmastered: (band: string) => {
        const r = cell(band);
        return r && !r.suppressed && r.value! < limit;
      },
    };
  });
  const notMastered = (band: string) =>
    taskLines.filter((l) => l.unmastered(band)).map((l) => `${l.task}${l.skill ? ` (${l.skill})` : ''}`);
  const weak = WEAK[k.procedure];
  const listed = (band: 'high' | 'low') =>
    names
      .bySchoolName(
        at('schools').filter((r) => r.band === band),
        (r) => r.group.slice(7),
      )
      .map((r) => ({ name: names.school(r.group.slice(7)), value: pct(r.value), n: r.denominator!, ci: range(r) }));
  const high = listed('high');
  const low = listed('low');
  const conclusions = [
    ...changes.map((c) => `В ${k.year} году ${c} — больше случайных колебаний.`),
    ...(high.length ? [`Доля высоких результатов выше, чем в остальных школах округа: ${high.map((s) => s.name).join(', ')}.`] : []),
    ...(low.length ? [`Доля низких результатов выше, чем в остальных школах округа: ${low.map((s) => s.name).join(', ')}.`] : []),
    ...(notMastered('all').length ? [`Не освоены участниками в целом задания: ${notMastered('all').join('; ')}.`] : []),
    ...(notMastered(weak).length ? [`Не освоены группой «${BAND_NAMES[weak]}» задания: ${notMastered(weak).join('; ')}.`] : []),
  ];
  return {
    key: k,
    chart: catalog(m).analyses.get(analysisPath(k)),
    title: `Анализ результатов ${subjectTitle(m, k)}, ${k.year} год`,
    years,
    vpr: k.procedure === 'vpr',
    participants: {
      head: ['Год', 'Участников', 'Доля от участников процедуры', ...(k.procedure === 'ege' ? ['ВТГ', 'ВПЛ', 'СПО'] : []), 'С ОВЗ'],
      rows: participants,
    },
    dynamics: {
      head: ['Год', 'Средний балл', ...bands.map((b) => BAND_NAMES[b])],
      rows: years.map((y) => {
        const mine = at('bands', y).filter((r) => r.group === 'all');
        const mean = meanOf(y);
        return [
          { text: String(y) },
          { text: mean === undefined ? '—' : formatNumber(mean, 1), num: true },
          ...bands.map((b) => bandCell(mine.find((r) => r.band === b))),
        ];
      }),
    },
    byKind: bandTable(groups.filter((g) => g.startsWith('kind:') || g === 'ovz' || g === 'no_ovz')),
    bySchool: bandTable(
      names.bySchoolName(
        groups.filter((g) => g.startsWith('school:')),
        (g) => g.slice(7),
      ),
    ),
    distributionWithheld: at('distribution').some((r) => r.suppressed),
    high,
    low,
    listNote: `Школы с не меньше чем 10 участниками, где доля ${k.procedure === 'ege' ? '61–100 баллов' : 'отметок «4» и «5»'} (или доля ${k.procedure === 'ege' ? 'ниже минимального балла' : 'отметок «2»'}) выше, чем в остальных школах округа, сильнее случайных колебаний (двусторонний тест, поправка Бенджамини — Хохберга на число проверенных школ). По алфавиту: это не рейтинг.`,
    tasks: taskLines.map(({ task, level, skill, parts }) => ({ task, level, skill, parts })),
    masteryNote:
      'Задание освоено группой, если выполнено не меньше чем на 50 % (базовый уровень) или на 15 % (повышенный и высокий) — условие ФИПИ.',
    conclusions: conclusions.length ? conclusions : ['Изменения и различия этого года — в пределах случайных колебаний.'],
    lowerTitle: lower(subjectTitle(m, k)),
  };
}

export function subjectPage({ key }: { key: SubjectKey }) {
  const { m, href } = site();
  return { href, v: subjectAnalysis(m, key), path: analysisPath(key) };
}

/** The analyses of a procedure's subjects in a year, for the справка and the report: links and content. */
export const analysesOf = (m: Model, procedure: SubjectProcedure, year: number) =>
  analysisKeys(m)
    .filter((k) => k.procedure === procedure && k.year === year)
    .sort((a, b) => byRussian(subjectTitle(m, a), subjectTitle(m, b)));
