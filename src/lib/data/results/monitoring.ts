/** Internal school monitoring: progress and quality, a row per school, period and grade. */
import { int, oneOf, text } from '../cells.ts';
import { c, req, schoolId } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

const PERIOD_SPELLINGS = { i: '1 полугодие', ii: '2 полугодие', 'i полугодие': '1 полугодие', 'ii полугодие': '2 полугодие', учебный: 'год' } as const;

export const monitoringFile = resultsFile({
  name: 'monitoring',
  title: 'Внутришкольный мониторинг',
  what: 'По строке на школу, период и параллель: сводные числа успеваемости.',
  spec: () => ({
    results: true,
    columns: {
      school_id: schoolId(),
      period: req(oneOf(['1 полугодие', '2 полугодие', 'год'] as const, PERIOD_SPELLINGS), ['Период']),
      grade: req(int(2, 11), ['Класс', 'Параллель']),
      students: req(int(0), ['Аттестовано', 'Обучающихся']),
      no_fail: req(int(0), ['Успевают']),
      good: req(int(0), ['На 4 и 5']),
      excellent: c(int(0), ['На 5']),
      problem_subjects: c(text(), ['Проблемные предметы']),
    },
  }),
  unique: { columns: ['school_id', 'period', 'grade'], what: 'эта школа, период и класс' },
  example: [{ school_id: '101', period: '2 полугодие', grade: 5, students: 75, no_fail: 74, good: 48, excellent: 9 }],
});

export type MonitoringRow = RowsOf<typeof monitoringFile>;
