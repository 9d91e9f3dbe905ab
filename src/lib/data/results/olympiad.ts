/** The all-Russian olympiad (ВсОШ), a row per participant, subject and stage. */
import { int, num, oneOf } from '../cells.ts';
import { c, participant, pupil, req } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

export const OLYMPIAD_STAGES = ['школьный', 'муниципальный', 'региональный', 'заключительный'] as const;
export type OlympStage = (typeof OLYMPIAD_STAGES)[number];

export const olympiadFile = resultsFile({
  name: 'olympiad',
  title: 'Всероссийская олимпиада школьников',
  what: 'По строке на участника, предмет и этап.',
  spec: (l) => ({
    results: true,
    columns: {
      ...participant(l),
      grade: req(int(1, 11), ['Класс', 'Параллель']),
      stage: req(oneOf(OLYMPIAD_STAGES), ['Этап']),
      status: req(oneOf(['участник', 'призёр', 'победитель'] as const), ['Статус']),
      score: c(num(0), ['Балл']),
      ...pupil(),
    },
  }),
  unique: { columns: ['participant_id', 'subject', 'stage'], what: 'этот участник, предмет и этап' },
  example: [{ participant_id: 'E-0001', school_id: '101', subject: 'Русский язык', grade: 9, stage: 'муниципальный', status: 'призёр', score: 41 }],
});

export type OlympRow = RowsOf<typeof olympiadFile>;
