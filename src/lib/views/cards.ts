/**
 * Preview cards: the picture a messenger or a search engine shows for a
 * shared link (Open Graph, 1200 × 630). Drawn at build time as SVG and
 * turned into PNG by the chart renderers. A school's card carries its name
 * and the plain words of its summary — never a place; the home page and the
 * sections carry the municipality and the year.
 */
import type { School } from '../data/tables.ts';
import type { Section } from '../indicators/sections.ts';
import { SECTIONS } from '../indicators/sections.ts';
import type { Model } from '../model/build.ts';
import { yearOf } from '../model/years.ts';
import { schoolSummary } from './school/summary.ts';
import { wrap } from '../charts/files.ts';
import { attr as esc } from '../charts/render.ts';

export const CARD = { width: 1200, height: 630 };

/** Where a card's picture lives in the site (the SVG beside it). */
export const cardPath = {
  site: '/charts/cards/site.png',
  section: (s: Section) => `/charts/cards/section-${s.slug}.png`,
  school: (id: string) => `/charts/cards/school-${id}.png`,
};

/** Words into at most `most` lines of `width` characters, the last cut with «…» when the text runs longer. */
function lines(text: string, width: number, most: number): string[] {
  const all = wrap(text, width);
  if (all.length <= most) return all;
  const kept = all.slice(0, most);
  kept[most - 1] = `${kept[most - 1].replace(/[\s,.;:—-]+$/, '')}…`;
  return kept;
}

/** A card: the site's band on top, a title, up to four lines of text, the site's address at the foot. */
function card(m: Model, o: { kicker: string; title: string; lines: string[] }): string {
  const cfg = m.data.config;
  const host = cfg.site.url.replace(/^https?:\/\//, '').replace(/\/$/, '') + cfg.site.base.replace(/\/$/, '');
  const title = lines(o.title, 30, 2);
  const text = o.lines.flatMap((l) => lines(l, 68, 2)).slice(0, 5);
  const y0 = 200;
  const t = (x: number, y: number, size: number, s: string, weight = 400, fill = '#1a1a1a') =>
    `<text x="${x}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}">${esc(s)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}" viewBox="0 0 ${CARD.width} ${CARD.height}" font-family="PT Sans, sans-serif">`,
    `<rect width="${CARD.width}" height="${CARD.height}" fill="#ffffff"/>`,
    `<rect width="${CARD.width}" height="110" fill="#14406e"/>`,
    t(60, 68, 36, `${cfg.site.title} · ${cfg.municipality.name}`, 700, '#ffffff'),
    t(60, y0 - 30, 28, o.kicker, 400, '#4a4a4a'),
    ...title.map((l, i) => t(60, y0 + 30 + i * 66, 60, l, 700)),
    ...text.map((l, i) => t(60, y0 + 30 + title.length * 66 + 30 + i * 40, 30, l)),
    `<rect y="${CARD.height - 70}" width="${CARD.width}" height="70" fill="#f1f4f8"/>`,
    t(60, CARD.height - 25, 26, host, 400, '#14406e'),
    cfg.demo
      ? t(CARD.width - 60, CARD.height - 25, 26, 'демонстрационные данные', 700, '#7a4b00').replace('<text ', '<text text-anchor="end" ')
      : '',
    '</svg>',
  ].join('');
}

/** The card of the home page and of every page without one of its own: the municipality and its latest year. */
export const siteCard = (m: Model) =>
  card(m, {
    kicker: `Данные ${m.latestYear} года`,
    title: 'Результаты экзаменов и проверочных работ школ',
    lines: [`${m.data.config.municipality.name}: ЕГЭ, ОГЭ, ВПР, олимпиады и дорожная карта — по годам и по каждой школе.`],
  });

export const sectionCard = (m: Model, s: Section) =>
  card(m, { kicker: `Данные ${yearOf(m, s)} года`, title: s.title, lines: [s.intro.split('. ')[0] + '.'] });

/**
 * A school's card: its name and its summary in plain words (the value and, when beyond chance, how it stands). The
 * card says «результаты 2025 года», so a value pooled over several years (a small group) stays on the page, where
 * it is said to be one.
 */
export function schoolCard(m: Model, s: School): string {
  const year = m.ix.yearsOf(s.school_id).at(-1);
  const rows = year === undefined ? [] : schoolSummary(m, s.school_id, year).filter((r) => r.value !== '—' && !r.pooled);
  const lines = rows.slice(0, 4).map((r) => `${r.label} — ${r.value}${r.standing && r.standingTone ? ` (${r.standing})` : ''}`);
  return card(m, {
    kicker: year === undefined ? 'Школа' : `Школа · результаты ${year} года`,
    title: s.name,
    lines: lines.length ? lines : ['Результаты по годам, предметам и процедурам, с пояснениями.'],
  });
}

/** Every card of the site, path of its SVG (under charts/) → the SVG. */
export function* cards(m: Model): Generator<[string, string]> {
  const svg = (png: string) => png.replace(/^\/charts\//, '').replace(/\.png$/, '.svg');
  yield [svg(cardPath.site), siteCard(m)];
  for (const s of SECTIONS) yield [svg(cardPath.section(s)), sectionCard(m, s)];
  for (const s of m.data.schools) yield [svg(cardPath.school(s.school_id)), schoolCard(m, s)];
}

/** How many cards `cards` draws: the site's, one a section, one a school — for the progress line's total. */
export const cardCount = (m: Model) => 1 + SECTIONS.length + m.data.schools.length;

/** The preview picture of a page: its own card, else the chart it shows, else the site's card. */
export function previewImage(path: string, image?: string): { src: string; card: boolean } {
  if (path === '/') return { src: cardPath.site, card: true };
  const section = SECTIONS.find((s) => path === `/${s.slug}/`);
  if (section) return { src: cardPath.section(section), card: true };
  const school = /^\/schools\/([^/]+)\/$/.exec(path);
  if (school) return { src: cardPath.school(school[1]), card: true };
  return image ? { src: image, card: false } : { src: cardPath.site, card: true };
}
