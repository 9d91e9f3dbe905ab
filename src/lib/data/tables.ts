/**
 * Typed tables the reader produces: the only input the indicator engine sees.
 * Each row type is derived from the spec its file is read with.
 */
import type { YearResults } from './results/index.ts';
import type * as S from './schemas.ts';
import type { SiteConfig } from './site-config.ts';
import type { RowOf } from './table.ts';

export type * from './results/index.ts';

/** A school of the register (schools.csv). */
export type School = RowOf<typeof S.schoolsSpec>;

/** A subject of reference/subjects.csv, its synonyms split. */
export type Subject = Omit<RowOf<typeof S.subjectsSpec>, 'line' | 'aliases'> & { aliases: string[] };

export type Scale = RowOf<ReturnType<typeof S.scalesSpec>>;
export type Procedure = Scale['procedure'];
export type TaskInfo = RowOf<ReturnType<typeof S.tasksSpec>>;
export type EgeMarks = RowOf<ReturnType<typeof S.egeMarksSpec>>;
export type ProgressPair = RowOf<ReturnType<typeof S.progressPairsSpec>>;
export type RegionValue = RowOf<ReturnType<typeof S.regionSpec>>;
export type Target = RowOf<ReturnType<typeof S.targetsSpec>>;
/** An indicator of the management mechanisms (reference/mechanism-indicators.csv, data format §5.6). */
export type MechanismIndicator = RowOf<ReturnType<typeof S.mechanismBookSpec>>;

/** A roadmap item: its row, with the section a heading row gave and the indicators as a list. */
export type RoadmapItem = Omit<RowOf<ReturnType<typeof S.roadmapSpec>>, 'section' | 'responsible' | 'deadline' | 'indicators'> & {
  section: string;
  responsible: string;
  deadline: string;
  indicators: string[];
};
export type RoadmapReport = RowOf<typeof S.roadmapReportsSpec>;
export type RoadmapStatus = RoadmapReport['status'];

export interface Roadmap {
  id: string;
  file: string;
  items: RoadmapItem[];
  reports: RoadmapReport[];
}

/** A file that was read, for the data passport (SHA-256) and traceability. */
export interface SourceFile {
  path: string;
  sha256: string;
  encoding: string;
  rows: number;
}

/** Everything in `data/`, validated and typed. */
export interface Dataset {
  config: SiteConfig;
  /** The register's schools; kindergartens are apart (`kindergartens`), so no list, chart or place of schools meets them. */
  schools: School[];
  /** The register's preschool organisations (`kind` ДОУ or детский сад): only the mechanisms' indicators name them. */
  kindergartens: School[];
  /** The book of the mechanisms' indicators: shipped rows with the ИМЦ's added or replaced by `id`. */
  mechanismBook: MechanismIndicator[];
  subjects: Subject[];
  scales: Scale[];
  tasks: TaskInfo[];
  egeMarks: EgeMarks[];
  progressPairs: ProgressPair[];
  years: Map<number, YearResults>;
  region: RegionValue[];
  targets: Target[];
  roadmaps: Roadmap[];
  sources: SourceFile[];
  /** Names of diagnostic works by code (from work_name), for pages. */
  workNames: Map<string, string>;
}
