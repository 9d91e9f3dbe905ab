/** Diagnostic works (regional and municipal), a row per participant and work. */
import { bool, code, ident, int, num, text } from '../cells.ts';
import { c, req, schoolId } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

export const diagnosticsFile = resultsFile({
  name: 'diagnostics',
  title: 'Диагностические работы',
  what: 'По строке на участника и работу (региональные и муниципальные диагностики, функциональная грамотность).',
  spec: (l) => ({
    results: true,
    tasks: true,
    columns: {
      participant_id: req(ident(), ['Код участника']),
      school_id: schoolId(),
      work: req(code(), ['Работа']),
      work_name: c(text(), ['Название работы']),
      grade: req(int(1, 11), ['Класс', 'Параллель']),
      subject: c(l.subject, ['Предмет']),
      primary_score: req(num(0), ['Первичный балл']),
      max_score: req(num(0), ['Максимальный балл']),
      min_score: req(num(0), ['Минимальный балл']),
      ovz: c(bool(), ['ОВЗ']),
    },
  }),
  unique: { columns: ['participant_id', 'work', 'grade', 'subject'], what: 'этот участник и работа' },
  example: [{ participant_id: 'D-0001', school_id: '101', work: 'fg-mat', work_name: 'Функциональная грамотность: математика', grade: 8, primary_score: 12, max_score: 20, min_score: 7 }],
});

export type DiagRow = RowsOf<typeof diagnosticsFile>;
