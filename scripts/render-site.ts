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
import { count, formatNumber, formatTime, plural } from '../src/lib/words/format.ts';
import { Progress } from '../src/lib/publish/progress.ts';
import { checkData } from '../src/lib/model/check.ts';
import { setModel } from '../src/lib/model/handoff.ts';
import { freezeRelease, isFrozen, unpackRelease } from '../src/lib/releases/frozen.ts';
import { CHANGES_COLUMNS, changesRows, numbersOf, packNumbers } from '../src/lib/releases/changes.ts';
import { toCsv } from '../src/lib/files/csv.ts';
import { SUMS, writeChecksums } from '../src/lib/publish/checksums.ts';
import { takeLock } from '../src/lib/publish/lock.ts';
import { clearAstroWork, CRASH, recover, swapIn, workspace } from '../src/lib/publish/workspace.ts';

const supervised = process.env.MSOKO_SUPERVISED === '1';
const root = process.cwd();
const dataDir = resolve(process.env.MSOKO_DATA_DIR ?? 'data');
const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const w = workspace(outDir, process.pid);
const tmp = process.env.MSOKO_TMP_DIR ?? w.tmp;
/** Astro's own working folder for this build, inside the project (see the pages stage). */
const astroWork = join(root, '.astro', `build-${process.pid}`);
const scratch = [tmp, `${tmp}-charts`, `${tmp}-astro-cache`, astroWork];
/** An unexpected failure: its stack goes to the supervisor's log (scripts/build.ts), which tells the person what to do. */
function crash(e: unknown): never {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
  if (supervised) writeSync(2, `${CRASH}\n`);
  console.error((e as Error)?.stack ?? e);
  process.exit(70);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// The supervisor is gone (killed): stop too, leaving dist/ as it was; the next build clears what is left.
process.on('disconnect', () => {
  for (const d of scratch) rmSync(d, { recursive: true, force: true });
  process.exit(2);
});
const progress = new Progress();
/** Tells the supervisor (scripts/build.ts) which stage runs, for a message if the process dies. */
const mark = (stage: string, size = '') => process.send?.({ stage, size });
const t0 = performance.now();

// One build of an output folder at a time.
const lock = takeLock(w.lock);
if ('failed' in lock) {
  console.error(
    `Не удалось начать сборку в папке ${outDir}: рядом с ней нельзя записать файлы (${lock.failed}). Проверьте, что путь ведёт в папку (а не в файл) и что в неё можно записывать, или укажите другую папку переменной MSOKO_OUT_DIR.`,
  );
  process.exit(1);
}
if ('holder' in lock) {
  const { holder } = lock;
  const since = holder.started ? ` с ${formatTime(holder.started)}` : '';
  console.error(
    `Папку ${outDir} уже собирает другая сборка (процесс ${holder.pid}${holder.host ? ` на компьютере ${holder.host}` : ''}${since}). Дождитесь её окончания и запустите сборку снова. Если той сборки точно нет (компьютер перезагружали), удалите файл ${w.lock}.`,
  );
  process.exit(1);
}
for (const line of recover(w)) console.log(`Перед сборкой: ${line}.`);
clearAstroWork(root);

mark('чтение и проверка данных');
const freeze = process.argv.includes('--freeze');
const { model, log, lines } = checkData(dataDir, process.env, { freezing: freeze });
for (const line of lines) console.log(line);
if (log.errors.length > 0) {
  const e = log.errors.length;
  console.error(`\nСборка остановлена: ${e} ${plural(e, ['ошибка', 'ошибки', 'ошибок'])} в данных. Папка ${outDir} не изменена.`);
  process.exit(1);
}
if (freeze && isFrozen(dataDir, model.release)) {
  console.error(
    `Выпуск ${model.release} уже зафиксирован (папка ${join(dataDir, 'releases', model.release)}): зафиксированный выпуск не меняется. Чтобы опубликовать исправление, задайте новую метку (site.release в site.yaml или переменная MSOKO_RELEASE, например ${model.release}-2) и запишите исправление в журнал (corrections в site.yaml). Папка ${outDir} не изменена.`,
  );
  process.exit(1);
}
// What renders the site is loaded once the data are known to be good: a build that stops on data stops at once.
const [
  { build },
  { writeArchivedEmbeds },
  { catalog },
  { openDataChunks },
  { fontFace, svgChars, withFont },
  { chartFiles },
  { pngQueue },
  { searchIndex },
  { reportDocument },
  { documentPages, documentPath },
] = await Promise.all([
  import('astro'),
  import('../src/lib/publish/embeds.ts'),
  import('../src/lib/figures/catalog.ts'),
  import('../src/lib/opendata/write.ts'),
  import('../src/lib/charts/files.ts'),
  import('../src/lib/publish/chart-files.ts'),
  import('../src/lib/charts/finish.ts'),
  import('../src/lib/publish/search.ts'),
  import('../src/lib/publish/documents/write.ts'),
  import('../src/lib/reports/briefs.ts'),
]);
const tCompute = performance.now();
const rows = model.data.sources.reduce((a, s) => a + s.rows, 0);
const size = `${count(model.data.sources.length, ['файл', 'файла', 'файлов'])}, ${count(rows, ['строка', 'строки', 'строк'])}, ${count(model.data.schools.length, ['школа', 'школы', 'школ'])}`;
console.log(
  `Данные прочитаны и посчитаны за ${formatNumber((tCompute - t0) / 1000, 1)} с: ${size}, ${count(model.ix.values.length, ['значение', 'значения', 'значений'])} показателей; память ${formatNumber(process.memoryUsage.rss() / 1048576, 0)} МБ.`,
);
const changes = model.changes.find((c) => c.release === model.release);
if (changes)
  console.log(
    `Что изменилось по сравнению с выпуском ${changes.since}: ${count(changes.changed.length, ['опубликованное значение', 'опубликованных значения', 'опубликованных значений'])} (список — в отчёте о сборке и на странице «Выпуски данных»)${changes.yearsAdded.length ? `; добавлены годы ${changes.yearsAdded.join(', ')}` : ''}${changes.schoolsAdded.length ? `; новых школ: ${changes.schoolsAdded.length}` : ''}.`,
  );
setModel(model);

for (const d of scratch) rmSync(d, { recursive: true, force: true });
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
        // Astro puts its intermediate server build in <working directory>/.astro/ when the output folder
        // lies outside it (a folder every build would share), and its content cache in node_modules/.astro:
        // both are made this build's own — the first inside the project, where its chunks find
        // node_modules — so that two builds of different data at the same time never read each other's files.
        mkdirSync(astroWork, { recursive: true });
        process.chdir(astroWork);
        await build({
          root,
          outDir: tmp,
          cacheDir: `${tmp}-astro-cache`,
          site: cfg.url,
          base: cfg.base,
          logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn',
        });
        process.chdir(root);
        for (const d of [astroWork, `${tmp}-astro-cache`]) rmSync(d, { recursive: true, force: true });
      } finally {
        clearInterval(timer);
      }
      // The archived embeds of a release being frozen: copies of the live ones with their address and note changed.
      if (freeze) writeArchivedEmbeds(model, tmp);
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
    // What each release changed, as the releases page offers it for download.
    for (const c of model.changes)
      if (c.changed.length > 0) write(`releases/${c.release}-changes.csv`, toCsv(CHANGES_COLUMNS, changesRows(c)));
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
  mark('документы');
  await progress.stage(
    'Документы Word',
    async () => {
      const pages = documentPages(model);
      const png = (id: string) => {
        const p = join(tmp, 'charts', `${id}.png`);
        return existsSync(p) ? readFileSync(p) : undefined;
      };
      for (const path of pages)
        write(documentPath(path), await reportDocument(model, path, readFileSync(join(tmp, path, 'index.html'), 'utf8'), png));
      return pages.length;
    },
    (n) => count(n, ['документ', 'документа', 'документов']),
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
  // The release is frozen (in one rename) before the site is swapped in: a build killed between the two
  // leaves the old site and a complete release, which the next build publishes.
  if (freeze)
    freezeRelease(
      dataDir,
      { release: model.release, date: model.today },
      join(tmp, 'embed', model.release),
      packNumbers(numbersOf(model.ix.values, model.data.schools, model.ix.years)),
    );
  mark('контрольные суммы');
  const listed = writeChecksums(tmp);
  // Swap in with two renames, so a server never sees a half-written site.
  mark('замена сайта');
  swapIn({ ...w, tmp });
  if (freeze) {
    console.log(
      `Выпуск ${model.release} зафиксирован в ${join(dataDir, 'releases', model.release)}: его графики для встраивания будут публиковаться без изменений при каждой следующей сборке. Сохраните эту папку вместе с данными.`,
    );
  }
  console.log(
    `Контрольные суммы ${count(listed, ['файла', 'файлов', 'файлов'])} — в ${join(outDir, SUMS)} (проверка загрузки: sha256sum -c SHA256SUMS или npm run verify).`,
  );
  mark('готово');
  console.log(
    `Сайт собран в ${outDir} за ${formatNumber((performance.now() - t0) / 1000, 1)} с (графиков: ${charts}; пиковая память сборки ${formatNumber(process.resourceUsage().maxRSS / 1024, 0)} МБ).`,
  );
} catch (e) {
  // No stack trace for the person: it goes to the log, and the supervisor says what to do.
  crash(e);
}
lock.release();
// Done: the channel to the supervisor must not keep this process waiting.
process.removeAllListeners('disconnect');
process.channel?.unref();

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
}
