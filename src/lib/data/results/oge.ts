/** ГИА-9: ОГЭ and ГВЭ-9, a row per participant and subject. */
import { int, oneOf } from '../cells.ts';
import { c, mark, orElse, participant, pupil, req } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

export const ogeFile = resultsFile({
  name: 'oge',
  title: 'ГИА-9: ОГЭ и ГВЭ-9',
  what: 'По строке на участника и предмет.',
  spec: (l) => ({
    results: true,
    tasks: true,
    columns: {
      ...participant(l),
      form: orElse(oneOf(['ОГЭ', 'ГВЭ'] as const), 'ОГЭ', ['Форма']),
      primary_score: c(int(0), ['Первичный балл']),
      mark: req(mark(), ['Отметка', 'Оценка']),
      school_mark: c(mark(), ['Отметка в аттестате', 'Годовая отметка']),
      ...pupil(),
    },
  }),
  unique: { columns: ['participant_id', 'subject'], what: 'этот участник и предмет' },
  example: [{ participant_id: 'B-0001', student_id: 'S-000123', school_id: '101', subject: 'Математика', form: 'ОГЭ', primary_score: 18, mark: 4, school_mark: 4 }],
});

export type OgeRow = RowsOf<typeof ogeFile>;
