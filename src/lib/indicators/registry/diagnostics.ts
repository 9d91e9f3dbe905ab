/** Diagnostic works; the site section. */
import type { DiagRow } from '../../data/tables.ts';
import { mean, participants, share } from '../measures.ts';
import type { Family } from '../types.ts';
import { def, school } from './common.ts';

const diag: Family<DiagRow> = {
  id: 'diag',
  file: 'diagnostics.csv',
  rows: (y) => y.diagnostics,
  groups: (r) => [{ subject: r.work, grade: r.grade }],
  school,
};

export const DIAGNOSTICS = {
  section: {
    slug: 'diagnostics',
    title: 'Диагностические работы',
    short: 'Диагностика',
    results: 'Результаты диагностических работ',
    procedures: ['diag'],
    main: ['diag.mean_score', 'diag.below_min_share'],
    by: 'subject-grade',
    intro:
      'Региональные и муниципальные диагностические работы (функциональная грамотность, метапредметные результаты, диагностические контрольные работы).',
  } as const,
  indicators: [
    def({
      id: 'diag.participants',
      name: 'Число участников диагностической работы',
      short: 'Диагностика: участники',
      unit: 'чел.',
      procedure: 'diag',
      dims: ['subject', 'grade'],
      better: null,
      source: ['001 1.4'],
      method: 'Число участников диагностической работы (код работы — в столбце «предмет»).',
      family: diag,
      measure: participants,
    }),
    def({
      id: 'diag.mean_score',
      name: 'Средний балл диагностической работы',
      short: 'Диагностика: средний балл',
      unit: 'балл',
      procedure: 'diag',
      dims: ['subject', 'grade'],
      better: true,
      source: ['001 1.4'],
      method: 'Среднее арифметическое первичных баллов участников работы.',
      family: diag,
      measure: (rows) => mean(rows, (r) => r.primary_score),
    }),
    def({
      id: 'diag.below_min_share',
      name: 'Доля участников диагностической работы с результатом ниже базового',
      short: 'Диагностика: ниже базового',
      unit: '%',
      procedure: 'diag',
      dims: ['subject', 'grade'],
      better: false,
      source: ['001 1.4'],
      method: 'Доля (%) участников, чей первичный балл ниже минимального балла работы.',
      family: diag,
      measure: (rows) => share(rows, (r) => r.primary_score < r.min_score),
    }),
    def({
      id: 'diag.high_share',
      name: 'Доля участников диагностической работы с высокими результатами',
      short: 'Диагностика: высокие результаты',
      unit: '%',
      procedure: 'diag',
      dims: ['subject', 'grade'],
      better: true,
      source: ['001 1.4'],
      method: 'Доля (%) участников, чей первичный балл больше 75\u00a0% максимального балла работы.',
      family: diag,
      measure: (rows) => share(rows, (r) => r.primary_score > 0.75 * r.max_score),
    }),
  ],
};
