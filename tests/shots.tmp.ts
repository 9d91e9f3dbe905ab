import { launchChromium } from '../scripts/browser.ts';
const b = await launchChromium();
for (const spec of process.argv.slice(2)) {
  const [path, w, sel, name, hs] = spec.split('|');
  const p = await b.newPage({ viewport: { width: Number(w), height: Number(hs || 900) } });
  await p.goto('http://127.0.0.1:4321' + path);
  if (sel)
    await p
      .locator(sel)
      .first()
      .evaluate((e) => e.scrollIntoView());
  await p.screenshot({ path: `/tmp/shot-${name}.png` });
  const h = await p.evaluate(() => document.documentElement.scrollHeight);
  console.log(name, 'page height', h);
  await p.close();
}
await b.close();
