import { PROCEDURES, type IndicatorId } from './registry.ts';
import type { ProcedureId } from './types.ts';

/** A section of the site: one assessment procedure (or a family of them). */
export interface Section {
  slug: string;
  title: string;
  /** Short label for menus. */
  short: string;
  /** What the section publishes, as a sentence's subject: «Результаты ВПР 2026 года ещё не опубликованы». */
  results: string;
  /** Procedures of the registry shown in this section. */
  procedures: readonly ProcedureId[];
  /** Headline indicators: trends, school comparisons, home page. */
  main: readonly IndicatorId[];
  /** How groups are split: per subject, per subject and grade, or not at all. */
  by: 'subject' | 'subject-grade' | 'none' | 'period';
  /** Objectivity indicators prefix, where the section has them. */
  objectivity?: 'ege' | 'oge' | 'vpr';
  intro: string;
}

/** The sections in the order of the menu: each is declared by its procedure's module of the registry. */
export const SECTIONS: readonly Section[] = PROCEDURES.map((p) => p.section);

export const SECTION_OF = new Map<ProcedureId, Section>(SECTIONS.flatMap((s) => s.procedures.map((p) => [p, s] as const)));

/** A procedure as people name it, for text and tables (never its code). */
export const PROCEDURE_NAMES: Record<ProcedureId, string> = {
  ege: 'ЕГЭ',
  gve11: 'ГВЭ-11',
  gia11: 'ГИА-11',
  oge: 'ОГЭ',
  gve9: 'ГВЭ-9',
  gia9: 'ГИА-9',
  vpr: 'ВПР',
  diag: 'Диагностика',
  olymp: 'Олимпиада',
  essay: 'Итоговое сочинение',
  interview: 'Итоговое собеседование',
  grad: 'Выпускники',
  mon: 'Мониторинг',
};
