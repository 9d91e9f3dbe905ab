/** What every page shares: links with the base path, the menu, the frame of the layout. */
import { absolute, withBase } from '../files/paths.ts';
import { SECTIONS } from '../indicators/sections.ts';
import { getModel } from '../model/handoff.ts';
import type { Model } from '../model/build.ts';
import { formatDate } from '../words/format.ts';
import { citation, cityOf } from '../words/cite.ts';
import { CARD, previewImage } from './cards.ts';
import { PNG_WIDTH } from '../charts/types.ts';

/** The model with links that carry the base path: every view starts here. */
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

/** The kind of page, for grouping search results (Pagefind meta «type»). */
function kindOf(path: string): string {
  if (/^\/schools\/[^/]+\//.test(path)) return 'Школы';
  if (path.startsWith('/indicators/') && path !== '/indicators/') return 'Показатели';
  if (path.startsWith('/reports/')) return 'Отчёты';
  if (path.startsWith('/roadmap/')) return 'Дорожная карта';
  if (path.startsWith('/kindergartens/')) return 'Детские сады';
  if (path.startsWith('/mechanisms/')) return 'Механизмы управления';
  return 'Разделы и страницы';
}

/** The frame of a page (layouts/Base.astro): titles, menu with the current item, the organisations in the footer. */
export function layoutView(o: { title: string; description?: string; path: string }) {
  const { m, href, abs } = site();
  const cfg = m.data.config;
  const current = (p: string) => (p === '/' ? o.path === '/' : o.path.startsWith(p));
  return {
    href,
    abs,
    cfg,
    fullTitle: o.path === '/' ? `${cfg.site.title} — ${cfg.municipality.name}` : `${o.title} — ${cfg.site.title}, ${cfg.municipality.name}`,
    description: o.description ?? `Результаты оценочных процедур и показатели качества образования: ${cfg.municipality.name}.`,
    menu: MENU.map((i) => ({ href: href(i.path), label: i.label, current: current(i.path) })),
    kind: kindOf(o.path),
    updated: formatDate(m.today),
    glossary: href('/glossary/'),
    citation: cite(o.title === cfg.site.title ? `${cfg.site.title}: ${cfg.municipality.name}` : o.title, o.path),
  };
}

/** The head of a page: canonical address, icon, and the previews messengers show. */
export function metaView(o: { path: string; image?: string }) {
  const { m, href, abs } = site();
  const cfg = m.data.config;
  const image = previewImage(o.path, o.image);
  return {
    canonical: abs(o.path),
    icon: href('/favicon.svg'),
    siteName: `${cfg.site.title}: ${cfg.municipality.name}`,
    image: abs(image.src),
    /** A card is 1200 × 630; a chart's PNG is `PNG_WIDTH` wide and as tall as the chart. */
    width: image.card ? CARD.width : PNG_WIDTH,
    height: image.card ? CARD.height : undefined,
    feed: href('/feed.xml'),
    feedTitle: `${cfg.site.title}: ${cfg.municipality.name} — выпуски данных, исправления и новости`,
  };
}

/** A reference to a page of this site (ГОСТ Р 7.0.100–2018), dated by the build; the page's script dates it by the reader's day. */
export const cite = (title: string, path: string, release?: string) => citeIn(getModel(), title, path, release);

/** The reference to a chart: to its place on its page — on its card and in its data package alike. */
export const chartCite = (m: Model, c: { title: string; page: string; id: string }) => citeIn(m, c.title, `${c.page}#chart-${c.id}`);

/** The same reference for a model in hand (the chart packages are written before pages render). */
export function citeIn(m: Model, title: string, path: string, release?: string): string {
  const cfg = m.data.config;
  return citation({
    title,
    release,
    site: `${cfg.site.title}. ${cfg.municipality.name}`,
    city: cfg.municipality.city ?? cityOf(cfg.department.address) ?? cityOf(cfg.imc.address),
    year: Number((release ? m.releases.find((r) => r.release === release)?.date : undefined)?.slice(0, 4) ?? m.releaseDate.slice(0, 4)),
    url: absolute(cfg.site.url, cfg.site.base, path),
    accessed: m.today,
  });
}

/** getStaticPaths of the pages made once per year of data. */
export const yearPaths = () => getModel().ix.years.map((year) => ({ params: { year: String(year) }, props: { year } }));
