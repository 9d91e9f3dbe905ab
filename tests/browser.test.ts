import { createServer, type Server } from 'node:http';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../scripts/browser.ts';
import { serve } from '../scripts/serve.ts';
import { UNTIL } from './helpers/wait.ts';

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

const PAGES = [
  '/',
  '/ege/',
  '/vpr/rus-4/',
  '/schools/105/',
  '/indicators/ege.mean/',
  '/reports/2025/',
  '/roadmap/2026-2027/',
  '/methodology/',
  '/search/',
  '/compare/',
];

// 320 px is a 1280 px screen at 400 % zoom, and a small phone: WCAG reflow.
describe.each([320, 390, 1280])('at %i px', (width) => {
  it.each(PAGES)('%s: no serious accessibility violations, no console errors, no horizontal scroll', async (path) => {
    const { page, errors } = await open(path, width);
    await page.addScriptTag({ content: axe.source });
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
  let other: Server;
  let otherUrl: string;
  beforeAll(async () => {
    const src = `${site.url}embed/ege-mean-rus-schools/`;
    other = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="ru"><body style="margin:0"><iframe id="f" src="${src}" style="border:0;width:100%;height:900px" title="График"></iframe></body></html>`,
      );
    });
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    const a = other.address();
    otherUrl = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  });
  afterAll(() => other?.close());
  it.each([360, 800])('renders inside an iframe on another origin at %i px without horizontal scrolling', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(otherUrl);
    const frame = page.frameLocator('#f');
    await frame.locator('figure[data-chart-id="ege-mean-rus-schools"] svg').first().waitFor(UNTIL);
    const f = page.frames().find((x) => x.url().includes('/embed/'))!;
    expect(await f.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await f.evaluate(() => document.querySelectorAll('nav, footer').length)).toBe(0);
    await page.close();
  });
});
