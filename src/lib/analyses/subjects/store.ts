/**
 * Subject-analysis rows kept as columns, as computed values are (indicators/store.ts). A region has some 400 000
 * rows; as plain objects, each with its boxed numbers, they took 83 MB of the heap at the read stage's peak and
 * two million objects that every full garbage collection of the pages marked again. Here a row is a small handle
 * over typed arrays: the same fields, read and written (secondary suppression withholds rows) through accessors.
 */
import { Columns, type Block } from '../../indicators/store.ts';
import type { SubjectProcedure } from './rows.ts';

export type SubjectTable = 'participants' | 'bands' | 'distribution' | 'tasks' | 'schools';

/** A row of `opendata/subject-analysis.csv`, its numbers unrounded. */
export interface SubjectRow {
  year: number;
  procedure: SubjectProcedure;
  subject: string;
  grade?: number;
  table: SubjectTable;
  group: string;
  band: string;
  task: string;
  value?: number;
  numerator?: number;
  denominator?: number;
  suppressed: boolean;
  /** Withheld by secondary suppression (§0), not for its own group's size: `suppressed = 2` in open data. */
  secondary?: boolean;
  /** The group's participants, kept for secondary suppression when the row is withheld; not published. */
  n?: number;
  ci_low?: number;
  ci_high?: number;
}

/** Rows per block: blocks are never copied when the store grows. */
const BLOCK = 1 << 14;
/** The numbers of a row, in this order, NaN for «none». */
const NUMBERS = ['value', 'numerator', 'denominator', 'n', 'ci_low', 'ci_high'] as const;
const NF = NUMBERS.length;
const AT = Object.fromEntries(NUMBERS.map((k, i) => [k, i])) as Record<Num, number>;
/** The codes of a row: its strings as codes, the year, grade + 1 (0 — none) and the flags. */
const [PROCEDURE, SUBJECT, TABLE, GROUP, BAND, TASK, YEAR, GRADE, FLAGS] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const NC = 9;
const STRINGS = [
  [PROCEDURE, 'procedure'],
  [SUBJECT, 'subject'],
  [TABLE, 'table'],
  [GROUP, 'group'],
  [BAND, 'band'],
  [TASK, 'task'],
] as const;
const WITHHELD = 1;
const SECONDARY = 2;

type Num = (typeof NUMBERS)[number];

/** One row in a store: what `SubjectRow` says, kept in the store's columns. */
class StoredRow implements SubjectRow {
  private readonly b: Block;
  private readonly o: number;
  constructor(b: Block, o: number) {
    this.b = b;
    this.o = o;
  }
  private c(k: number): number {
    return this.b.code[this.o * NC + k];
  }
  private s(k: number): string {
    return this.b.names[this.c(k)];
  }
  private x(k: Num): number | undefined {
    const v = this.b.num[this.o * NF + AT[k]];
    return Number.isNaN(v) ? undefined : v;
  }
  private set(k: Num, v: number | undefined) {
    this.b.num[this.o * NF + AT[k]] = v ?? NaN;
  }
  private flag(bit: number, on: boolean) {
    const i = this.o * NC + FLAGS;
    this.b.code[i] = on ? this.b.code[i] | bit : this.b.code[i] & ~bit;
  }
  get year(): number {
    return this.c(YEAR);
  }
  get procedure(): SubjectProcedure {
    return this.s(PROCEDURE) as SubjectProcedure;
  }
  get subject(): string {
    return this.s(SUBJECT);
  }
  get grade(): number | undefined {
    const g = this.c(GRADE);
    return g === 0 ? undefined : g - 1;
  }
  get table(): SubjectTable {
    return this.s(TABLE) as SubjectTable;
  }
  get group(): string {
    return this.s(GROUP);
  }
  get band(): string {
    return this.s(BAND);
  }
  get task(): string {
    return this.s(TASK);
  }
  get suppressed(): boolean {
    return (this.c(FLAGS) & WITHHELD) !== 0;
  }
  set suppressed(on: boolean) {
    this.flag(WITHHELD, on);
  }
  get secondary(): boolean | undefined {
    return (this.c(FLAGS) & SECONDARY) !== 0 || undefined;
  }
  set secondary(on: boolean | undefined) {
    this.flag(SECONDARY, on === true);
  }
  get value() {
    return this.x('value');
  }
  set value(v: number | undefined) {
    this.set('value', v);
  }
  get numerator() {
    return this.x('numerator');
  }
  set numerator(v: number | undefined) {
    this.set('numerator', v);
  }
  get denominator() {
    return this.x('denominator');
  }
  set denominator(v: number | undefined) {
    this.set('denominator', v);
  }
  get n() {
    return this.x('n');
  }
  get ci_low() {
    return this.x('ci_low');
  }
  set ci_low(v: number | undefined) {
    this.set('ci_low', v);
  }
  get ci_high() {
    return this.x('ci_high');
  }
  set ci_high(v: number | undefined) {
    this.set('ci_high', v);
  }
}

/** Where subject-analysis rows are kept: strings once each, numbers in blocks of typed arrays. */
export class SubjectStore {
  private readonly columns = new Columns(BLOCK, NF, NC);
  /** Keeps a row's fields and returns its handle. */
  add(r: SubjectRow): SubjectRow {
    const [b, o] = this.columns.next();
    const at = o * NC;
    for (const [k, field] of STRINGS) b.code[at + k] = this.columns.code(r[field]);
    b.code[at + YEAR] = r.year;
    if (r.grade !== undefined && !(Number.isInteger(r.grade) && r.grade >= 0)) throw new RangeError(`grade ${r.grade} cannot be stored`);
    b.code[at + GRADE] = r.grade === undefined ? 0 : r.grade + 1;
    b.code[at + FLAGS] = (r.suppressed ? WITHHELD : 0) | (r.secondary ? SECONDARY : 0);
    for (let k = 0; k < NF; k++) b.num[o * NF + k] = r[NUMBERS[k]] ?? NaN;
    return new StoredRow(b, o);
  }
}
