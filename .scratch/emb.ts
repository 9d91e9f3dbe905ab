import { launchChromium } from '../scripts/browser.ts';
import { serve } from '../scripts/serve.ts';
import { readdirSync } from 'node:fs';
const site = await serve('dist');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
const ids = readdirSync('dist/embed').filter((d) => !/^\d{4}$|\.json$/.test(d)).slice(0, 100);
const measure = () => ({ content: Math.ceil(document.body.getBoundingClientRect().height) });
let tGo = 0, tResize = 0, tEval = 0;
for (const id of ids) {
  let t = performance.now();
  await page.goto(`${site.url}embed/${id}/`);
  tGo += performance.now() - t;
  for (const width of [320, 600, 1000]) {
    t = performance.now();
    await page.setViewportSize({ width, height: 900 });
    tResize += performance.now() - t; t = performance.now();
    const { content } = await page.evaluate(measure);
    tEval += performance.now() - t; t = performance.now();
    await page.setViewportSize({ width, height: content });
    tResize += performance.now() - t; t = performance.now();
    await page.evaluate(measure);
    tEval += performance.now() - t;
  }
}
console.log({ tGo, tResize, tEval });
await browser.close(); site.server.close();
