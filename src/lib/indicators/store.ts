/**
 * Computed values kept as columns. A region has about two million values; as
 * plain objects each took some 190 bytes of the heap (seventeen fields, four
 * boxed doubles), and the model no longer fitted a stage's heap. Here a value
 * is a 40-byte handle over typed arrays, whose memory lies outside the heap
 * limit: the same fields, read and written through getters and setters.
 */
import type { IndicatorValue } from './compute.ts';
import type { ValueId } from './derived.ts';

/** Values per block: blocks are never copied when the store grows. */
const BLOCK = 1 << 16;
/** The numbers of a value, in this order, NaN for «none». */
const NUMBERS = ['value', 'numerator', 'denominator', 'n', 'sd', 'ci_low', 'ci_high'] as const;
const NF = NUMBERS.length;
/** The codes of a value: indicator, school, subject, period and task as string codes; the year; the flags. */
const [IND, SCHOOL, SUBJECT, PERIOD, TASK, YEAR, FLAGS] = [0, 1, 2, 3, 4, 5, 6];
const NC = 7;
const REASONS = [undefined, 'small', 'empty', 'ovz', 'secondary'] as const;
// Flags: grade + 1 (0 — no grade) in bits 0–7, the school scope in bit 8, withheld in bit 9, the reason from bit 10.
const GRADE = 0xff;
const SCOPE = 1 << 8;
const WITHHELD = 1 << 9;
const REASON_SHIFT = 10;

/** A block of a store: `rows` rows of numbers and codes, and the store's strings that the codes name. */
export class Block {
  readonly num: Float64Array;
  readonly code: Int32Array;
  readonly names: string[];
  constructor(names: string[], rows: number, numbers: number, codes: number) {
    this.num = new Float64Array(rows * numbers);
    this.code = new Int32Array(rows * codes);
    this.names = names;
  }
}

function numberAt(b: Block, o: number, k: number): number | undefined {
  const x = b.num[o * NF + k];
  return Number.isNaN(x) ? undefined : x;
}

/** One value in a store: what `IndicatorValue` says, kept in the store's columns. */
export class StoredValue implements IndicatorValue {
  private readonly b: Block;
  private readonly o: number;
  constructor(b: Block, o: number) {
    this.b = b;
    this.o = o;
  }
  private c(k: number): number {
    return this.b.code[this.o * NC + k];
  }
  private setFlags(mask: number, bits: number) {
    const i = this.o * NC + FLAGS;
    this.b.code[i] = (this.b.code[i] & ~mask) | bits;
  }
  get indicator(): ValueId {
    return this.b.names[this.c(IND)] as ValueId;
  }
  get school_id(): string {
    return this.b.names[this.c(SCHOOL)];
  }
  get subject(): string {
    return this.b.names[this.c(SUBJECT)];
  }
  get period(): string {
    return this.b.names[this.c(PERIOD)];
  }
  get task(): string {
    return this.b.names[this.c(TASK)];
  }
  get year(): number {
    return this.c(YEAR);
  }
  get grade(): number | undefined {
    const g = this.c(FLAGS) & GRADE;
    return g === 0 ? undefined : g - 1;
  }
  get scope(): IndicatorValue['scope'] {
    return this.c(FLAGS) & SCOPE ? 'school' : 'municipality';
  }
  get suppressed(): boolean {
    return (this.c(FLAGS) & WITHHELD) !== 0;
  }
  set suppressed(x: boolean) {
    this.setFlags(WITHHELD, x ? WITHHELD : 0);
  }
  get reason(): IndicatorValue['reason'] {
    return REASONS[this.c(FLAGS) >> REASON_SHIFT];
  }
  set reason(r: IndicatorValue['reason']) {
    this.setFlags(~0 << REASON_SHIFT, REASONS.indexOf(r) << REASON_SHIFT);
  }
  get value() {
    return numberAt(this.b, this.o, 0);
  }
  set value(x: number | undefined) {
    this.b.num[this.o * NF] = x ?? NaN;
  }
  get numerator() {
    return numberAt(this.b, this.o, 1);
  }
  set numerator(x: number | undefined) {
    this.b.num[this.o * NF + 1] = x ?? NaN;
  }
  get denominator() {
    return numberAt(this.b, this.o, 2);
  }
  set denominator(x: number | undefined) {
    this.b.num[this.o * NF + 2] = x ?? NaN;
  }
  get n(): number {
    return this.b.num[this.o * NF + 3];
  }
  get sd() {
    return numberAt(this.b, this.o, 4);
  }
  set sd(x: number | undefined) {
    this.b.num[this.o * NF + 4] = x ?? NaN;
  }
  get ci_low() {
    return numberAt(this.b, this.o, 5);
  }
  set ci_low(x: number | undefined) {
    this.b.num[this.o * NF + 5] = x ?? NaN;
  }
  get ci_high() {
    return numberAt(this.b, this.o, 6);
  }
  set ci_high(x: number | undefined) {
    this.b.num[this.o * NF + 6] = x ?? NaN;
  }
  /** The value as a plain object, as computed (for tests and for anything that copies it). */
  toJSON(): IndicatorValue {
    return plain(this);
  }
}

/** A value's fields as an object of its own, in the order computation writes them. */
export function plain(v: IndicatorValue): IndicatorValue {
  const { indicator, year, scope, school_id, subject, grade, period, task, value, numerator, denominator } = v;
  const { suppressed, n, reason, sd, ci_low, ci_high } = v;
  return {
    indicator,
    year,
    scope,
    school_id,
    subject,
    grade,
    period,
    task,
    value,
    numerator,
    denominator,
    suppressed,
    n,
    reason,
    sd,
    ci_low,
    ci_high,
  };
}

/**
 * What a store of handles is made of: its strings kept once each, as codes, and blocks of typed arrays that never
 * move as the store grows (the subject analysis keeps its rows the same way).
 */
export class Columns {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly blocks: Block[] = [];
  private size = 0;
  private readonly shape: [rows: number, numbers: number, codes: number];
  constructor(rows: number, numbers: number, codes: number) {
    this.shape = [rows, numbers, codes];
  }
  code(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      this.codes.set(s, (c = this.names.length));
      this.names.push(s);
    }
    return c;
  }
  /** The block and the offset in it of a new row. */
  next(): [Block, number] {
    const o = this.size++ % this.shape[0];
    if (o === 0) this.blocks.push(new Block(this.names, ...this.shape));
    return [this.blocks[this.blocks.length - 1], o];
  }
}

/** Where values are kept: strings once each, numbers in blocks of typed arrays. */
export class ValueStore {
  private readonly columns = new Columns(BLOCK, NF, NC);
  private name(s: string): number {
    return this.columns.code(s);
  }
  /** Keeps a value's fields and returns its handle; a handle is kept as it is. */
  add(v: IndicatorValue): IndicatorValue {
    if (v instanceof StoredValue) return v;
    const [b, o] = this.columns.next();
    const c = b.code;
    const at = o * NC;
    c[at + IND] = this.name(v.indicator);
    c[at + SCHOOL] = this.name(v.school_id);
    c[at + SUBJECT] = this.name(v.subject);
    c[at + PERIOD] = this.name(v.period);
    c[at + TASK] = this.name(v.task);
    c[at + YEAR] = v.year;
    if (v.grade !== undefined && !(Number.isInteger(v.grade) && v.grade >= 0 && v.grade < GRADE))
      throw new RangeError(`grade ${v.grade} cannot be stored`);
    c[at + FLAGS] =
      (v.grade === undefined ? 0 : v.grade + 1) |
      (v.scope === 'school' ? SCOPE : 0) |
      (v.suppressed ? WITHHELD : 0) |
      (REASONS.indexOf(v.reason) << REASON_SHIFT);
    for (let k = 0; k < NF; k++) b.num[o * NF + k] = v[NUMBERS[k]] ?? NaN;
    return new StoredValue(b, o);
  }
}
