/** Look-ups over reference data, shared by the checks and the computation. */
import type { Scale } from './tables.ts';

/** The key of a task description: year, procedure, subject, grade, task. */
export const taskInfoKey = (year: number, procedure: string, subject: string, grade: number | undefined, task: string) => `${year}|${procedure}|${subject}|${grade ?? ''}|${task}`;

/** A scale by year, procedure, subject and grade; a scale without a grade serves every grade. */
export function indexScales(scales: Scale[]) {
  const m = new Map<string, Scale>();
  for (const s of scales) m.set(`${s.year}|${s.procedure}|${s.subject}|${s.grade ?? ''}`, s);
  return (year: number, procedure: Scale['procedure'], subject: string, grade?: number) =>
    m.get(`${year}|${procedure}|${subject}|${grade ?? ''}`) ?? (grade !== undefined ? m.get(`${year}|${procedure}|${subject}|`) : undefined);
}
