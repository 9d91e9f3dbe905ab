import type { IndicatorId } from '../indicators/registry.ts';
import type { Model } from '../model/build.ts';
import { SECTIONS, type Section } from '../indicators/sections.ts';

/** Аналитические справки by procedure: which section they draw on. */
export interface Brief {
  slug: string;
  short: string;
  title: string;
  section: Section;
  main: IndicatorId;
}

const section = (slug: string) => SECTIONS.find((s) => s.slug === slug)!;

export const BRIEFS: Brief[] = [
  {
    slug: 'gia-9',
    short: 'ГИА-9',
    title: 'Аналитическая справка по результатам государственной итоговой аттестации по программам основного общего образования (ГИА-9)',
    section: section('oge'),
    main: 'oge.mean_mark',
  },
  {
    slug: 'gia-11',
    short: 'ГИА-11',
    title: 'Аналитическая справка по результатам государственной итоговой аттестации по программам среднего общего образования (ГИА-11)',
    section: section('ege'),
    main: 'ege.mean',
  },
  {
    slug: 'vpr',
    short: 'ВПР',
    title: 'Аналитическая справка по результатам всероссийских проверочных работ',
    section: section('vpr'),
    main: 'vpr.mean_mark',
  },
  {
    slug: 'olympiad',
    short: 'Олимпиада',
    title: 'Аналитическая справка по результатам всероссийской олимпиады школьников',
    section: section('olympiad'),
    main: 'olymp.municipal_participants',
  },
];

/** The справки a year has: those whose main indicator has values that year. */
export const briefsOf = (m: Model, year: number) => BRIEFS.filter((b) => m.ix.all(b.main).some((v) => v.year === year));

/** The documents of the site: a report page's path → its .docx beside it. */
export const documentPath = (pagePath: string) => {
  const [, year, brief] = pagePath.split('/').filter(Boolean);
  return `${pagePath}${brief ? `${brief}-${year}` : `report-${year}`}.docx`;
};

/** Every page that is also a document: each year's annual report and its справки. */
export const documentPages = (m: Model) =>
  m.ix.years.flatMap((year) => [`/reports/${year}/`, ...briefsOf(m, year).map((b) => `/reports/${year}/${b.slug}/`)]);
