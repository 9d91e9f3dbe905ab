/** The site in the wider web: sitemap and robots.txt, the Atom feed, previews, oEmbed, references, dataset markup. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { pages, read } from './helpers/crawl.ts';

const demo = inject('demoDist');
const sub = inject('subDist');
const HOST = 'https://edu.severogorsk.example.ru';

/** What a messenger reads of a page: its Open Graph and Twitter tags. */
const preview = (html: string) => {
  const head = html.slice(0, html.indexOf('</head>'));
  const meta = (p: string) => new RegExp(`<meta (?:property|name)="${p}" content="([^"]*)"`).exec(head)?.[1];
  return {
    title: meta('og:title'),
    description: meta('og:description'),
    image: meta('og:image'),
    card: meta('twitter:card'),
    height: meta('og:image:height'),
  };
};
const png = (file: string) => {
  const b = readFileSync(file);
  return { png: b.subarray(0, 8).toString('hex') === '89504e470d0a1a0a', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};

describe.each([
  ['demo at the root', demo, `${HOST}/`],
  ['independent municipality under /edu/', sub, 'https://example.org/edu/'],
])('search engines: %s', (_, dist, root) => {
  const locs = [...read(dist, 'sitemap.xml').matchAll(/<loc>([^<]+)<\/loc><lastmod>(\d{4}-\d\d-\d\d)<\/lastmod>/g)].map((m) => m[1]);
  it('list every public page in sitemap.xml, with absolute addresses — embeds, search, 404 and the build report aside', () => {
    const expected = pages(dist)
      .filter((p) => p.endsWith('index.html') && !/^(embed|search|build-report)\//.test(p))
      .map((p) => root + p.slice(0, -'index.html'.length))
      .sort();
    expect(locs.sort()).toEqual(expected);
    expect(locs.length).toBeGreaterThan(20);
  });
  it('name the sitemap in robots.txt', () => {
    expect(read(dist, 'robots.txt')).toContain(`Sitemap: ${root}sitemap.xml`);
  });
});

describe('the feed', () => {
  const xml = read(demo, 'feed.xml');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  it('is Atom that an XML parser reads, in Russian, with an entry per correction and news item', () => {
    expect(doc.documentElement.localName).toBe('feed');
    expect(doc.documentElement.getAttribute('xml:lang')).toBe('ru');
    const entries = [...doc.getElementsByTagName('entry')];
    const site = readFileSync(join(import.meta.dirname, '..', 'data', 'site.yaml'), 'utf8');
    // The demo has corrections and news in site.yaml; each is an entry with a date, a title, a link and a summary.
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(site).toMatch(/^corrections:/m);
    for (const e of entries) {
      expect(e.getElementsByTagName('updated')[0].textContent).toMatch(/^\d{4}-\d\d-\d\dT00:00:00Z$/);
      expect(e.getElementsByTagName('title')[0].textContent).toMatch(/[А-Яа-я]/);
      expect(e.getElementsByTagName('link')[0].getAttribute('href')).toMatch(/^https:\/\/edu\.severogorsk\.example\.ru\//);
      expect(e.getElementsByTagName('summary')[0].textContent!.length).toBeGreaterThan(5);
    }
    expect(entries.map((e) => e.getElementsByTagName('title')[0].textContent)).toContain('Исправление');
  });
  it('is linked from every page’s head and from the releases page', () => {
    for (const p of ['index.html', 'schools/101/index.html', 'releases/index.html'])
      expect(read(demo, p)).toContain(`<link rel="alternate" type="application/atom+xml"`);
    expect(read(demo, 'releases/index.html')).toMatch(/<a href="\/feed\.xml">лента Atom<\/a>/);
  });
});

describe('previews', () => {
  const all = pages(demo).filter((p) => p.endsWith('index.html'));
  it('give every page a title, description and a PNG image that is in dist/', () => {
    for (const p of all) {
      const v = preview(read(demo, p));
      expect([v.title, v.description, v.card], p).not.toContain(undefined);
      expect(v.image, p).toMatch(new RegExp(`^${HOST}/.+\\.png$`));
      expect(png(join(demo, v.image!.slice(HOST.length + 1))).png, p).toBe(true);
    }
  });
  it('give each school page its own card, 1200 × 630, with the school’s name and no place', () => {
    const schools = all.filter((p) => /^schools\/[^/]+\/index\.html$/.test(p));
    const images = schools.map((p) => preview(read(demo, p)).image);
    expect(new Set(images).size).toBe(schools.length);
    const card = join(demo, 'charts', 'cards', 'school-105');
    expect(png(`${card}.png`)).toEqual({ png: true, width: 1200, height: 630 });
    const svg = readFileSync(`${card}.svg`, 'utf8');
    expect(svg).toContain('СОШ № 5');
    expect(svg).not.toMatch(/место|-е из/i);
    expect(preview(read(demo, 'schools/105/index.html')).height).toBe('630');
  });
  it('give the home page and each section a card of the municipality and year; an indicator page its chart', () => {
    expect(preview(read(demo, 'index.html')).image).toBe(`${HOST}/charts/cards/site.png`);
    expect(preview(read(demo, 'ege/index.html')).image).toBe(`${HOST}/charts/cards/section-ege.png`);
    expect(readFileSync(join(demo, 'charts', 'cards', 'section-ege.svg'), 'utf8')).toMatch(
      /Северогорский городской округ[^]*Данные 2025 года/,
    );
    expect(preview(read(demo, 'indicators/ege.mean/index.html')).image).toMatch(/\/charts\/ege-mean-[a-z0-9-]+\.png$/);
  });
});

describe('oEmbed', () => {
  const embeds = pages(demo).filter((p) => /^embed\/[^/]+\/index\.html$/.test(p));
  it('is linked from every embed page, and its JSON is there with the fields a content system needs', () => {
    expect(embeds.length).toBeGreaterThan(100);
    for (const p of embeds) {
      const href = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(read(demo, p))?.[1];
      expect(href, p).toBe(`${HOST}/${p.replace(/index\.html$/, 'oembed.json')}`);
      const o = JSON.parse(read(demo, href!.slice(HOST.length + 1)));
      expect(o, p).toMatchObject({ version: '1.0', type: 'rich', width: 600, provider_url: `${HOST}/` });
      expect(o.height, p).toBeGreaterThan(200);
      expect(o.title.length, p).toBeGreaterThan(5);
      expect(o.html, p).toContain(`<iframe src="${HOST}/${p.replace(/index\.html$/, '')}"`);
    }
  });
  it('is discoverable from a chart’s host page', () => {
    expect(read(demo, 'ege/rus/index.html')).toContain(
      `<link rel="alternate" type="application/json+oembed" href="${HOST}/embed/ege-mean-rus-municipality/oembed.json">`,
    );
  });
});

describe('references', () => {
  it('cite a chart by ГОСТ Р 7.0.100–2018 on its card and in its data package, and every page', () => {
    const html = read(demo, 'ege/rus/index.html');
    const { document } = parseHTML(html);
    const chart = document.querySelector('#c-ege-mean-rus-municipality') as unknown as { textContent: string };
    expect(chart.textContent).toMatch(
      /^Средний балл ЕГЭ[^/]* \/\/ Качество образования\. Северогорский городской округ : \[сайт\]\. — Северогорск, \d{4}\. — URL: https:\/\/edu\.severogorsk\.example\.ru\/ege\/rus\/#chart-ege-mean-rus-municipality \(дата обращения: \d\d\.\d\d\.\d{4}\)\.$/,
    );
    // The data package says the same, bar the day of access.
    const zip = unzipSync(readFileSync(join(demo, 'charts', 'ege-mean-rus-municipality.zip')));
    expect(strFromU8(zip['README.txt'])).toContain(chart.textContent.replace(/ \(дата обращения: .*$/, ''));
    const page = (document.querySelector('#cite-page') as unknown as { textContent: string }).textContent;
    expect(page).toMatch(
      / \/\/ Качество образования\. Северогорский городской округ : \[сайт\]\. — Северогорск, \d{4}\. — URL: https:\/\/edu\.severogorsk\.example\.ru\/ege\/rus\/ \(дата обращения: /,
    );
  });
});

describe('the open data as a dataset', () => {
  it('carries schema.org Dataset markup with licence, publisher, years and its files', () => {
    const html = read(demo, 'opendata/index.html');
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(html)![1]);
    expect(ld).toMatchObject({ '@type': 'Dataset', inLanguage: 'ru', temporalCoverage: '2021/2025' });
    expect(ld.license).toContain('CC BY 4.0');
    expect(ld.publisher.name).toContain('Управление образования');
    for (const d of ld.distribution) expect(existsSync(join(demo, d.contentUrl.slice(HOST.length + 1))), d.name).toBe(true);
  });
});
