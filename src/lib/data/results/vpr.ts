/** ВПР: the ФИС ОКО export, a row per participant and subject. */
import { ident, int } from '../cells.ts';
import { c, mark, participant, pupil, req } from '../columns.ts';
import type { CsvRow } from '../csv.ts';
import { normKey } from '../normalize.ts';
import { resultsFile, type RowsOf } from './file.ts';

/**
 * A «Класс» column with letters (`4А`) is the class when another grade column
 * («Параллель», `grade`) exists; otherwise it is the grade.
 */
function vprHeader(headers: string[], rows: CsvRow[]): (string | undefined)[] | undefined {
  const keys = headers.map(normKey);
  const klass = keys.indexOf('класс');
  if (klass < 0) return undefined;
  const hasGrade = keys.some((k, i) => i !== klass && (k === 'grade' || k === 'параллель'));
  const lettered = rows.some((r) => /\D/.test((r.cells[klass] ?? '').trim()));
  const out: (string | undefined)[] = headers.map(() => undefined);
  out[klass] = hasGrade || lettered ? 'class' : 'grade';
  return out;
}

export const vprFile = resultsFile({
  name: 'vpr',
  title: 'ВПР',
  what: 'По строке на участника и предмет: выгрузка ФИС ОКО. Отметка по журналу — за предыдущую четверть (для объективности).',
  spec: (l) => ({
    results: true,
    tasks: true,
    resolveHeader: vprHeader,
    columns: {
      ...participant(l),
      grade: req(int(4, 11), ['Параллель']),
      class: c(ident(), ['Класс (буква)', 'Литера']),
      primary_score: req(int(0), ['Первичный балл']),
      mark: req(mark(), ['Отметка', 'Оценка']),
      journal_mark: c(mark(), ['Отметка по журналу']),
      ...pupil(),
    },
  }),
  unique: { columns: ['participant_id', 'subject', 'grade'], what: 'этот участник, предмет и класс' },
  example: [{ participant_id: 'C-0001', student_id: 'S-000456', school_id: '101', subject: 'Русский язык', grade: 4, class: '4А', primary_score: 30, mark: 4, journal_mark: 5 }],
});

export type VprRow = RowsOf<typeof vprFile>;
