/**
 * The site in the wider web: what search engines (sitemap.xml, robots.txt),
 * feed readers (an Atom feed of releases, corrections and news) and content
 * systems that embed by oEmbed (an oembed.json per chart) read. Written after
 * the pages, from the model and the list of pages; dated by the data's
 * release, never by the clock, so the same data give the same files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG_WIDTH, type Chart } from '../charts/types.ts';
import { absolute } from '../files/paths.ts';
import { attr as xml } from '../charts/render.ts';
import { catalog } from '../figures/catalog.ts';
import type { Model } from '../model/build.ts';
import { embedCode, fallbackHeight } from '../views/embed.ts';
import { dated } from '../views/routes/about.ts';

/** Pages a search engine should list: not the embeds (copies of charts for other sites), search, 404 or the build report. */
export function publicPages(siteDir: string): string[] {
  const pages = (readdirSync(siteDir, { recursive: true }) as string[])
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => `/${f.slice(0, -'index.html'.length)}`)
    .filter((p) => !/^\/(embed|search|build-report)\//.test(p));
  return pages.sort();
}

export function sitemap(m: Model, pages: readonly string[]): string {
  const { url, base } = m.data.config.site;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...pages.map((p) => `<url><loc>${xml(absolute(url, base, p))}</loc><lastmod>${m.releaseDate}</lastmod></url>`),
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything may be read; the sitemap is named. It takes effect at the host's root (a sub-path site's IT person copies it there). */
export function robots(m: Model): string {
  const { url, base } = m.data.config.site;
  return `User-agent: *\nAllow: /\nDisallow: ${base}embed/\nDisallow: ${base}build-report/\n\nSitemap: ${absolute(url, base, '/sitemap.xml')}\n`;
}

interface Entry {
  id: string;
  date: string;
  title: string;
  link: string;
  summary: string;
}

/** The Atom feed: releases, corrections and the release's news, newest first. */
export function feed(m: Model): string {
  const cfg = m.data.config;
  const { url, base } = cfg.site;
  const abs = (p: string) => absolute(url, base, p);
  const host = url.replace(/^https?:\/\//, '').replace(/[/:].*$/, '');
  // A tag URI (RFC 4151): stable however the site moves between paths.
  const tag = (date: string, what: string) => `tag:${host},${date.slice(0, 10)}:${base}${what}`;
  const changed = (release: string) => m.changes.find((c) => c.release === release && c.changed.length > 0);
  const entries: Entry[] = [
    ...m.releases.map((r) => ({
      id: tag(r.date, `release/${r.release}`),
      date: r.date,
      title: `Выпуск данных ${r.release}`,
      link: abs(changed(r.release) ? `/releases/#changes-${r.release}` : '/releases/'),
      summary: `Выпуск ${r.release} зафиксирован ${dated(r.date)}.${r.note ? ` ${r.note}` : ''}`,
    })),
    ...cfg.corrections.map((c, i) => ({
      id: tag(c.date, `correction/${i + 1}`),
      date: c.date,
      title: `Исправление${c.release ? ` (выпуск ${c.release})` : ''}`,
      link: abs(c.release && changed(c.release) ? `/releases/#changes-${c.release}` : '/about/'),
      summary: c.text,
    })),
    ...cfg.news.map((n, i) => ({
      id: tag(m.releaseDate, `news/${m.release}/${i + 1}`),
      date: m.releaseDate,
      title: `Новое в выпуске ${m.release}`,
      link: abs('/'),
      summary: n,
    })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1));
  const stamp = (d: string) => `${d.slice(0, 10)}T00:00:00Z`;
  const updated = entries[0]?.date ?? m.releaseDate;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">',
    `<title>${xml(`${cfg.site.title}: ${cfg.municipality.name} — выпуски данных и исправления`)}</title>`,
    `<subtitle>${xml(`Новые выпуски данных о результатах оценочных процедур, исправления опубликованных чисел и новости сайта. ${cfg.imc.name}.`)}</subtitle>`,
    `<id>${xml(tag(m.releases[0]?.date ?? m.releaseDate, 'feed'))}</id>`,
    `<link rel="self" type="application/atom+xml" href="${xml(abs('/feed.xml'))}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(abs('/releases/'))}"/>`,
    `<updated>${stamp(updated)}</updated>`,
    `<author><name>${xml(cfg.imc.name)}</name></author>`,
    ...entries.map((e) =>
      [
        '<entry>',
        `<id>${xml(e.id)}</id>`,
        `<title>${xml(e.title)}</title>`,
        `<link rel="alternate" type="text/html" href="${xml(e.link)}"/>`,
        `<updated>${stamp(e.date)}</updated>`,
        `<summary>${xml(e.summary)}</summary>`,
        '</entry>',
      ].join(''),
    ),
    '</feed>',
    '',
  ].join('\n');
}

/** oEmbed (version 1.0, type rich) of a chart: what a content system needs to embed it by its link. */
export function oembed(m: Model, chart: Chart, release?: string): string {
  const cfg = m.data.config;
  const { url, base } = cfg.site;
  const page = release ? `/embed/${release}/${chart.id}/` : `/embed/${chart.id}/`;
  return `${JSON.stringify(
    {
      version: '1.0',
      type: 'rich',
      title: chart.title,
      provider_name: `${cfg.site.title}: ${cfg.municipality.name}`,
      provider_url: absolute(url, base, '/'),
      author_name: cfg.imc.name,
      html: embedCode(chart, absolute(url, base, page)),
      width: 600,
      height: fallbackHeight(chart, 600),
      thumbnail_url: absolute(url, base, `/charts/${chart.id}.png`),
      thumbnail_width: PNG_WIDTH,
    },
    null,
    1,
  )}\n`;
}

/** Every file of the web: path in the site → content. */
export function* webFiles(m: Model, siteDir: string): Generator<[string, string]> {
  yield ['sitemap.xml', sitemap(m, publicPages(siteDir))];
  yield ['robots.txt', robots(m)];
  yield ['feed.xml', feed(m)];
  for (const chart of catalog(m).all.values()) {
    yield [join('embed', chart.id, 'oembed.json'), oembed(m, chart)];
    if (m.frozen) yield [join('embed', m.release, chart.id, 'oembed.json'), oembed(m, chart, m.release)];
  }
}
