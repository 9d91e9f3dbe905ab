/**
 * Every file of results, in the order of the data guide. Reading, the data
 * guide, the templates and the type of a year's results all follow this list:
 * a new file of results is one module here and one line below.
 */
import { contextFile } from './context.ts';
import { diagnosticsFile } from './diagnostics.ts';
import { egeFile } from './ege.ts';
import type { RowsOf } from './file.ts';
import { graduatesFile } from './graduates.ts';
import { mechanismsFile } from './mechanisms.ts';
import { monitoringFile } from './monitoring.ts';
import { ogeFile } from './oge.ts';
import { olympiadFile } from './olympiad.ts';
import { essayFile, interviewFile } from './pass.ts';
import { vprFile } from './vpr.ts';

export const RESULTS_FILES = [
  egeFile,
  ogeFile,
  vprFile,
  diagnosticsFile,
  olympiadFile,
  essayFile,
  interviewFile,
  graduatesFile,
  monitoringFile,
  contextFile,
  mechanismsFile,
] as const;

type AnyResultsFile = (typeof RESULTS_FILES)[number];

/** One year's results: the rows of each file that was given. */
export type YearResults = { [F in AnyResultsFile as F['name']]?: RowsOf<F>[] };
export type ResultsFileName = keyof YearResults;

export type { ContextRow } from './context.ts';
export type { DiagRow } from './diagnostics.ts';
export type { EgeRow } from './ege.ts';
export type { GraduatesRow } from './graduates.ts';
export type { MechanismRow } from './mechanisms.ts';
export type { MonitoringRow } from './monitoring.ts';
export type { OgeRow } from './oge.ts';
export type { OlympRow, OlympStage } from './olympiad.ts';
export type { PassRow } from './pass.ts';
export type { VprRow } from './vpr.ts';
