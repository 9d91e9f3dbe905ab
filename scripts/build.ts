/**
 * The build: validate data/ → compute → Astro renders pages into a temporary
 * folder → open data and chart files are added → the folder replaces dist/.
 * On any data error nothing is written and the previous dist/ stays.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { issueLines } from '../src/lib/data/report.ts';
import { plural } from '../src/lib/format.ts';
import { buildModel, setModel } from '../src/lib/model.ts';
import { openDataFiles } from '../src/lib/opendata/write.ts';
import { chartFiles } from '../src/lib/charts/files.ts';
import { finishCharts } from '../src/lib/charts/finish.ts';
import { searchIndex } from '../src/lib/search-index.ts';

const root = process.cwd();
const dataDir = resolve(process.env.MSOKO_DATA_DIR ?? 'data');
const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const t0 = performance.now();

const { model, log } = buildModel(dataDir);
for (const line of issueLines(log.items)) console.log(line);
if (log.errors.length > 0) {
  const e = log.errors.length;
  console.error(`\nСборка остановлена: ${e} ${plural(e, ['ошибка', 'ошибки', 'ошибок'])} в данных. Папка ${outDir} не изменена.`);
  process.exit(1);
}
const tCompute = performance.now();
console.log(`Данные прочитаны и посчитаны за ${((tCompute - t0) / 1000).toFixed(1)} с: ${model.ix.values.length} значений показателей.`);
setModel(model);

const tmp = join(dirname(outDir), `.dist-tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
try {
  const cfg = model.data.config.site;
  await build({ root, outDir: tmp, site: cfg.url, base: cfg.base, logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn' });
  const write = (rel: string, content: string | Uint8Array) => {
    const path = join(tmp, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  for (const [name, content] of openDataFiles(model)) write(`opendata/${name}`, content);
  const svgs: string[] = [];
  for (const [name, content] of chartFiles(model)) {
    write(`charts/${name}`, content);
    if (name.endsWith('.svg')) svgs.push(join(tmp, 'charts', name));
  }
  await finishCharts(svgs);
  const charts = svgs.length;
  await searchIndex(tmp);
  // Frozen embeds of earlier releases stay, so old news posts keep working.
  const manifest = join(outDir, 'embed', 'releases.json');
  const releases: string[] = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')) : [];
  for (const r of releases) {
    const from = join(outDir, 'embed', r);
    if (r !== model.release && existsSync(from)) cpSync(from, join(tmp, 'embed', r), { recursive: true });
  }
  write('embed/releases.json', JSON.stringify([...new Set([...releases, model.release])].sort()) + '\n');
  // Swap in one step, so a server never sees a half-written site.
  const old = join(dirname(outDir), `.dist-old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  console.log(`Сайт собран в ${outDir} за ${((performance.now() - t0) / 1000).toFixed(1)} с (графиков: ${charts}; пиковая память сборки ${Math.round(process.resourceUsage().maxRSS / 1024)} МБ).`);
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('Сборка не удалась; прежняя версия сайта не изменена.');
  console.error(e);
  process.exit(1);
}
