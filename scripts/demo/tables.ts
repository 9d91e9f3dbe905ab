/** The tables of one demo year, headers first, and the participant codes of that year. */
import type { Rows } from './random.ts';
import { ogeMathTasks, vpr4MathTasks } from './scales.ts';

export interface YearTables {
  ege: Rows;
  oge: Rows;
  vpr: Rows;
  diag: Rows;
  olymp: Rows;
  essay: Rows;
  interview: Rows;
  grads: Rows;
  mon: Rows;
  /** The next participant code of the year: 2025-000001, … */
  nextId: () => string;
}

export function yearTables(y: number): YearTables {
  let pid = 0;
  return {
    ege: [
      [
        'participant_id',
        'school_id',
        'subject',
        'form',
        'category',
        'test_score',
        'primary_score',
        'mark',
        'school_mark',
        'medal_candidate',
        'ovz',
      ],
    ],
    oge: [
      [
        'participant_id',
        'school_id',
        'subject',
        'form',
        'primary_score',
        'mark',
        'school_mark',
        'ovz',
        ...(y === 2025 ? ogeMathTasks.map((t) => `task_${t.task}`) : []),
      ],
    ],
    vpr: [
      [
        'participant_id',
        'school_id',
        'subject',
        'grade',
        'class',
        'primary_score',
        'mark',
        'journal_mark',
        ...(y >= 2024 ? vpr4MathTasks.map((t) => `task_${t.task}`) : []),
      ],
    ],
    diag: [['participant_id', 'school_id', 'work', 'work_name', 'grade', 'subject', 'primary_score', 'max_score', 'min_score']],
    olymp: [['participant_id', 'school_id', 'subject', 'grade', 'stage', 'status', 'score']],
    essay: [['participant_id', 'school_id', 'result', 'attempt']],
    interview: [['participant_id', 'school_id', 'result', 'attempt']],
    grads: [
      [
        'school_id',
        'grade',
        'students',
        'admitted',
        'certificates',
        'honours',
        'repeat',
        'continued_school',
        'continued_spo',
        'not_continuing',
      ],
    ],
    mon: [['school_id', 'period', 'grade', 'students', 'no_fail', 'good', 'excellent', 'problem_subjects']],
    nextId: () => `${y}-${String(++pid).padStart(6, '0')}`,
  };
}
