import type { Dataset, Scale, TaskInfo, YearResults } from '../data/tables.ts';

/** The dimensions of a group besides scope and school. */
export interface Dims {
  subject?: string;
  grade?: number;
  period?: string;
  task?: string;
}

/** What a measure found in one group; rounding and suppression happen later. */
export type Measured =
  | { kind: 'share'; num: number; den: number }
  /** Σx and Σx² over n participants' values: the mean and its interval. */
  | { kind: 'mean'; sum: number; sumSq: number; n: number }
  /** A count of results (winners, top scorers…): withheld when the group is small. */
  | { kind: 'count'; value: number; n: number }
  /** A number of participants: always published (see `sensitive`). */
  | { kind: 'participants'; value: number }
  /**
   * Task success: Σ score / Σ max, in %, over n participants; `sumSq` is Σ of
   * each participant's squared share of the points (in %), for the interval.
   */
  | { kind: 'rate'; score: number; max: number; n: number; sumX: number; sumSq: number };

export interface Ctx {
  year: number;
  dims: Dims;
  scope: 'municipality' | 'school';
  scale: (procedure: Scale['procedure'], subject: string, grade?: number) => Scale | undefined;
  task: (procedure: string, subject: string, grade: number | undefined, task: string) => TaskInfo | undefined;
  egeMark: (subject: string, score: number) => number | undefined;
  data: Dataset;
}

/**
 * Where the rows of a family come from and which groups each row belongs to.
 * The row functions are methods: a family of ЕГЭ rows then is a `Family<unknown>`
 * to the engine, which only hands a family's rows back to the same family.
 */
export interface Family<R = unknown> {
  id: string;
  /** The results file of each year the rows come from, e.g. `ege.csv`. */
  file: string;
  rows(y: YearResults): R[] | undefined;
  /** The groups (dimension tuples) a row belongs to; several for totals. */
  groups(r: R): Dims[];
  school(r: R): string;
}

export type Unit = 'чел.' | '%' | 'балл' | 'отметка' | 'дипл.';

export type ProcedureId =
  'ege' | 'gve11' | 'gia11' | 'oge' | 'gve9' | 'gia9' | 'vpr' | 'diag' | 'olymp' | 'essay' | 'interview' | 'grad' | 'mon';

/**
 * An indicator of the registry, reading rows of type R. Its row functions are
 * methods, so any definition is an `IndicatorDef<unknown>` to the engine and the
 * pages (see `Family`); `Id` keeps the literal id for the `IndicatorId` union.
 */
export interface IndicatorDef<R = unknown, Id extends string = string> {
  id: Id;
  name: string;
  short: string;
  unit: Unit;
  procedure: ProcedureId;
  /** Dimensions that name the group in the output (besides scope, school). */
  dims: (keyof Dims)[];
  /** The unit of a group when it differs from `unit` (ЕГЭ base maths is scored as a mark). */
  unitOf?(subject: string): Unit;
  /** true: higher is better; false: lower is better; null: neither (counts of participants). */
  better: boolean | null;
  /** Items of the seed documents the indicator comes from. */
  source: string[];
  /** Russian text of the method, shown in the passport. */
  method: string;
  /** Where the indicator is published (defaults to section 2.4 of the final report, the brief, this site). */
  published?: string;
  /** Who is responsible for it (defaults to the ИМЦ named in site.yaml). */
  responsible?: 'imc' | 'department';
  family: Family<R>;
  /** Rows that count for this indicator (the group exists even when none do). */
  population?(r: R): boolean;
  /** null: the indicator does not apply to this group (no output row). */
  measure(rows: R[], ctx: Ctx): Measured | null;
  /** A participant count withheld at school level when 1 … min_group − 1 (ОВЗ). */
  sensitive?: boolean;
}
