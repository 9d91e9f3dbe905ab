/** The tables of one demo year, headers first, and the participant codes of that year. */
import { columnNames } from '../../src/lib/data/results/file.ts';
import { diagnosticsFile } from '../../src/lib/data/results/diagnostics.ts';
import { egeFile } from '../../src/lib/data/results/ege.ts';
import { graduatesFile } from '../../src/lib/data/results/graduates.ts';
import { monitoringFile } from '../../src/lib/data/results/monitoring.ts';
import { ogeFile } from '../../src/lib/data/results/oge.ts';
import { olympiadFile } from '../../src/lib/data/results/olympiad.ts';
import { essayFile, interviewFile } from '../../src/lib/data/results/pass.ts';
import { vprFile } from '../../src/lib/data/results/vpr.ts';
import type { Rows } from './random.ts';
import { egeRusTasks, ogeMathTasks, vpr4MathTasks } from './scales.ts';

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

/** The demo fills no pupil codes here (students.ts adds them) and no ОВЗ flag where the export has none. */
const header = (f: Parameters<typeof columnNames>[0], ...except: string[]) => columnNames(f, ['student_id', ...except]);

export function yearTables(y: number): YearTables {
  let pid = 0;
  return {
    ege: [[...header(egeFile), ...(y === 2025 ? egeRusTasks.map((t) => `task_${t.task}`) : [])]],
    oge: [[...header(ogeFile), ...(y === 2025 ? ogeMathTasks.map((t) => `task_${t.task}`) : [])]],
    vpr: [[...header(vprFile, 'ovz'), ...(y >= 2024 ? vpr4MathTasks.map((t) => `task_${t.task}`) : [])]],
    diag: [header(diagnosticsFile, 'ovz')],
    olymp: [header(olympiadFile, 'ovz')],
    essay: [header(essayFile, 'ovz')],
    interview: [header(interviewFile, 'ovz')],
    grads: [header(graduatesFile)],
    mon: [header(monitoringFile)],
    nextId: () => `${y}-${String(++pid).padStart(6, '0')}`,
  };
}
