/**
 * The first stage of a build, run by scripts/build.ts (which holds the lock
 * and watches it): validate data/ → compute → chart files, pages (Astro) and
 * open data into a working folder beside the output folder. It ends by
 * writing what the finish stage (scripts/finish-site.ts) needs, and exits:
 * with it goes the memory of the model. On any data error nothing is written
 * and the previous dist/ stays.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine } from '../src/lib/publish/args.ts';
import { count, formatNumber, plural } from '../src/lib/words/format.ts';
import { checkData } from '../src/lib/model/check.ts';
import { slipsLine } from '../src/lib/data/report.ts';
import { isFrozen } from '../src/lib/releases/frozen.ts';
import { stageProcess } from '../src/lib/publish/stage-process.ts';
import { HeapPeak, heapLine } from '../src/lib/publish/progress.ts';
import { clearAstroWork, recover, workingFolders, workspace } from '../src/lib/publish/workspace.ts';

const root = process.cwd();
const dataDir = resolve(process.env.MSOKO_DATA_DIR ?? 'data');
const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const w = workspace(outDir, process.pid);
const tmp = process.env.MSOKO_TMP_DIR ?? w.tmp;
/** Astro's own working folder for this build, inside the project (see the pages stage). */
const astroWork = join(root, '.astro', `build-${process.pid}`);
const scratch = [...workingFolders(tmp), astroWork];
const { crash, progress, mark, done } = stageProcess(scratch);
const t0 = performance.now();

for (const line of recover(w)) console.log(`Перед сборкой: ${line}.`);
clearAstroWork(root);

mark('чтение и проверка данных');
// `npm run release -- 2026-2`: a label on the command line comes before MSOKO_RELEASE and site.yaml (checked by scripts/build.ts).
const args = commandLine(process.argv.slice(2));
if ('error' in args) {
  console.error(args.error);
  process.exit(1);
}
const { freeze, label } = args;
const heap = new HeapPeak();
const { model, log, lines } = checkData(dataDir, label ? { ...process.env, MSOKO_RELEASE: label } : process.env, { freezing: freeze });
for (const line of lines) console.log(line);
const slips = slipsLine(log.items);
if (slips) console.log(`\n${slips}\n`);
if (log.errors.length > 0) {
  const e = log.errors.length;
  console.error(`\nСборка остановлена: ${e} ${plural(e, ['ошибка', 'ошибки', 'ошибок'])} в данных. Папка ${outDir} не изменена.`);
  process.exit(1);
}
const { release } = model;
if (freeze) {
  const from = label
    ? 'из командной строки'
    : process.env.MSOKO_RELEASE
      ? 'из переменной MSOKO_RELEASE'
      : model.data.config.site.release
        ? 'из site.release в site.yaml'
        : 'последний год данных';
  console.log(`Метка выпуска: ${release} (${from}).`);
}
if (freeze && isFrozen(dataDir, release)) {
  console.error(
    `Выпуск ${release} уже зафиксирован (папка ${join(dataDir, 'releases', release)}): зафиксированный выпуск не меняется. Чтобы опубликовать исправление, задайте новую метку (site.release в site.yaml или переменная MSOKO_RELEASE, например ${release}-2) и запишите исправление в журнал (corrections в site.yaml). Папка ${outDir} не изменена.`,
  );
  process.exit(1);
}
// What renders the site is loaded once the data are known to be good: a build that stops on data stops at once.
const { renderSite } = await import('../src/lib/publish/render.ts');
const rows = model.data.sources.reduce((a, s) => a + s.rows, 0);
const size = `${count(model.data.sources.length, ['файл', 'файла', 'файлов'])}, ${count(rows, ['строка', 'строки', 'строк'])}, ${count(model.data.schools.length, ['школа', 'школы', 'школ'])}`;
console.log(
  `Данные прочитаны и посчитаны за ${formatNumber((performance.now() - t0) / 1000, 1)} с: ${size}, ${count(model.ix.values.length, ['значение', 'значения', 'значений'])} показателей; пик памяти ${formatNumber(process.resourceUsage().maxRSS / 1024, 0)} МБ, ${heapLine(heap.stop())}.`,
);
const d = model.disclosure;
console.log(
  `Скрыто значений маленьких групп: ${formatNumber(d.primary, 0)}; вторичным скрытием, чтобы их нельзя было вычислить: ${formatNumber(d.secondary, 0)} (проверка ${formatNumber(d.checked, 0)} скрытых чисел за ${formatNumber(d.seconds, 1)} с).`,
);
const changes = model.changes.find((c) => c.release === release);
if (changes)
  console.log(
    `Что изменилось по сравнению с выпуском ${changes.since}: ${count(changes.changed.length, ['опубликованное значение', 'опубликованных значения', 'опубликованных значений'])} (список — в отчёте о сборке и на странице «Выпуски данных»)${changes.yearsAdded.length ? `; добавлены годы ${changes.yearsAdded.join(', ')}` : ''}${changes.schoolsAdded.length ? `; новых школ: ${changes.schoolsAdded.length}` : ''}.`,
  );

for (const d of scratch) rmSync(d, { recursive: true, force: true });
try {
  const rendered = await renderSite(model, { root, tmp, astroWork, freeze, progress, mark, size });
  const plan = {
    ...rendered,
    size,
    release,
    today: model.today,
    releases: model.releases.map((r) => r.release),
    freeze,
    seconds: (performance.now() - t0) / 1000,
    peak: { own: process.resourceUsage().maxRSS * 1024, tree: progress.peak.tree },
  };
  writeFileSync(`${tmp}-plan.json`, JSON.stringify(plan));
} catch (e) {
  // No stack trace for the person: it goes to the log, and the supervisor says what to do.
  crash(e);
}
done();
