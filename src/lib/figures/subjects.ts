/** The subject analyses the site has (spec §14): their keys, pages and titles, and each one's score distribution. */
import { slug } from '../charts/common.ts';
import { distributionChart } from '../charts/kinds/distribution.ts';
import type { Chart } from '../charts/types.ts';
import type { SubjectProcedure } from '../analyses/subjects/rows.ts';
import { namer } from '../data/names.ts';
import type { Model } from '../model/build.ts';
import { shared } from '../model/handoff.ts';
import type { SubjectRow } from '../analyses/subjects/tables.ts';
import { aboutSubject } from '../words/subjects.ts';

export const PROCEDURE_WORD: Record<SubjectProcedure, string> = { ege: 'ЕГЭ', oge: 'ОГЭ', vpr: 'ВПР' };

export interface SubjectKey {
  procedure: SubjectProcedure;
  year: number;
  subject: string;
  grade?: number;
}

export const analysisPath = (k: SubjectKey) => `/analysis/${k.procedure}/${k.year}/${slug(k.subject, k.grade)}/`;

/** Which subjects of which years have an analysis: those with groups by preparation (once per build: pages ask often). */
export const analysisKeys = (m: Model): SubjectKey[] => subjectIndex(m).keys;

/** The rows of one subject, all its years (a region's pages would otherwise scan every row for each). */
export const subjectRowsOf = (m: Model, k: Omit<SubjectKey, 'year'>): SubjectRow[] =>
  subjectIndex(m).rows.get(slug(k.procedure, k.subject, k.grade)) ?? [];

const subjectIndex = (m: Model) =>
  shared(m, 'subject-index', () => {
    const keys = new Map<string, SubjectKey>();
    const rows = new Map<string, SubjectRow[]>();
    for (const r of m.subjects) {
      if (r.table === 'bands' && r.group === 'all')
        keys.set(analysisPath(r), { procedure: r.procedure, year: r.year, subject: r.subject, grade: r.grade });
      const k = slug(r.procedure, r.subject, r.grade);
      const list = rows.get(k);
      if (list) list.push(r);
      else rows.set(k, [r]);
    }
    return { keys: [...keys.values()], rows };
  });

/** «ЕГЭ по русскому языку», «ВПР по математике, 4 класс». */
export function subjectTitle(m: Model, k: SubjectKey): string {
  return `${PROCEDURE_WORD[k.procedure]} ${aboutSubject(namer(m.data).subject(k.subject))}${k.grade ? `, ${k.grade} класс` : ''}`;
}

/** The municipal distribution of scores with the borders of the groups: ЕГЭ's minimum, 61 and 81; the marks' first scores. */
export function distributionFigure(m: Model, k: SubjectKey): Chart | undefined {
  const counts = subjectRowsOf(m, k)
    .filter((r) => r.table === 'distribution' && !r.suppressed && r.year === k.year)
    .map((r) => ({ score: Number(r.band), n: r.value! }))
    .sort((a, b) => a.score - b.score);
  const scale = m.data.scales.find(
    (s) => s.year === k.year && s.procedure === k.procedure && s.subject === k.subject && (s.grade ?? undefined) === k.grade,
  );
  const thresholds =
    k.procedure === 'ege'
      ? [
          ...(scale?.min_score !== undefined ? [{ from: scale.min_score, label: 'минимум' }] : []),
          { from: 61, label: '61' },
          { from: 81, label: '81' },
        ]
      : [
          ...(scale?.min_score !== undefined ? [{ from: scale.min_score, label: '«3»' }] : []),
          ...(scale?.mark4_from !== undefined ? [{ from: scale.mark4_from, label: '«4»' }] : []),
          ...(scale?.mark5_from !== undefined ? [{ from: scale.mark5_from, label: '«5»' }] : []),
        ];
  const title = subjectTitle(m, k);
  const total = counts.reduce((a, c) => a + c.n, 0);
  return distributionChart({
    meta: {
      id: `analysis-${k.procedure}-${slug(k.subject, k.grade)}-${k.year}-distribution`,
      title: `Распределение баллов: ${title}, ${k.year} год`,
      subtitle: `Сколько участников получили каждый ${k.procedure === 'ege' ? 'тестовый' : 'первичный'} балл, муниципалитет, ${total} участников; пунктир — границы групп по уровню подготовки`,
      page: analysisPath(k),
      pageTitle: `Анализ результатов ${title}, ${k.year} год`,
    },
    year: k.year,
    scoreWord: k.procedure === 'ege' ? 'тестовый балл' : 'первичный балл',
    counts,
    thresholds,
  });
}
