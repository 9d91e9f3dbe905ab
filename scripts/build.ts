/**
 * `npm run build`: holds the lock on the output folder and runs the build in
 * two child processes, one after the other — rendering (scripts/render-site.ts:
 * the data, the model, chart files, pages, open data) and finishing
 * (scripts/finish-site.ts: pictures, documents, search, the swap into dist/) —
 * so that the memory of the model is gone before the last stages start. It
 * watches them: whatever happens, the person who started it gets a Russian
 * answer, never a stack trace. Running out of memory or a crash ends with
 * what happened, at which stage, on how much data and what to do, and the
 * previous dist/ stays as it was. Details go to build-error.log.
 */
import { fork } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandLine } from '../src/lib/publish/args.ts';
import { takeLock } from '../src/lib/publish/lock.ts';
import { formatNumber, formatTime } from '../src/lib/words/format.ts';
import { dataFiles, stageHeap } from '../src/lib/publish/heap.ts';
import { CRASH, recover, workingFolders, workspace } from '../src/lib/publish/workspace.ts';

// What follows `--` is checked before anything else happens.
const args = commandLine(process.argv.slice(2));
if ('error' in args) {
  console.error(args.error);
  process.exit(1);
}
const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const w = workspace(outDir, process.pid);
// The heap of each stage: bounded so that the build, with its renderers and the search indexer, stays within 1,5 GB
// for a region; a larger data folder gets more, as far as free memory allows (publish/heap.ts).
const files = dataFiles(resolve(process.env.MSOKO_DATA_DIR ?? 'data'));
const { mb: heap, why } = stageHeap(process.env, files);
if (why) console.log(`Память для каждого этапа сборки: ${formatNumber(heap, 0)} МБ (${why}).`);
// Beside the output folder: for the default dist/, in the project folder.
const logFile = join(dirname(outDir), 'build-error.log');

// One build of an output folder at a time, from the first stage to the last.
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

const { working } = lock;

let stage = 'запуск';
let size = '';
/** What holds the most memory in the running stage, as the stage says. */
let consumer = '';

/** Runs a stage to its end; resolves when it ends well, otherwise says what happened and exits. */
function run(script: string): Promise<void> {
  // An IPC channel carries the stages; when this process dies, the channel closes and the stage stops too.
  const child = fork(join(import.meta.dirname, script), process.argv.slice(2), {
    // `gc` lets a stage give the pages V8 keeps resident back to the system (publish/memory.ts).
    // The DOM the charts are drawn into, lighter (scripts/dom-hooks.ts), before the stage's own modules load.
    execArgv: [`--max-old-space-size=${heap}`, '--expose-gc', `--import=${pathToFileURL(join(import.meta.dirname, 'dom-hooks.ts')).href}`],
    env: { ...process.env, MSOKO_TMP_DIR: w.tmp, MSOKO_SUPERVISED: '1', MSOKO_STAGE_HEAP_MB: String(heap) },
    stdio: ['inherit', 'inherit', 'pipe', 'ipc'],
  });
  working(child.pid!);
  child.on('message', (m: { stage: string; size?: string; consumer?: string }) => {
    stage = m.stage;
    if (m.size) size = m.size;
    consumer = m.consumer ?? '';
  });
  // Stderr is passed on line by line until the engine starts to die: from then on it only goes to the log.
  const raw: string[] = [];
  let dying = false;
  let partial = '';
  child.stderr!.on('data', (b: Buffer) => {
    const text = partial + b.toString('utf8');
    const lines = text.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      // The stage caught a crash of its own: what follows is a stack trace, for the log only.
      if (line === CRASH) {
        dying = true;
        continue;
      }
      raw.push(line);
      if (/^<--- Last few GCs|^FATAL ERROR|JavaScript heap out of memory|^#\s+Fatal/.test(line)) dying = true;
      if (!dying) process.stderr.write(`${line}\n`);
    }
  });
  return new Promise((done) =>
    child.on('exit', (code, signal) => {
      if (partial) raw.push(partial);
      if (code === 0) return done();
      for (const d of workingFolders(w.tmp)) rmSync(d, { recursive: true, force: true });
      // A stage killed while it swapped the site in: put the old site back at once (this process holds the lock).
      recover(w);
      // 1: the stage stopped on its own terms (bad data, a release frozen already) and has said why.
      if (code === 1 && !dying) process.exit(1);
      const memory = code !== 70 && (signal === 'SIGKILL' || raw.some((l) => /heap out of memory|Reached heap limit/.test(l)));
      writeFileSync(
        logFile,
        `Сборка прервалась на этапе «${stage}» (${size || 'объём данных неизвестен'}); код ${code ?? '—'}, сигнал ${signal ?? '—'}.\n\n${raw.join('\n')}\n`,
      );
      const what = memory ? `не хватило памяти (предел — ${formatNumber(heap, 0)} МБ)` : 'внутренняя ошибка программы сборки';
      // Reading holds one file's rows at a time beside those read before: the largest file is what to look at.
      const largest =
        stage === 'чтение и проверка данных' && files.largest
          ? `чтение файлов; самый большой — ${files.largest.path} (${formatNumber(files.largest.bytes / 1048576, 1)} МБ)`
          : consumer;
      const todo = memory
        ? 'Закройте другие программы и запустите сборку снова. Если не поможет — передайте файл build-error.log разработчикам: сборка должна укладываться в 1,5 ГБ памяти; временно можно дать ей больше памяти переменной MSOKO_HEAP_MB (например, MSOKO_HEAP_MB=3000 npm run build).'
        : 'Запустите сборку снова; если ошибка повторится, передайте файл build-error.log разработчикам.';
      console.error(
        `\nСборка прервалась: ${what} на этапе «${stage}»${size ? ` (данные: ${size})` : ''}.${memory && largest ? ` Больше всего памяти на этом этапе занимает ${largest}.` : ''} Папка ${outDir} не изменена${existsSync(outDir) ? ': на сервере остаётся прежний сайт' : ''}.\n${todo}\nПодробности: ${logFile}`,
      );
      process.exit(code === 70 ? 1 : 2);
    }),
  );
}

await run('render-site.ts');
await run('finish-site.ts');
