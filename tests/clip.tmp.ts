import { launchChromium } from '../scripts/browser.ts';
import axe from 'axe-core';
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
  '/reports/2025/section-2-4/',
  '/roadmap/2026-2027/',
  '/methodology/',
  '/methodology/details/',
  '/glossary/',
  '/search/',
  '/compare/',
  '/opendata/',
];
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
const b = await launchChromium();
for (const w of [320, 390, 1280])
  for (const path of PAGES) {
    const p = await b.newPage({ viewport: { width: w, height: 900 } });
    await p.goto('http://127.0.0.1:4321' + path);
    const c = await p.evaluate(clipped);
    await p.addScriptTag({ content: axe.source });
    const r = await p.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
    const bad = r.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v: any) =>
          v.id +
          ': ' +
          v.nodes
            .slice(0, 2)
            .map((n: any) => n.target.join(' '))
            .join(' | '),
      );
    const over = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (c.length || bad.length || over > 0) console.log(w, path, over, JSON.stringify(c.slice(0, 4)), JSON.stringify(bad));
    await p.close();
  }
await b.close();
