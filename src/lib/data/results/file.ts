/** A file of results: data/results/<год>/<name>.csv (or .xlsx), described in one place. */
import { text } from '../cells.ts';
import type { Lookups } from '../columns.ts';
import type { RowOf, TableSpec } from '../table.ts';

export interface ResultsFile<Name extends string = string, S extends TableSpec = TableSpec> {
  /** The file's name without extension: `ege` for results/<год>/ege.csv. */
  name: Name;
  title: string;
  /** What a row is, for the data guide and the template. */
  what: string;
  /** Its columns; the subject column needs the subjects of reference/subjects.csv. */
  spec: (l: Lookups) => S;
  /** A row repeats another when these columns do (a participant sits a subject once); `what` names them in the message. */
  unique: { columns: readonly (keyof S['columns'] & string)[]; what: string } | undefined;
  /** Example rows for the guide and the template: canonical column → value. */
  example: Record<string, string | number>[];
}

/** Declares a results file; its name and columns keep their exact types. */
export const resultsFile = <const Name extends string, const S extends TableSpec>(f: ResultsFile<Name, S>) => f;

/** The row type a results file reads. */
export type RowsOf<F extends { spec: (l: Lookups) => TableSpec }> = RowOf<ReturnType<F['spec']>>;

/**
 * A file's canonical columns in the order of its spec (the order exports and templates use), without the ones
 * named in `except`: what the demo generator writes as its header.
 */
export function columnNames(f: { spec: (l: Lookups) => { columns: object } }, except: readonly string[] = []): string[] {
  const any: Lookups = { subject: text() };
  return Object.keys(f.spec(any).columns).filter((c) => !except.includes(c));
}
