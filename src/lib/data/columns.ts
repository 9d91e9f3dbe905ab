/**
 * Builders of column specs. Each keeps the cell's value type and whether the
 * column is always filled, so a row type can be derived from its table spec.
 */
import { bool, code, ident, int, type Cell } from './cells.ts';

/** Dictionaries the schemas need: built from reference data before results are read. */
export interface Lookups {
  subject: Cell<string>;
}

/** An optional column. */
export const c = <T>(cell: Cell<T>, aliases: readonly string[] = []) => ({ cell, aliases });
/** A required column, filled in every row. */
export const req = <T>(cell: Cell<T>, aliases: readonly string[] = []) => ({ cell, aliases, required: true as const });
/** An optional column whose empty cells (or absence) mean `fallback`. */
export const orElse = <T>(cell: Cell<T>, fallback: T, aliases: readonly string[] = []) => ({ cell, aliases, fallback });

export const mark = () => int(2, 5);
export const schoolId = () => req(code(), ['Код ОО', 'Код школы']);

/** The first columns of every file of participants' results (subject where the file has one). */
export const participant = (l: Lookups) => ({
  participant_id: req(ident(), ['Код участника']),
  school_id: schoolId(),
  subject: req(l.subject, ['Предмет']),
});

/** The last columns of a file of participants' results, as exports put them: the flags of the pupil. */
export const pupil = () => ({
  ovz: c(bool(), ['ОВЗ']),
  // A pseudonymous code stable across years, to follow a pupil's progress (spec §13); never written out.
  student_id: c(ident(), ['Код обучающегося']),
});
