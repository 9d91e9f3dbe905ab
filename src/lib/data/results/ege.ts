/** ГИА-11: the РЦОИ export of ЕГЭ and ГВЭ-11, a row per participant and subject. */
import { bool, int, oneOf } from '../cells.ts';
import { c, mark, orElse, participant, pupil } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

export const egeFile = resultsFile({
  name: 'ege',
  title: 'ГИА-11: ЕГЭ и ГВЭ-11',
  what: 'По строке на участника и предмет: выгрузка РЦОИ. Столбцы «Задание 1», «Задание 2»… (или task_1…) — баллы по заданиям, если есть.',
  spec: (l) => ({
    results: true,
    tasks: true,
    columns: {
      ...participant(l),
      form: orElse(oneOf(['ЕГЭ', 'ГВЭ'] as const), 'ЕГЭ', ['Форма']),
      category: orElse(oneOf(['ВТГ', 'ВПЛ', 'СПО'] as const), 'ВТГ', ['Категория']),
      test_score: c(int(0, 100), ['Тестовый балл']),
      primary_score: c(int(0), ['Первичный балл']),
      mark: c(mark(), ['Отметка', 'Оценка']),
      school_mark: c(mark(), ['Отметка в аттестате', 'Годовая отметка']),
      medal_candidate: c(bool(), ['Претендент на медаль']),
      ...pupil(),
    },
  }),
  unique: { columns: ['participant_id', 'subject'], what: 'этот участник и предмет' },
  example: [
    { participant_id: 'A-0001', student_id: 'S-000123', school_id: '101', subject: 'Русский язык', form: 'ЕГЭ', category: 'ВТГ', test_score: 78, school_mark: 5, medal_candidate: 'да' },
    { participant_id: 'A-0002', school_id: '101', subject: 'Математика (базовый уровень)', primary_score: 17, mark: 5 },
  ],
});

export type EgeRow = RowsOf<typeof egeFile>;
