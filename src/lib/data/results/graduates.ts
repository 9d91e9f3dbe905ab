/** Graduates of grades 9 and 11: certificates and what came next, a row per school and grade. */
import { int, oneOf } from '../cells.ts';
import { c, req, schoolId } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

export const graduatesFile = resultsFile({
  name: 'graduates',
  title: 'Выпускники 9 и 11 классов',
  what: 'По строке на школу и класс (9 или 11): сводные числа.',
  spec: () => ({
    results: true,
    columns: {
      school_id: schoolId(),
      grade: req(oneOf([9, 11] as const), ['Класс', 'Параллель']),
      students: req(int(0), ['Выпускники', 'Обучающихся']),
      admitted: c(int(0), ['Допущены']),
      certificates: c(int(0), ['Аттестаты']),
      honours: c(int(0), ['С отличием']),
      repeat: c(int(0), ['Оставлены на повторное обучение']),
      continued_school: c(int(0), ['Продолжили в 10 классе']),
      continued_spo: c(int(0), ['Поступили в СПО']),
      not_continuing: c(int(0), ['Не продолжили обучение']),
    },
  }),
  unique: { columns: ['school_id', 'grade'], what: 'эта школа и класс' },
  example: [{ school_id: '101', grade: 9, students: 52, admitted: 52, certificates: 51, repeat: 1, continued_school: 30, continued_spo: 20, not_continuing: 1 }],
});

export type GraduatesRow = RowsOf<typeof graduatesFile>;
