import type { DiagRow, EgeRow, GraduatesRow, MonitoringRow, OgeRow, OlympRow, PassRow, VprRow } from '../data/tables.ts';
import type { Dims, Family } from './types.ts';

const bySubject = (r: { subject: string }): Dims[] => [{ subject: r.subject }];
const whole = (): Dims[] => [{}];
const school = (r: { school_id: string }) => r.school_id;

/** ЕГЭ rows of ege.csv; groups by subject. Population (ВТГ) is set per indicator. */
export const ege: Family<EgeRow> = {
  id: 'ege',
  file: 'ege.csv',
  rows: (y) => y.ege?.filter((r) => r.form === 'ЕГЭ'),
  groups: bySubject,
  school,
};
export const egeWhole: Family<EgeRow> = {
  id: 'ege-whole',
  file: 'ege.csv',
  rows: (y) => y.ege?.filter((r) => r.form === 'ЕГЭ'),
  groups: whole,
  school,
};
export const gve11: Family<EgeRow> = {
  id: 'gve11',
  file: 'ege.csv',
  rows: (y) => y.ege?.filter((r) => r.form === 'ГВЭ'),
  groups: bySubject,
  school,
};
export const gia11: Family<EgeRow> = { id: 'gia11', file: 'ege.csv', rows: (y) => y.ege, groups: whole, school };

export const oge: Family<OgeRow> = {
  id: 'oge',
  file: 'oge.csv',
  rows: (y) => y.oge?.filter((r) => r.form === 'ОГЭ'),
  groups: bySubject,
  school,
};
export const ogeWhole: Family<OgeRow> = {
  id: 'oge-whole',
  file: 'oge.csv',
  rows: (y) => y.oge?.filter((r) => r.form === 'ОГЭ'),
  groups: whole,
  school,
};
export const gve9: Family<OgeRow> = {
  id: 'gve9',
  file: 'oge.csv',
  rows: (y) => y.oge?.filter((r) => r.form === 'ГВЭ'),
  groups: bySubject,
  school,
};
export const gia9: Family<OgeRow> = { id: 'gia9', file: 'oge.csv', rows: (y) => y.oge, groups: whole, school };

export const vpr: Family<VprRow> = {
  id: 'vpr',
  file: 'vpr.csv',
  rows: (y) => y.vpr,
  groups: (r) => [{ subject: r.subject, grade: r.grade }],
  school,
};
export const vpr4: Family<VprRow> = {
  id: 'vpr4',
  file: 'vpr.csv',
  rows: (y) => y.vpr?.filter((r) => r.grade === 4),
  groups: () => [{ grade: 4 }],
  school,
};

export const diag: Family<DiagRow> = {
  id: 'diag',
  file: 'diagnostics.csv',
  rows: (y) => y.diagnostics,
  groups: (r) => [{ subject: r.work, grade: r.grade }],
  school,
};

/** Olympiad rows, per subject and in total (subject empty). */
export const olymp: Family<OlympRow> = {
  id: 'olymp',
  file: 'olympiad.csv',
  rows: (y) => y.olympiad,
  groups: (r) => [{ subject: r.subject }, {}],
  school,
};

export const essay: Family<PassRow> = { id: 'essay', file: 'essay.csv', rows: (y) => y.essay, groups: whole, school };
export const interview: Family<PassRow> = { id: 'interview', file: 'interview.csv', rows: (y) => y.interview, groups: whole, school };

export const grad9: Family<GraduatesRow> = {
  id: 'grad9',
  file: 'graduates.csv',
  rows: (y) => y.graduates?.filter((r) => r.grade === 9),
  groups: whole,
  school,
};
export const grad11: Family<GraduatesRow> = {
  id: 'grad11',
  file: 'graduates.csv',
  rows: (y) => y.graduates?.filter((r) => r.grade === 11),
  groups: whole,
  school,
};

/** Monitoring per period and grade, and per period for grades 2–11 together (grade empty). */
export const mon: Family<MonitoringRow> = {
  id: 'mon',
  file: 'monitoring.csv',
  rows: (y) => y.monitoring,
  groups: (r) => [{ period: r.period, grade: r.grade }, { period: r.period }],
  school,
};
export const monPeriod: Family<MonitoringRow> = {
  id: 'mon-period',
  file: 'monitoring.csv',
  rows: (y) => y.monitoring,
  groups: (r) => [{ period: r.period }],
  school,
};

/** Rows with task scores, one group per task of the row (and per level, task empty). */
type WithTasks = { subject: string; grade?: number; tasks?: Record<string, number> };
export function tasksOf<R extends WithTasks & { school_id: string }>(id: string, base: Family<R>): Family<R> {
  return {
    id: `${id}-tasks`,
    file: base.file,
    rows: (y) => base.rows(y)?.filter((r) => r.tasks !== undefined),
    groups: (r) => [
      ...Object.keys(r.tasks ?? {}).map((task) => ({ subject: r.subject, grade: r.grade, task })),
      { subject: r.subject, grade: r.grade },
    ],
    school,
  };
}
