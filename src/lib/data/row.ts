/** A parsed row before it is typed: canonical column → value, plus its line and task scores. */
export type Row = Record<string, unknown> & { line: number; tasks?: Record<string, number> };

/**
 * A row class per table: V8 sizes its objects to the fields the table's rows get, inside the object (a region's
 * rows take 37 MB less than literals grown field by field, whose fields spill into a second array). A module of
 * its own, so that the class every row points to holds nothing of the file it reads — not its header, not its text.
 */
export const rowClass = (): new () => Row =>
  class TableRow {
    [field: string]: unknown;
    line = 0;
    declare tasks?: Record<string, number>;
  };
