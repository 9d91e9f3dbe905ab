import { createServer, type Server } from 'node:http';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../scripts/browser.ts';
import { serve } from '../scripts/serve.ts';
import { UNTIL } from './helpers/wait.ts';
import { pages, read } from './helpers/crawl.ts';
import { parseHTML } from 'linkedom';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let browser: Browser;
let site: { server: Server; url: string };

beforeAll(async () => {
  site = await serve(inject('demoDist'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  site?.server.close();
});

async function open(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  await page.goto(site.url + path.replace(/^\//, ''), { waitUntil: 'load' });
  return { page, errors };
}

/** A page of every type: the home, sections and groups, school pages (a large, a small and a primary school), reports, the rest. */
const PAGES = [
  '/',
  '/ege/',
  '/vpr/rus-4/',
  '/schools/',
  '/schools/105/',
  '/schools/109/',
  '/schools/110/',
  '/indicators/ege.mean/',
  '/reports/2025/',
  '/reports/2025/gia-9/',
  '/analysis/oge/2025/math/',
  '/mechanisms/upbringing/',
  '/kindergartens/304/',
  '/reports/2025/section-2-4/',
  '/roadmap/2026-2027/',
  '/methodology/',
  '/methodology/details/',
  '/glossary/',
  '/search/',
  '/compare/',
  '/opendata/',
  '/context/',
];

/**
 * What hides text from a reader: an element that cuts its content (overflow hidden or clipped, an ellipsis)
 * while the content is wider, and a scrolling box wider than its frame with no cue (the edge shadow) that more is there.
 */
const clipped = () => {
  const out: string[] = [];
  const name = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} «${(el.textContent ?? '').trim().slice(0, 40)}»`;
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.visually-hidden, [popover], svg, .skip')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    // Hidden on purpose for screen readers only: one pixel, clipped.
    if (el.clientWidth <= 1 && el.clientHeight <= 1) continue;
    const wider = el.scrollWidth > el.clientWidth + 1;
    if (!wider) continue;
    if (cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis') out.push(`cut: ${name(el)}`);
    else if (
      (cs.overflowX === 'auto' || cs.overflowX === 'scroll') &&
      el.tagName !== 'TEXTAREA' &&
      !cs.backgroundImage.includes('gradient')
    )
      out.push(`scrolls without a cue: ${name(el)}`);
  }
  return out;
};

/**
 * What a chart's text does wrong at this width (issue 39): a size outside 12–14 CSS px (a drawing scaled with its
 * column), two labels on each other, a label past the drawing's edge. Only the drawing the column shows is measured.
 */
const chartText = () => {
  const out: string[] = [];
  for (const svg of document.querySelectorAll<SVGSVGElement>('.plots > svg')) {
    const box = svg.getBoundingClientRect();
    if (!box.width) continue;
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent!.trim())
      .map((t) => ({ t: t.textContent!.trim(), r: t.getBoundingClientRect(), px: parseFloat(getComputedStyle(t).fontSize) * scale }));
    const where = svg.closest('figure')?.id ?? '';
    for (const { t, r, px } of texts) {
      if (px < 11.95 || px > 14.05) out.push(`${where} «${t}»: ${px.toFixed(1)} px`);
      if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${where} «${t}»: past the edge`);
    }
    for (const [i, a] of texts.entries())
      for (const b of texts.slice(i + 1)) {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 3) out.push(`${where} «${a.t}» on «${b.t}»`);
      }
  }
  return out;
};

// 320 px is a 1280 px screen at 400 % zoom, and a small phone: WCAG reflow.
describe.each([320, 390, 1280])('at %i px', (width) => {
  it.each(PAGES)(
    '%s: no serious accessibility violations, no console errors, no horizontal scroll, no text cut off, chart text at 12–14 px',
    async (path) => {
      const { page, errors } = await open(path, width);
      // Through the DevTools protocol: the page's policy refuses an inline script tag, as it should.
      await page.evaluate(axe.source);
      const result = await page.evaluate(async () =>
        (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
      );
      const bad = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(' | ')}`,
        );
      expect(bad).toEqual([]);
      expect(errors).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await page.evaluate(clipped)).toEqual([]);
      expect(await page.evaluate(chartText)).toEqual([]);
      await page.close();
    },
  );
});

describe('the content security policy', () => {
  it('runs the site’s own scripts and refuses a script injected into the page', async () => {
    const { page } = await open('/schools/', 390);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
    const ran = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done(`refused: ${e.violatedDirective}`), { once: true });
          const s = document.createElement('script');
          s.textContent = 'document.title = "ran"';
          document.body.append(s);
          setTimeout(() => done(document.title === 'ran' ? 'ran' : 'silent'), 1000);
        }),
    );
    expect(ran).toMatch(/^refused: script-src/);
    await page.close();
  });
});

describe('what a reader takes away on a phone', () => {
  it('reads the year’s report in at most 18 000 px, every school page in at most 7 000 px and every mechanism page in at most 10 000 px at 390 px', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    const height = async (path: string) => {
      await page.goto(site.url + path.replace(/^\//, ''), { waitUntil: 'load' });
      return page.evaluate(() => document.documentElement.scrollHeight);
    };
    const schools = pages(inject('demoDist')).filter((p) => /^schools\/[^/]+\/index\.html$/.test(p));
    const mechanisms = pages(inject('demoDist')).filter((p) => /^mechanisms\/[^/]+\/index\.html$/.test(p));
    const tall: string[] = [];
    for (const p of ['reports/2025/index.html', ...schools, ...mechanisms]) {
      const h = await height(`/${p.replace(/index\.html$/, '')}`);
      if (h > (p.startsWith('reports/') ? 18_000 : p.startsWith('mechanisms/') ? 10_000 : 7_000)) tall.push(`${p}: ${h}`);
    }
    expect(mechanisms.length).toBeGreaterThan(5);
    expect(tall).toEqual([]);
    await page.close();
  });
  it('never crosses a school’s name on the context chart with an interval, an expectation tick or the line (measured at 390 px)', async () => {
    const { page } = await open('/context/', 390);
    const crossed = await page.evaluate(() => {
      const out: string[] = [];
      // The chart's own SVG (the legend's keys are small SVGs too): the one with the schools' names.
      const svg = [...document.querySelectorAll('figure.chart svg')].find((x) => x.querySelector('g[font-size="14"] text'))!;
      const texts = [...svg.querySelectorAll('g[font-size="14"] text')].map((t) => ({
        name: t.textContent!,
        r: t.getBoundingClientRect(),
      }));
      const inside = (r: DOMRect, x: number, y: number) => x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1;
      // Intervals and ticks are lines; the fitted line is a path, sampled along its length.
      // Intervals (#444) and expectation ticks (#1a1a1a); not the faint grid, nor a label's own leader line.
      const marks = [...svg.querySelectorAll('line')].filter((l) =>
        ['#444', '#1a1a1a'].includes(l.getAttribute('stroke') ?? l.parentElement?.getAttribute('stroke') ?? ''),
      );
      for (const l of marks) {
        const b = l.getBoundingClientRect();
        for (const t of texts)
          for (let k = 0; k <= 10; k++)
            if (inside(t.r, b.left + ((b.right - b.left) * k) / 10, b.top + ((b.bottom - b.top) * k) / 10)) out.push(`${t.name} × line`);
      }
      for (const p of svg.querySelectorAll('path[stroke]') as NodeListOf<SVGPathElement>) {
        if (p.getAttribute('fill') && p.getAttribute('fill') !== 'none') continue;
        const m = p.getScreenCTM()!;
        for (let d = 0; d <= p.getTotalLength(); d += 2) {
          const q = p.getPointAtLength(d).matrixTransform(m);
          for (const t of texts) if (inside(t.r, q.x, q.y)) out.push(`${t.name} × path`);
        }
      }
      return { marks: marks.length, crossed: [...new Set(out)] };
    });
    expect(crossed.marks).toBeGreaterThan(5);
    expect(crossed.crossed).toEqual([]);
    await page.close();
  });
  it('opens a term’s explanation beside the term, with a control that closes it', async () => {
    const { page } = await open('/ege/rus/', 390);
    const term = page.locator('main button.term').first();
    await term.scrollIntoViewIfNeeded();
    await term.click();
    const pop = page.locator('.term-pop:popover-open');
    await pop.waitFor(UNTIL);
    const [t, p] = [await term.boundingBox(), await pop.boundingBox()];
    // Just below (or above) the term, not in the middle of the screen.
    expect(Math.min(Math.abs(p!.y - (t!.y + t!.height)), Math.abs(t!.y - (p!.y + p!.height)))).toBeLessThan(20);
    await pop.locator('button.term-close').click();
    expect(await page.locator('.term-pop:popover-open').count()).toBe(0);
    await page.close();
  });
});

describe('keyboard and modes', () => {
  it('reaches the school search by keyboard from the top of the page', async () => {
    const { page } = await open('/', 1280);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || ''));
      if (seen[seen.length - 1] === 'site-q') break;
    }
    expect(seen[0]).toBe('Перейти к содержанию');
    expect(seen).toContain('site-q');
    await page.keyboard.type('Лицей');
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=/, UNTIL);
    await page.locator('#results a', { hasText: 'Лицей № 2' }).first().waitFor(UNTIL);
    await page.close();
  });
  it('opens the phone menu by keyboard, with a visible focus, and the header stays under 160 px', async () => {
    const { page } = await open('/schools/105/', 390);
    expect(await page.evaluate(() => document.querySelector('header.site')!.getBoundingClientRect().height)).toBeLessThanOrEqual(160);
    expect(await page.isVisible('nav.main a')).toBe(false);
    let focused = '';
    for (let i = 0; i < 6 && focused !== 'SUMMARY'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
    }
    expect(focused).toBe('SUMMARY');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.isVisible('nav.main a[href$="/schools/"]')).toBe(true);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav.main') !== null)).toBe(true);
    await page.close();
  });
  it('finds the gymnasium by «гимназии» (Russian word forms), asking no other host', async () => {
    const { page } = await open('/search/?q=гимназии', 390);
    const hosts = new Set<string>();
    page.on('request', (r) => hosts.add(new URL(r.url()).host));
    await page.locator('#results a', { hasText: 'Гимназия № 1' }).first().waitFor(UNTIL);
    expect(await page.locator('#results h2').first().textContent()).toMatch(/^Школы/);
    expect([...hosts].every((h) => h === new URL(site.url).host)).toBe(true);
    await page.close();
  });
  it('switches on the version for the visually impaired and keeps it on the next page', async () => {
    const { page } = await open('/', 390);
    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.click('#lv-toggle');
    expect(await page.getAttribute('#lv-toggle', 'aria-pressed')).toBe('true');
    await page.click('details.menu > summary');
    await page.click('nav.main a[href$="/schools/"]');
    await page.waitForURL(/schools\/$/, UNTIL);
    expect(await page.evaluate(() => document.documentElement.classList.contains('lv'))).toBe(true);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(base);
    await page.close();
  });
  it('finds a school as parents type it, first, on the search page and in the school list', async () => {
    for (const [q, want] of [
      ['школа номер 4', 'СОШ № 4'],
      ['школа №4', 'СОШ № 4'],
      ['СОШ4', 'СОШ № 4'],
      ['4 школа', 'СОШ № 4'],
      ['лицей 2', 'Лицей № 2'],
    ]) {
      const { page } = await open(`/search/?q=${encodeURIComponent(q)}`, 390);
      await expect.poll(() => page.locator('#results li a').first().textContent(), UNTIL).toBe(want);
      await page.close();
    }
    const { page } = await open('/schools/', 390);
    await page.fill('#school-filter', 'школа 7');
    await expect.poll(() => page.locator('#school-list > li:not([hidden]) h2').first().textContent(), UNTIL).toBe('СОШ № 7 с УИОП');
    // Nothing fits a typo: the nearest names are offered as links.
    await page.fill('#school-filter', 'гимнозия');
    await expect.poll(() => page.locator('#school-count a').allTextContents(), UNTIL).toEqual(['Гимназия № 1']);
    await page.close();
  });
  it('never starts a line with the punctuation after a term (a bracket alone under a card’s note)', async () => {
    for (const [path, width] of [
      ['/', 390],
      ['/', 320],
      ['/schools/105/', 320],
    ] as const) {
      const { page } = await open(path, width);
      const split = await page.evaluate(() =>
        [...document.querySelectorAll('button.term')].flatMap((b) => {
          // The character after the term: inside its button (after the underlined word) or the text right after it.
          const word = b.querySelector('.term-w') ?? b;
          const node = word === b ? b.nextSibling : b.lastChild;
          const m = node?.nodeType === 3 ? /^\u2060?[.,;:!?»)]/.exec(node.textContent!) : null;
          if (!m) return [];
          const range = document.createRange();
          range.setStart(node!, m[0].length - 1);
          range.setEnd(node!, m[0].length);
          return range.getBoundingClientRect().top > [...word.getClientRects()].at(-1)!.bottom - 2 ? [b.textContent] : [];
        }),
      );
      expect(split, `${path} at ${width}`).toEqual([]);
      await page.close();
    }
  });
  it('shows a school’s section table on a phone as three columns that fit, the whole table on a tick', async () => {
    const { page } = await open('/schools/101/', 390);
    await page.locator('details.section-table > summary').first().click();
    const wrap = page.locator('details.section-table .table-wrap.few').first();
    const [scroll, client] = await wrap.evaluate((w) => [w.scrollWidth, w.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
    expect(
      await wrap.evaluate((w) => [...w.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none').length),
    ).toBe(3);
    await page.locator('details.section-table .cols-toggle label').first().click();
    expect(
      await wrap.evaluate((w) => [...w.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none').length),
    ).toBeGreaterThan(5);
    await page.close();
    const wide = await open('/schools/101/', 1280);
    await wide.page.locator('details.section-table > summary').first().click();
    expect(await wide.page.locator('details.section-table .cols-toggle').first().isVisible()).toBe(false);
    expect(
      await wide.page
        .locator('details.section-table .table-wrap.few')
        .first()
        .evaluate((w) => [...w.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none').length),
    ).toBeGreaterThan(5);
    await wide.page.close();
  });
  it('filters schools by name on the school list', async () => {
    const { page } = await open('/schools/', 390);
    await page.fill('#school-filter', 'оош');
    await expect
      .poll(async () => (await page.locator('#school-list > li:not([hidden]) h2').allTextContents()).sort(), UNTIL)
      .toEqual(['ООШ № 8', 'ООШ с. Заречное'].sort());
    await page.close();
  });
});

describe('embeds', () => {
  /** Every chart's embed code as its page offers it (the first textarea of its «Поделиться и встроить»), by chart id. */
  const codes = new Map<string, string>();
  for (const file of pages(inject('demoDist'))) {
    if (file.startsWith('embed/')) continue;
    for (const t of parseHTML(read(inject('demoDist'), file)).document.querySelectorAll('textarea[id^="s-"]'))
      // A textarea holds RCDATA; linkedom leaves its character references as they are written.
      codes.set(
        t.id.slice(2),
        (t.textContent ?? '').replace(
          /&(lt|gt|quot|#39|amp);/g,
          (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!,
        ),
      );
  }
  const ids = [...codes.keys()].sort();
  let news: Server;
  let newsUrl: string;
  beforeAll(async () => {
    // A news site on another origin: an article column of the asked width holding the code a journalist pasted.
    news = createServer((req, res) => {
      const q = new URL(req.url ?? '/', 'http://x').searchParams;
      const code = (codes.get(q.get('id') ?? '') ?? '').replace(/https:\/\/edu\.severogorsk\.example\.ru\//g, site.url);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="ru"><body style="margin:0"><article style="width:${q.get('w')}px"><p>Текст новости.</p>${code}<p>Конец новости.</p></article></body></html>`,
      );
    });
    await new Promise<void>((ok) => news.listen(0, '127.0.0.1', ok));
    const a = news.address();
    newsUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  });
  afterAll(() => news?.close());

  it('has embed code for every chart of the site', () => {
    expect(ids.length).toBe(readdirSync(join(inject('demoDist'), 'embed')).filter((d) => !/^\d{4}$|\.json$/.test(d)).length);
  });

  /** Where the chart's last mark and its source line end, and how tall the page is, inside a frame or page. */
  const measure = () => {
    const bottom = (el: Element | null | undefined) => (el ? el.getBoundingClientRect().bottom + window.scrollY : Infinity);
    const source = [...document.querySelectorAll('p.note')].find((p) => p.textContent?.trim().startsWith('Источник'));
    return {
      content: Math.ceil(document.body.getBoundingClientRect().height),
      mark: bottom(document.querySelector('figure svg[role="img"]')),
      source: bottom(source),
      view: window.innerHeight,
      wide: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  };

  it.each([320, 600, 1000])(
    'in a %i px news column, the code fits the iframe to the chart: last mark and source line in view',
    async (width) => {
      const page = await browser.newPage({ viewport: { width: width + 40, height: 900 } });
      for (const id of ['ege-mean-rus-schools', 'ege-mean-rus-municipality', 'school-105-ege-mean-rus', 'oge-tasks-math']) {
        await page.goto(`${newsUrl}?w=${width}&id=${id}`);
        const frame = page.frameLocator('iframe');
        await frame.locator('figure svg').first().waitFor(UNTIL);
        const f = page.frames().find((x) => x.url().includes('/embed/'))!;
        // The frame is resized by the message its page sends: wait for the condition, not for time.
        await expect
          .poll(async () => {
            const x = await f.evaluate(measure);
            return x.view >= x.content;
          }, UNTIL)
          .toBe(true);
        const x = await f.evaluate(measure);
        expect(x.source, id).toBeLessThanOrEqual(x.view);
        expect(x.mark, id).toBeLessThanOrEqual(x.view);
        expect(x.wide, id).toBeLessThanOrEqual(0);
        expect(await f.evaluate(() => document.querySelectorAll('nav, footer').length)).toBe(0);
      }
      await page.close();
    },
  );

  it('every embed shows its last mark and source line in the height it reports, at 320, 600 and 1000 px; without scripts the code’s height holds it at 600 px', async () => {
    // The measurement below holds while no style depends on the window's height.
    expect(readFileSync(join(import.meta.dirname, '..', 'src', 'styles', 'site.css'), 'utf8')).not.toMatch(/\d(dvh|svh|lvh|vh)\b/);
    // The embeds are opened as frames of one page of the site's own origin, forty at a time: a frame is a window of
    // its width and height, as the iframe of a news page is, and forty load at once where one page loads one.
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(site.url);
    const cut: string[] = [];
    for (let i = 0; i < ids.length; i += 40) {
      const batch = ids.slice(i, i + 40);
      await page.setContent(
        `<!doctype html><html lang="ru"><body style="margin:0">${batch
          .map((id) => `<iframe src="${site.url}embed/${id}/" style="display:block;border:0;width:320px;height:900px"></iframe>`)
          .join('')}</body></html>`,
        { waitUntil: 'load' },
      );
      const frames = batch.map((id) => page.frames().find((f) => f.url() === `${site.url}embed/${id}/`)!);
      for (const width of [320, 600, 1000]) {
        await page.evaluate((w) => document.querySelectorAll('iframe').forEach((f) => (f.style.width = `${w}px`)), width);
        for (const [k, id] of batch.entries()) {
          // The iframe is given exactly the height the page reports: the last mark and the source line must end within it.
          // (Nothing on an embed page depends on the window's height — no vh in the styles, scrollbars hidden — so
          // positions measured in a 900 px window are those in a window of the reported height.)
          const x = await frames[k].evaluate(measure);
          if (x.source > x.content + 1 || x.mark > x.content + 1 || x.wide > 0) cut.push(`${id} at ${width}: ${JSON.stringify(x)}`);
          const fallback = Number(/height="(\d+)"/.exec(codes.get(id)!)?.[1]);
          if (width === 600 && fallback < x.content) cut.push(`${id}: fallback ${fallback} < ${x.content}`);
        }
      }
    }
    expect(cut).toEqual([]);
    await page.close();
  }, 600_000);
});
