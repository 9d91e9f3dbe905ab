import type { ProcedureId } from './indicators/types.ts';

/** A section of the site: one assessment procedure (or a family of them). */
export interface Section {
  slug: string;
  title: string;
  /** Short label for menus. */
  short: string;
  /** Procedures of the registry shown in this section. */
  procedures: ProcedureId[];
  /** Headline indicators: trends, school comparisons, home page. */
  main: string[];
  /** How groups are split: per subject, per subject and grade, or not at all. */
  by: 'subject' | 'subject-grade' | 'none' | 'period';
  /** Objectivity indicators prefix, where the section has them. */
  objectivity?: 'ege' | 'oge' | 'vpr';
  intro: string;
}

export const SECTIONS: Section[] = [
  {
    slug: 'ege',
    title: 'ГИА-11: ЕГЭ и ГВЭ-11',
    short: 'ЕГЭ',
    procedures: ['ege', 'gve11', 'gia11'],
    main: ['ege.mean', 'ege.below_min_share', 'ege.high_share'],
    by: 'subject',
    objectivity: 'ege',
    intro:
      'Государственная итоговая аттестация выпускников 11 классов в форме единого государственного экзамена (ЕГЭ) и государственного выпускного экзамена (ГВЭ-11). Показатели считаются только по выпускникам текущего года; выпускники прошлых лет и студенты СПО учитываются отдельно и в показатели не входят.',
  },
  {
    slug: 'oge',
    title: 'ГИА-9: ОГЭ и ГВЭ-9',
    short: 'ОГЭ',
    procedures: ['oge', 'gve9', 'gia9'],
    main: ['oge.mean_mark', 'oge.fail_share', 'oge.quality_share'],
    by: 'subject',
    objectivity: 'oge',
    intro:
      'Государственная итоговая аттестация выпускников 9 классов в форме основного государственного экзамена (ОГЭ) и государственного выпускного экзамена (ГВЭ-9). Результаты ГВЭ считаются отдельно.',
  },
  {
    slug: 'vpr',
    title: 'Всероссийские проверочные работы (ВПР)',
    short: 'ВПР',
    procedures: ['vpr'],
    main: ['vpr.mean_mark', 'vpr.mark2_share', 'vpr.quality_share'],
    by: 'subject-grade',
    objectivity: 'vpr',
    intro:
      'Всероссийские проверочные работы по предметам в параллелях. Результаты ВПР не предназначены для составления рейтингов школ и оценки работы учителей (рекомендации Рособрнадзора); они нужны школам и ИМЦ, чтобы увидеть пробелы в знаниях и объективность оценивания.',
  },
  {
    slug: 'diagnostics',
    title: 'Диагностические работы',
    short: 'Диагностика',
    procedures: ['diag'],
    main: ['diag.mean_score', 'diag.below_min_share'],
    by: 'subject-grade',
    intro:
      'Региональные и муниципальные диагностические работы (функциональная грамотность, метапредметные результаты, диагностические контрольные работы).',
  },
  {
    slug: 'olympiad',
    title: 'Всероссийская олимпиада школьников',
    short: 'Олимпиада',
    procedures: ['olymp'],
    main: ['olymp.municipal_participants', 'olymp.regional_share', 'olymp.regional_prizewinners'],
    by: 'subject',
    intro:
      'Школьный, муниципальный, региональный и заключительный этапы всероссийской олимпиады школьников (ВсОШ). Участники — разные люди; победители и призёры — дипломы (человек × предмет).',
  },
  {
    slug: 'essay',
    title: 'Итоговое сочинение и итоговое собеседование',
    short: 'Сочинение и собеседование',
    procedures: ['essay', 'interview'],
    main: ['essay.pass_share', 'interview.pass_share'],
    by: 'none',
    intro: 'Итоговое сочинение (изложение) в 11 классе и итоговое собеседование по русскому языку в 9 классе — условия допуска к ГИА.',
  },
  {
    slug: 'graduates',
    title: 'Выпускники: аттестаты и продолжение обучения',
    short: 'Выпускники',
    procedures: ['grad'],
    main: ['grad9.certificate_share', 'grad11.certificate_share'],
    by: 'none',
    intro: 'Сколько выпускников 9 и 11 классов получили аттестат, продолжили обучение, оставлены на повторное обучение.',
  },
  {
    slug: 'monitoring',
    title: 'Внутришкольный мониторинг',
    short: 'Мониторинг',
    procedures: ['mon'],
    main: ['mon.success_share', 'mon.quality_share', 'mon.failing_share'],
    by: 'period',
    intro: 'Успеваемость и качество знаний по итогам полугодий по данным школ (внутришкольный мониторинг).',
  },
];

export const SECTION_OF = new Map<ProcedureId, Section>(SECTIONS.flatMap((s) => s.procedures.map((p) => [p, s] as const)));
