import type { SiteConfig } from './site-config.ts';
/** Typed tables the reader produces: the only input the indicator engine sees. */

export interface School {
  line: number;
  school_id: string;
  name: string;
  full_name?: string;
  kind?: string;
  address?: string;
  website?: string;
  lat?: number;
  lon?: number;
  closed?: number;
  successor_id?: string;
}

export interface Subject {
  code: string;
  name: string;
  aliases: string[];
}

export type Procedure = 'ege' | 'oge' | 'vpr';

export interface Scale {
  year: number;
  procedure: Procedure;
  subject: string;
  grade?: number;
  max_score: number;
  min_score?: number;
  mark4_from?: number;
  mark5_from?: number;
}

export interface TaskInfo {
  year: number;
  procedure: string;
  subject: string;
  grade?: number;
  task: string;
  max_score: number;
  level: 'базовый' | 'повышенный' | 'высокий';
  skill?: string;
}

export interface EgeMarks {
  year: number;
  subject: string;
  mark3_from: number;
  mark4_from: number;
  mark5_from: number;
}

interface Participant {
  line: number;
  participant_id: string;
  school_id: string;
  ovz?: boolean;
  tasks?: Record<string, number>;
}

export interface EgeRow extends Participant {
  subject: string;
  form: 'ЕГЭ' | 'ГВЭ';
  category: 'ВТГ' | 'ВПЛ' | 'СПО';
  test_score?: number;
  primary_score?: number;
  mark?: number;
  school_mark?: number;
  medal_candidate?: boolean;
}

export interface OgeRow extends Participant {
  subject: string;
  form: 'ОГЭ' | 'ГВЭ';
  primary_score?: number;
  mark: number;
  school_mark?: number;
}

export interface VprRow extends Participant {
  subject: string;
  grade: number;
  class?: string;
  primary_score: number;
  mark: number;
  journal_mark?: number;
}

export interface DiagRow extends Participant {
  work: string;
  work_name?: string;
  grade: number;
  subject?: string;
  primary_score: number;
  max_score: number;
  min_score: number;
}

export type OlympStage = 'школьный' | 'муниципальный' | 'региональный' | 'заключительный';
export interface OlympRow extends Participant {
  subject: string;
  grade: number;
  stage: OlympStage;
  status: 'участник' | 'призёр' | 'победитель';
  score?: number;
}

export interface PassRow extends Participant {
  result: 'зачёт' | 'незачёт';
  attempt: number;
}

export interface GraduatesRow {
  line: number;
  school_id: string;
  grade: 9 | 11;
  students: number;
  admitted?: number;
  certificates?: number;
  honours?: number;
  repeat?: number;
  continued_school?: number;
  continued_spo?: number;
  not_continuing?: number;
}

export interface MonitoringRow {
  line: number;
  school_id: string;
  period: '1 полугодие' | '2 полугодие' | 'год';
  grade: number;
  students: number;
  no_fail: number;
  good: number;
  excellent?: number;
  problem_subjects?: string;
}

export interface YearResults {
  ege?: EgeRow[];
  oge?: OgeRow[];
  vpr?: VprRow[];
  diagnostics?: DiagRow[];
  olympiad?: OlympRow[];
  essay?: PassRow[];
  interview?: PassRow[];
  graduates?: GraduatesRow[];
  monitoring?: MonitoringRow[];
}

export type ResultsFile = keyof YearResults;

export interface RegionValue {
  indicator: string;
  year: number;
  subject?: string;
  grade?: number;
  value: number;
}

export interface Target {
  line: number;
  indicator: string;
  year: number;
  subject?: string;
  grade?: number;
  target: number;
  direction: '≥' | '≤';
  source?: string;
}

export interface RoadmapItem {
  line: number;
  item: string;
  section: string;
  /** Mechanism number 1–8, when given. */
  direction?: number;
  title: string;
  responsible: string;
  document?: string;
  deadline: string;
  due?: string;
  expected?: string;
  indicators: string[];
}

export type RoadmapStatus = 'выполнено' | 'выполняется' | 'не выполнено' | 'перенесено' | 'отменено';
export interface RoadmapReport {
  line: number;
  item: string;
  period: string;
  status: RoadmapStatus;
  note?: string;
  evidence?: string;
  reported?: string;
}

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
  schools: School[];
  subjects: Subject[];
  scales: Scale[];
  tasks: TaskInfo[];
  egeMarks: EgeMarks[];
  years: Map<number, YearResults>;
  region: RegionValue[];
  targets: Target[];
  roadmaps: Roadmap[];
  sources: SourceFile[];
  /** Names of diagnostic works by code (from work_name), for pages. */
  workNames: Map<string, string>;
}
