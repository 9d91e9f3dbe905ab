/** Objectivity of ВПР, ОГЭ and ЕГЭ, diagnostic works, task-level results. */
import type { EgeRow, OgeRow, VprRow } from '../../data/tables.ts';
import * as F from '../families.ts';
import { mean, participants, share } from '../measures.ts';
import type { IndicatorDef } from '../types.ts';
import { def, vtg } from './common.ts';
import { objectivity } from './objectivity.ts';
import { taskIndicators } from './tasks.ts';

export const INDICATORS_ASSESSMENT: IndicatorDef[] = [
  // Objectivity
  ...objectivity<VprRow>(
    'vpr',
    F.vpr,
    (r) => ({ exam: r.mark, school: r.journal_mark }),
    undefined,
    ['subject', 'grade'],
    ['001 3.1–3.3', '002 3.2'],
    'отметка по журналу за предыдущую четверть',
  ),
  ...objectivity<OgeRow>(
    'oge',
    F.oge,
    (r) => ({ exam: r.mark, school: r.school_mark }),
    undefined,
    ['subject'],
    ['001 3.1–3.3', '002 3.2'],
    'отметка в аттестате',
  ),
  ...objectivity<EgeRow>(
    'ege',
    F.ege,
    (r, ctx) => ({
      exam: r.subject === 'math_base' ? r.mark : r.test_score === undefined ? undefined : ctx.egeMark(r.subject, r.test_score),
      school: r.school_mark,
    }),
    vtg,
    ['subject'],
    ['001 3.1–3.3', '003'],
    'отметка в аттестате (тестовый балл переводится в отметку по ege-marks.csv)',
  ),
  // Diagnostic works
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
    family: F.diag,
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
    family: F.diag,
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
    family: F.diag,
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
    method: 'Доля (%) участников, чей первичный балл больше 75 % максимального балла работы.',
    family: F.diag,
    measure: (rows) => share(rows, (r) => r.primary_score > 0.75 * r.max_score),
  }),
  // Task level
  ...taskIndicators<EgeRow>('ege', F.ege, vtg),
  ...taskIndicators<OgeRow>('oge', F.oge),
  ...taskIndicators<VprRow>('vpr', F.vpr),
];
