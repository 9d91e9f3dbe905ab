/**
 * The build: validate data/ → compute → Astro renders pages into a temporary
 * folder → open data and chart files are added → the folder replaces dist/.
 * On any data error nothing is written and the previous dist/ stays.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { issueLines } from '../src/lib/data/report.ts';
import { plural } from '../src/lib/format.ts';
import { buildModel, setModel } from '../src/lib/model.ts';
import { openDataFiles } from '../src/lib/opendata/write.ts';
import { chartFiles } from '../src/lib/charts/files.ts';
import { finishCharts } from '../src/lib/charts/finish.ts';
import { freezeRelease, isFrozen, unpackRelease } from '../src/lib/releases.ts';
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
const freeze = process.argv.includes('--freeze');
if (freeze && isFrozen(dataDir, model.release)) {
  console.error(`Выпуск ${model.release} уже зафиксирован (папка ${join(dataDir, 'releases', model.release)}): зафиксированный выпуск не меняется. Чтобы опубликовать исправление, задайте новую метку (site.release в site.yaml или переменная MSOKO_RELEASE, например ${model.release}-2) и запишите исправление в журнал (corrections в site.yaml). Папка ${outDir} не изменена.`);
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
  // Frozen releases are published exactly as they were frozen (data/releases/), the current one too once frozen.
  for (const r of model.releases) {
    rmSync(join(tmp, 'embed', r.release), { recursive: true, force: true });
    unpackRelease(dataDir, r.release, join(tmp, 'embed', r.release));
  }
  write('embed/releases.json', JSON.stringify([...new Set([...model.releases.map((r) => r.release), model.release])].sort()) + '\n');
  // Swap in one step, so a server never sees a half-written site.
  const old = join(dirname(outDir), `.dist-old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmp, outDir);
  rmSync(old, { recursive: true, force: true });
  if (freeze) {
    freezeRelease(dataDir, { release: model.release, date: model.today }, join(outDir, 'embed', model.release));
    console.log(`Выпуск ${model.release} зафиксирован в ${join(dataDir, 'releases', model.release)}: его графики для встраивания будут публиковаться без изменений при каждой следующей сборке. Сохраните эту папку вместе с данными.`);
  }
  console.log(`Сайт собран в ${outDir} за ${((performance.now() - t0) / 1000).toFixed(1)} с (графиков: ${charts}; пиковая память сборки ${Math.round(process.resourceUsage().maxRSS / 1024)} МБ).`);
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('Сборка не удалась; прежняя версия сайта не изменена.');
  console.error(e);
  process.exit(1);
}
