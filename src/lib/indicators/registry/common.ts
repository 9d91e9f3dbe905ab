/** Helpers every part of the registry uses. */
import type { EgeRow, YearResults } from '../../data/tables.ts';
import type { Ctx, Dims, Family, IndicatorDef, Measured } from '../types.ts';

/** Group helpers of families: by subject, the whole procedure, and the school of a row. */
export const bySubject = (r: { subject: string }): Dims[] => [{ subject: r.subject }];
export const whole = (): Dims[] => [{}];
export const school = (r: { school_id: string }) => r.school_id;

type GiaRow = { form: string; subject: string; school_id: string };

/**
 * The families of a ГИА file: the exam per subject and as a whole, the ГВЭ per
 * subject, and every row together (for counts over both forms).
 */
export function giaFamilies<R extends GiaRow>(
  file: string,
  rows: (y: YearResults) => R[] | undefined,
  exam: string,
  ids: { exam: string; gve: string; gia: string },
): Record<'exam' | 'examWhole' | 'gve' | 'gia', Family<R>> {
  const ofForm = (form: string) => (y: YearResults) => rows(y)?.filter((r) => r.form === form);
  return {
    exam: { id: ids.exam, file, rows: ofForm(exam), groups: bySubject, school },
    examWhole: { id: `${ids.exam}-whole`, file, rows: ofForm(exam), groups: whole, school },
    gve: { id: ids.gve, file, rows: ofForm('ГВЭ'), groups: bySubject, school },
    gia: { id: ids.gia, file, rows, groups: whole, school },
  };
}

export const vtg = (r: EgeRow) => r.category === 'ВТГ';
export const isBase = (ctx: Ctx) => ctx.dims.subject === 'math_base';
export const notBase =
  <R>(f: (rows: R[], ctx: Ctx) => Measured) =>
  (rows: R[], ctx: Ctx) =>
    isBase(ctx) ? null : f(rows, ctx);
export const hasScore = (r: EgeRow) => r.test_score !== undefined;

/** Where every indicator is published (Вилючинск, table 1: «Документ, где публикуется показатель»). */
export const PUBLISHED_IN =
  'Итоговый отчёт о состоянии муниципальной системы образования, раздел 2.4 «Развитие системы оценки качества образования и информационной прозрачности системы образования»; аналитическая справка по процедуре; этот сайт и открытые данные';

/** An indicator: its row type comes from its family, and its id stays a literal for `IndicatorId`. */
export const def = <R, const Id extends string>(d: IndicatorDef<R, Id>): IndicatorDef<R, Id> => ({
  published: PUBLISHED_IN,
  responsible: 'imc',
  ...d,
});

/** Степень обученности (Симонов): mean of 100/64/36/16 points for marks 5/4/3/2. */
export const SOU: Record<number, number> = { 5: 100, 4: 64, 3: 36, 2: 16 };
export const SOU_METHOD =
  'Степень обученности (по В. П. Симонову): (100·n5 + 64·n4 + 36·n3 + 16·n2) / n, где n5…n2 — число участников с отметками «5»…«2», n — число участников.';
