import { launchChromium } from '/work/main/scripts/browser.ts';
const b = await launchChromium();
const list = process.argv.slice(2);
for (const spec of list) {
  const [path, w, full, name] = spec.split('|');
  const p = await b.newPage({ viewport: { width: Number(w), height: 900 } });
  await p.goto('http://127.0.0.1:4321' + path);
  const h = await p.evaluate(() => document.documentElement.scrollHeight);
  await p.screenshot({
    path: `/tmp/shot-${name}.png`,
    fullPage: full === '1',
    clip: full === '1' ? { x: 0, y: 0, width: Number(w), height: Math.min(h, 4000) } : undefined,
  });
  console.log(name, 'height', h);
  await p.close();
}
await b.close();
