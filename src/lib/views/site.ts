import { getModel } from '../model/build.ts';
import { absolute, withBase } from '../files/paths.ts';
import { SECTIONS } from '../indicators/sections.ts';

/** Helpers pages share: links with the base path, the menu. */
export function site() {
  const m = getModel();
  const { base, url } = m.data.config.site;
  return {
    m,
    href: (path: string) => withBase(base, path),
    abs: (path: string) => absolute(url, base, path),
  };
}

export const MENU: { path: string; label: string }[] = [
  { path: '/', label: 'Главная' },
  ...SECTIONS.map((s) => ({ path: `/${s.slug}/`, label: s.short })),
  { path: '/schools/', label: 'Школы' },
  { path: '/compare/', label: 'Сравнить школы' },
  { path: '/context/', label: 'Условия и результаты' },
  { path: '/progress/', label: 'Прогресс учащихся' },
  { path: '/indicators/', label: 'Показатели' },
  { path: '/reports/', label: 'Отчёты' },
  { path: '/roadmap/', label: 'Дорожная карта' },
  { path: '/opendata/', label: 'Открытые данные' },
  { path: '/methodology/', label: 'Методика' },
  { path: '/glossary/', label: 'Словарь' },
];

/** getStaticPaths of the pages made once per year of data. */
export const yearPaths = () => getModel().ix.years.map((year) => ({ params: { year: String(year) }, props: { year } }));

/** getStaticPaths of the pages made once per roadmap. */
export const roadmapPaths = () => getModel().roadmaps.map((view) => ({ params: { id: view.roadmap.id }, props: { view } }));

/** getStaticPaths of the pages of pupils' progress: one per pair of procedures with linked pupils. */
export const progressPaths = () => {
  const m = getModel();
  return [...new Set(m.progress.map((y) => y.pair.id))].map((pair) => ({
    params: { pair },
    props: { years: m.progress.filter((y) => y.pair.id === pair) },
  }));
};
