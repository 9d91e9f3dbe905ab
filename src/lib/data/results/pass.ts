/** Итоговое сочинение and итоговое собеседование: «зачёт» or «незачёт», a row per participant and attempt. */
import { bool, ident, int, oneOf } from '../cells.ts';
import { c, orElse, req, schoolId } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

const passSpec = () => ({
  results: true as const,
  columns: {
    participant_id: req(ident(), ['Код участника']),
    school_id: schoolId(),
    result: req(oneOf(['зачёт', 'незачёт'] as const, { зачет: 'зачёт', незачет: 'незачёт' }), ['Результат']),
    attempt: orElse(int(1, 10), 1, ['Попытка']),
    ovz: c(bool(), ['ОВЗ']),
  },
});

export const essayFile = resultsFile({
  name: 'essay',
  title: 'Итоговое сочинение (изложение)',
  what: 'По строке на участника и попытку.',
  spec: passSpec,
  unique: { columns: ['participant_id', 'attempt'], what: 'этот участник и попытка' },
  example: [{ participant_id: 'F-0001', school_id: '101', result: 'зачёт', attempt: 1 }],
});

export const interviewFile = resultsFile({
  name: 'interview',
  title: 'Итоговое собеседование',
  what: 'По строке на участника и попытку.',
  spec: passSpec,
  unique: { columns: ['participant_id', 'attempt'], what: 'этот участник и попытка' },
  example: [{ participant_id: 'G-0001', school_id: '101', result: 'зачёт', attempt: 1 }],
});

export type PassRow = RowsOf<typeof essayFile>;
