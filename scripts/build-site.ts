/**
 * The build itself, run by scripts/build.ts (which watches it): validate
 * data/ → compute → Astro renders pages into a temporary folder → open data,
 * chart files and the search index are added → the folder replaces dist/.
 * On any data error nothing is written and the previous dist/ stays. Each
 * stage prints a line (and progress on long ones); «@stage» lines tell the
 * supervisor where a crash happened.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { issueLines } from '../src/lib/data/report.ts';
import { count, formatNumber, plural } from '../src/lib/format.ts';
import { writeArchivedEmbeds } from '../src/lib/embeds.ts';
import { catalog } from '../src/lib/charts/catalog.ts';
import { Progress } from '../src/lib/progress.ts';
import { buildModel, setModel } from '../src/lib/model.ts';
import { openDataChunks } from '../src/lib/opendata/write.ts';
import { chartFiles, fontFace, svgChars, withFont } from '../src/lib/charts/files.ts';
import { pngQueue } from '../src/lib/charts/finish.ts';
import { freezeRelease, isFrozen, unpackRelease } from '../src/lib/releases.ts';
import { searchIndex } from '../src/lib/search-index.ts';

const supervised = process.env.MSOKO_SUPERVISED === '1';
const root = process.cwd();
/** An unexpected failure: its stack goes to the supervisor's log (scripts/build.ts), which tells the person what to do. */
function crash(e: unknown): never {
  if (supervised) writeSync(3, '@crash\n');
  console.error((e as Error)?.stack ?? e);
  process.exit(70);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
const progress = new Progress();
/** Tells the supervisor (scripts/build.ts) which stage runs, for a message if the process dies. */
const mark = (stage: string, size = '') => {
  if (supervised) writeSync(3, `${stage}\t${size}\n`);
};
const dataDir = resolve(process.env.MSOKO_DATA_DIR ?? 'data');
const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const t0 = performance.now();

mark('чтение и проверка данных');
const { model, log } = buildModel(dataDir);
for (const line of issueLines(log.items)) console.log(line);
if (log.errors.length > 0) {
  const e = log.errors.length;
  console.error(`\nСборка остановлена: ${e} ${plural(e, ['ошибка', 'ошибки', 'ошибок'])} в данных. Папка ${outDir} не изменена.`);
  process.exit(1);
}
const freeze = process.argv.includes('--freeze');
if (freeze && isFrozen(dataDir, model.release)) {
  console.error(
    `Выпуск ${model.release} уже зафиксирован (папка ${join(dataDir, 'releases', model.release)}): зафиксированный выпуск не меняется. Чтобы опубликовать исправление, задайте новую метку (site.release в site.yaml или переменная MSOKO_RELEASE, например ${model.release}-2) и запишите исправление в журнал (corrections в site.yaml). Папка ${outDir} не изменена.`,
  );
  process.exit(1);
}
const tCompute = performance.now();
const rows = model.data.sources.reduce((a, s) => a + s.rows, 0);
const size = `${count(model.data.sources.length, ['файл', 'файла', 'файлов'])}, ${count(rows, ['строка', 'строки', 'строк'])}, ${count(model.data.schools.length, ['школа', 'школы', 'школ'])}`;
console.log(
  `Данные прочитаны и посчитаны за ${formatNumber((tCompute - t0) / 1000, 1)} с: ${size}, ${count(model.ix.values.length, ['значение', 'значения', 'значений'])} показателей; память ${formatNumber(process.memoryUsage.rss() / 1048576, 0)} МБ.`,
);
setModel(model);

const tmp = process.env.MSOKO_TMP_DIR ?? join(dirname(outDir), `.dist-tmp-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
try {
  const cfg = model.data.config.site;
  const charts = catalog(model).all.size;
  const write = (rel: string, content: string | Uint8Array, under = tmp) => {
    const path = join(under, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  // Chart files first, into a folder of their own: their PNGs are drawn by other processes,
  // on the other core, while this one renders the pages.
  const chartDir = `${tmp}-charts`;
  rmSync(chartDir, { recursive: true, force: true });
  let pngDone = 0;
  const pngs = pngQueue((done) => (pngDone = done));
  const chars = new Set<string>();
  mark('файлы графиков', `${charts} графиков`);
  const svgs = await progress.stage(
    'Файлы графиков (SVG, CSV, ZIP)',
    async (tick) => {
      const list: string[] = [];
      for (const [name, content] of chartFiles(model)) {
        write(name, content, chartDir);
        if (!name.endsWith('.svg')) continue;
        const path = join(chartDir, name);
        list.push(path);
        for (const ch of svgChars(content as string)) chars.add(ch);
        pngs.add(path);
        tick(list.length, charts);
        // Let finished renderers hand over and new ones start.
        if (list.length % 25 === 0) await new Promise((r) => setImmediate(r));
      }
      return list;
    },
    (l) => count(l.length, ['график', 'графика', 'графиков']),
  );
  // Pages Astro renders: every chart's embed, schools, indicators and the rest (an estimate for «осталось»).
  const expected = charts + model.data.schools.length + model.ix.years.length * 8 + 150;
  mark('страницы', `${size}, около ${expected} страниц`);
  await progress.stage(
    'Страницы',
    async (tick) => {
      // Astro renders pages one by one: their count in the output folder is the progress.
      const timer = setInterval(() => tick(countHtml(tmp), expected), 1000);
      try {
        await build({ root, outDir: tmp, site: cfg.url, base: cfg.base, logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn' });
      } finally {
        clearInterval(timer);
      }
      // The archived embeds of this release: copies of the live ones with their address and note changed.
      writeArchivedEmbeds(model, tmp);
      return countHtml(tmp);
    },
    (n) => count(n, ['страница', 'страницы', 'страниц']),
  );
  mark('открытые данные', size);
  await progress.stage('Открытые данные', () => {
    mkdirSync(join(tmp, 'opendata'), { recursive: true });
    for (const [name, chunks] of openDataChunks(model)) {
      const fd = openSync(join(tmp, 'opendata', name), 'w');
      try {
        for (const c of chunks()) writeSync(fd, c);
      } finally {
        closeSync(fd);
      }
    }
  });
  mark('картинки PNG', `${charts} графиков`);
  await progress.stage(
    'Картинки PNG',
    async (tick) => {
      const timer = setInterval(() => tick(pngDone, charts), 1000);
      try {
        await pngs.finish();
      } finally {
        clearInterval(timer);
      }
      // The glyphs every chart needs, subset once, go into each SVG file (after the PNGs: they are drawn without it).
      const face = await fontFace(chars);
      for (const path of svgs) writeFileSync(path, withFont(readFileSync(path, 'utf8'), face));
      renameSync(chartDir, join(tmp, 'charts'));
      return svgs.length;
    },
    (n) => count(n, ['картинка', 'картинки', 'картинок']),
  );
  mark('поиск');
  await progress.stage(
    'Поиск',
    () => searchIndex(tmp),
    (n) => `${count(n, ['страница', 'страницы', 'страниц'])} в индексе`,
  );
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
    console.log(
      `Выпуск ${model.release} зафиксирован в ${join(dataDir, 'releases', model.release)}: его графики для встраивания будут публиковаться без изменений при каждой следующей сборке. Сохраните эту папку вместе с данными.`,
    );
  }
  mark('готово');
  console.log(
    `Сайт собран в ${outDir} за ${formatNumber((performance.now() - t0) / 1000, 1)} с (графиков: ${charts}; пиковая память сборки ${formatNumber(process.resourceUsage().maxRSS / 1024, 0)} МБ).`,
  );
} catch (e) {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(`${tmp}-charts`, { recursive: true, force: true });
  // No stack trace for the person: it goes to the log, and the supervisor says what to do.
  crash(e);
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
}
