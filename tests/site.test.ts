import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, inject, it } from 'vitest';
import { files, pages, read, urls } from './helpers/crawl.ts';
import { TRICKY_NAME } from './helpers/independent.ts';
import { PNG_WIDTH } from '../src/lib/charts/types.ts';

const demo = inject('demoDist');
const sub = inject('subDist');

describe.each([
  ['demo at the root', demo, '/'],
  ['independent municipality under /edu/', sub, '/edu/'],
])('%s', (_, dist, base) => {
  const all = pages(dist);
  it('has pages', () => expect(all.length).toBeGreaterThan(20));
  it('is Russian with one h1 and one security policy per page', () => {
    for (const p of all) {
      const html = read(dist, p);
      expect(html, p).toContain('<html lang="ru"');
      // Its Content-Security-Policy (publish/csp.ts), once.
      expect(html.match(/<meta http-equiv="Content-Security-Policy"/g)?.length, p).toBe(1);
      expect(html.match(/<h1[\s>]/g)?.length, p).toBe(1);
      // No doubled full stop anywhere in what a reader sees or hears («чел..», «г..», «работы)..»); «...» and «../» are not stops.
      const text = html
        .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
        .replace(/<[^>]*?(?:alt|title|aria-label|content)="([^"]*)"[^>]*>/g, ' $1 ')
        .replace(/<[^>]+>/g, ' ');
      expect(text.match(/[^.]\.\.(?![./])/g), p).toBeNull();
    }
  });
  it('has no broken or off-base links and nothing from another host', () => {
    const broken: string[] = [];
    for (const p of all) {
      for (const u of urls(read(dist, p))) {
        if (/^(mailto:|#)/.test(u)) continue;
        if (/^https?:\/\//.test(u)) {
          // Only links out (school sites, canonical) may be absolute; never a resource.
          continue;
        }
        const path = u.split('#')[0].split('?')[0];
        if (!path.startsWith(base)) {
          broken.push(`${p}: off-base ${u}`);
          continue;
        }
        const rel = decodeURIComponent(path.slice(base.length));
        const target = join(dist, rel);
        if (!(existsSync(target) && (rel === '' || rel.endsWith('/') ? existsSync(join(target, 'index.html')) : true)))
          broken.push(`${p}: ${u}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
  });
  it('loads no resource from another host', () => {
    for (const p of all) {
      const html = read(dist, p);
      expect(
        // The canonical address and the alternates (feed, oEmbed) name this site's own addresses; browsers load none of them.
        html
          .match(/<(script|img|iframe|link)\b[^>]*(src|href)="https?:\/\/[^"]*"[^>]*>/g)
          ?.filter((t) => !/rel="(canonical|alternate)"/.test(t)) ?? [],
        p,
      ).toEqual([]);
      expect(html, p).not.toMatch(/@import|url\(https?:/);
    }
  });
  it('makes every chart a figure with a caption, a data table, an id and a data link', () => {
    let n = 0;
    for (const p of all) {
      const html = read(dist, p);
      for (const fig of html.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? []) {
        n++;
        expect(fig, p).toMatch(/data-chart-id="[a-z0-9-]+"/);
        expect(fig, p).toMatch(/<figcaption[\s>]/);
        expect(fig, p).toMatch(/<table[\s>]/);
        expect(fig, p).toMatch(/<svg[^>]*role="img"[^>]*aria-label="/);
        expect(fig, p).toMatch(/\.csv"/);
      }
    }
    expect(n).toBeGreaterThan(3);
  });
});

describe('the demo site', () => {
  it('has a page per school whose h1 is the school name, closed schools too', () => {
    // The open register holds the kindergartens too; they have pages of their own, apart from the schools.
    const register = readFileSync(join(demo, 'opendata/schools.csv'), 'utf8').trim().split('\n').slice(1);
    const kindergartens = register.filter((line) => /,(ДОУ|детский сад),/.test(line));
    const schools = register.filter((line) => !kindergartens.includes(line));
    expect([schools.length, kindergartens.length]).toEqual([12, 4]);
    for (const line of kindergartens) expect(read(demo, `kindergartens/${line.split(',')[0]}/index.html`)).toMatch(/<h1>[^<]+<\/h1>/);
    expect(existsSync(join(demo, `schools/${kindergartens[0].split(',')[0]}/index.html`))).toBe(false);
    for (const line of schools) {
      const id = line.split(',')[0];
      const html = read(demo, `schools/${id}/index.html`);
      expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    }
    expect(read(demo, 'schools/111/index.html')).toContain('Школа закрыта');
    expect(read(demo, 'schools/112/index.html')).toContain('<h1>Школа «Ступени» &amp; Центр образования</h1>');
  });
  it('keeps the home page under 150 KB gzip with its CSS and JS', () => {
    const html = readFileSync(join(demo, 'index.html'));
    expect(gzipSync(html).length).toBeLessThan(150 * 1024);
    // No bundles: page scripts are inline and tiny; the only files are Pagefind's, loaded by the search page alone.
    expect(files(demo).filter((f) => f.endsWith('.js') && !f.startsWith('pagefind/'))).toEqual([]);
    expect(html.toString()).not.toContain('pagefind.js');
  });
  it('marks the demo on every page', () => {
    for (const p of pages(demo).filter((p) => !p.startsWith('embed/'))) expect(read(demo, p), p).toContain('Демонстрационная версия');
  });
  it('gives every year a report with the four sections, and a roadmap page with every item', () => {
    for (const y of [2021, 2022, 2023, 2024, 2025]) {
      const html = read(demo, `reports/${y}/index.html`);
      expect(html).toMatch(new RegExp(`<h1>Отчёт[^<]*${y}`));
      for (const h of ['1. Анализ процедур', '2. Описание тенденций', '3. Описание зон риска', '4. Методические рекомендации'])
        expect(html, `${y}: ${h}`).toContain(h);
    }
    const rm = read(demo, 'roadmap/2026-2027/index.html');
    expect(rm).toMatch(/<h1>Дорожная карта на 2026–2027 годы<\/h1>/);
    const items = readFileSync(join(demo, 'opendata/roadmap.csv'), 'utf8').trim().split('\n').slice(1);
    expect(items.length).toBe(51);
    for (const it of ['1.1', '2.7', '5.5']) expect(rm).toContain(`id="item-${it}"`);
  });
  it('renders the ИМЦ text of the 2025 report with live numbers', () => {
    const html = read(demo, 'reports/2025/index.html');
    expect(html).toContain('Методическому объединению учителей русского языка');
    expect(html).toMatch(
      /class="value" title="Средний балл ЕГЭ, 2025 год, n = \d+; 95-процентный доверительный интервал \(\d+,\d–\d+,\d\)">\d+,\d/,
    );
  });
});

describe('chart files and embeds', () => {
  const chartIds = new Set<string>();
  for (const p of pages(demo)) for (const m of read(demo, p).matchAll(/data-chart-id="([^"]+)"/g)) chartIds.add(m[1]);
  it('gives every chart its embed page, SVG, PNG, CSV and data package', () => {
    expect(chartIds.size).toBeGreaterThan(100);
    for (const id of chartIds) {
      const embed = read(demo, `embed/${id}/index.html`);
      expect(embed).toContain('<svg');
      expect(embed).not.toMatch(/<nav|<footer/);
      // Archived copies exist only for a frozen release (tests/releases.test.ts): the demo's 2025 is not frozen.
      expect(existsSync(join(demo, `embed/2025/${id}/index.html`)), id).toBe(false);
      const png = readFileSync(join(demo, `charts/${id}.png`));
      expect(png.subarray(0, 8).toString('hex'), id).toBe('89504e470d0a1a0a');
      expect(png.readUInt32BE(16), id).toBe(PNG_WIDTH);
      const svg = read(demo, `charts/${id}.svg`);
      expect(svg, id).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg, id).toContain("@font-face{font-family:'PT Sans';src:url(data:font/woff;base64,");
      expect(svg, id).not.toMatch(/(href|src)="https?:/);
      expect(read(demo, `charts/${id}.csv`).split('\n')[0], id).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
      // The data package: the same CSV, its metadata with licence and citation, a README.
      const zip = unzipSync(readFileSync(join(demo, `charts/${id}.zip`)));
      expect(Object.keys(zip).sort(), id).toEqual(['README.txt', 'data.csv', 'meta.csv']);
      expect(strFromU8(zip['data.csv']), id).toBe(read(demo, `charts/${id}.csv`));
      expect(strFromU8(zip['meta.csv']), id).toMatch(/\nlicence,[^\n]*CC BY 4\.0[\s\S]*\ncitation,/);
    }
  });
  it('keeps the ids of the headline charts stable', () => {
    for (const id of [
      'ege-mean-rus-municipality',
      'ege-mean-rus-schools',
      'oge-mean-mark-math-municipality',
      'vpr-objectivity',
      'oge-tasks-math',
    ])
      expect(chartIds.has(id), id).toBe(true);
  });
  it('puts social previews with the main chart image on pages', () => {
    const html = read(demo, 'ege/rus/index.html');
    expect(html).toMatch(/<meta property="og:image" content="https:\/\/edu\.severogorsk\.example\.ru\/charts\/[a-z0-9-]+\.png"/);
    expect(html).toContain('name="twitter:card" content="summary_large_image"');
  });
});

describe('text from data is escaped', () => {
  it('shows a school name with <, & and quotes exactly as written', () => {
    for (const page of ['schools/01/index.html', 'schools/index.html', 'ege/rus/index.html', 'reports/2022/gia-11/index.html']) {
      const { document } = parseHTML(read(sub, page));
      expect(document.querySelectorAll('b').length, page).toBe(0);
      expect(document.body.textContent, page).toContain(TRICKY_NAME);
    }
    expect(parseHTML(read(sub, 'schools/01/index.html')).document.querySelector('h1')!.textContent).toBe(TRICKY_NAME);
    for (const f of files(sub).filter((f) => f.endsWith('.svg'))) expect(read(sub, f), f).not.toContain('<b>');
  });
  it('quotes the municipal ЕГЭ Russian mean in Russian number format in the latest report', () => {
    // 2022: 60…67, 70…77, 50…57 → mean 63,5
    // Within chance, it stands in the compact table of the trends: indicator, group, the year's value.
    expect(read(sub, 'reports/2022/index.html')).toMatch(
      /<th scope="row">Средний балл ЕГЭ<\/th><td>Русский язык<\/td><td class="num">63,5<\/td>/,
    );
  });
});

describe('reports as Word documents', () => {
  const docs = files(demo).filter((f) => f.endsWith('.docx'));
  /** Numbers as a page writes them: 1 234, 72,5, 2025. */
  const numbers = (text: string) => [...new Set(text.replace(/[\u00a0\u202f]/g, ' ').match(/\d+(?: \d{3})*(?:,\d+)?/g) ?? [])];
  it('exist for every annual report and справка, linked from its page', () => {
    const pagesWithDocs = pages(demo).filter((p) => /^reports\/\d{4}\/(?:[a-z0-9-]+\/)?index\.html$/.test(p) && !p.includes('section-2-4'));
    expect(docs.length).toBe(pagesWithDocs.length);
    for (const p of pagesWithDocs) expect(read(demo, p), p).toMatch(/<a href="[^"]+\.docx" download>/);
  });
  it('carry every number the page shows, in the document XML', () => {
    for (const d of docs) {
      const zip = unzipSync(readFileSync(join(demo, d)));
      const xml = strFromU8(zip['word/document.xml']);
      // Text runs and the pictures' descriptions (a chart's values in words), entities decoded.
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|descr="([^"]*)"/g)]
        .map((m) => m[1] ?? m[2])
        .join(' ')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      const { document } = parseHTML(read(demo, d.replace(/[^/]+\.docx$/, 'index.html')));
      const main = document.querySelector('main')!;
      for (const el of main.querySelectorAll('script, style, svg, textarea, .term-pop, .share, .no-print, nav')) el.remove();
      const docText = text.replace(/[\u00a0\u202f]/g, ' ');
      // Text node by text node: adjacent cells «1» and «53,9» are two numbers, not «153,9».
      const words = (n: Node): string => (n.nodeType === 3 ? (n.textContent ?? '') : [...n.childNodes].map(words).join(' '));
      const missing = numbers(words(main)).filter((n) => !docText.includes(n));
      expect(missing, d).toEqual([]);
      const styles = strFromU8(zip['word/styles.xml']);
      expect(styles, d).toContain('w:ascii="Times New Roman"');
      expect(styles, d).toMatch(/<w:sz w:val="28"\/>/);
      expect(styles, d).toContain('w:line="360"');
      // A4 with page numbers at the foot.
      expect(xml, d).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(
        Object.keys(zip).some((k) => /^word\/footer\d*\.xml$/.test(k) && strFromU8(zip[k]).includes('PAGE')),
        d,
      ).toBe(true);
    }
  });
});

describe('pupil codes', () => {
  // Every student_id of the demo's results, and every file of the site unpacked: pages, open data, chart CSVs and ZIPs, the search index.
  const codes = new Set<string>();
  for (const y of ['2021', '2022', '2023', '2024', '2025'])
    for (const f of ['ege', 'oge', 'vpr'])
      for (const m of readFileSync(join('data/results', y, `${f}.csv`), 'utf8').matchAll(/S-\d{6}/g)) codes.add(m[0]);
  const texts = (rel: string): string[] => {
    const bytes = readFileSync(join(demo, rel));
    if (rel.endsWith('.zip')) return Object.values(unzipSync(bytes)).map((b) => strFromU8(b));
    // Pagefind's index and fragments are gzip files under their own names.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return [gunzipSync(bytes).toString('latin1'), gunzipSync(bytes).toString('utf8')];
    return [bytes.toString('utf8')];
  };
  it('are in the demo data, so that this test can fail', () => expect(codes.size).toBeGreaterThan(1000));
  it('never reach the site: pages, open data, chart files, ZIPs, search index', () => {
    const found: string[] = [];
    for (const f of files(demo))
      if (!/\.(png|woff2?|ico)$/.test(f))
        for (const t of texts(f)) for (const m of t.matchAll(/S-\d{6}/g)) if (codes.has(m[0])) found.push(`${f}: ${m[0]}`);
    expect(found.slice(0, 10)).toEqual([]);
  });
});

describe('no league table', () => {
  const names = new Set(
    read(demo, 'opendata/schools.csv')
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1])
      .filter(Boolean),
  );
  const byName = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true });
  /** School names in the order an element shows them: links to school pages, row headers, chart labels. */
  const full = (t: string) => (names.has(t) ? t : t.endsWith('…') ? [...names].find((n) => n.startsWith(t.slice(0, -1))) : undefined);
  const schoolsIn = (el: Element) =>
    [...el.querySelectorAll('a[href*="/schools/"], th[scope="row"], text')]
      .map((x) => full((x.textContent ?? '').trim()))
      .filter((t): t is string => t !== undefined);
  it('lists schools only in the order of their names, on every page, in every list, table and chart', () => {
    const bad: string[] = [];
    for (const p of pages(demo)) {
      const { document } = parseHTML(read(demo, p));
      for (const el of document.querySelectorAll('ul, ol, table, svg')) {
        if (el.querySelector('ul, ol, table, svg')) continue;
        const seen = schoolsIn(el);
        if (seen.length < 2) continue;
        const sorted = [...seen].sort(byName);
        if (seen.join('|') !== sorted.join('|')) bad.push(`${p}: ${seen.join(', ')}`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
  it('gives no school a bare place or a count of risk flags on the list of schools', () => {
    const list = read(demo, 'schools/index.html');
    expect(list).not.toMatch(/Место по итогам|Зоны риска: \d/);
  });
});
