/**
 * `npm run build`: runs the build (scripts/build-site.ts) in a child process
 * and watches it, so that whatever happens the person who started it gets a
 * Russian answer, never a stack trace: running out of memory or a crash ends
 * with what happened, at which stage, on how much data and what to do, and
 * the previous dist/ stays as it was. Details go to build-error.log.
 */
import { fork } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { takeLock } from '../src/lib/publish/lock.ts';
import { CRASH, recover, workspace } from '../src/lib/publish/workspace.ts';

const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const w = workspace(outDir, process.pid);
// The heap of the build: bounded so that the whole build stays within about 2 GB of memory.
const heap = process.env.MSOKO_HEAP_MB ?? '1200';
// Beside the output folder: for the default dist/, in the project folder.
const logFile = join(dirname(outDir), 'build-error.log');

// An IPC channel carries the stages; when this process dies, the channel closes and the build stops too.
const child = fork(join(import.meta.dirname, 'build-site.ts'), process.argv.slice(2), {
  execArgv: [`--max-old-space-size=${heap}`],
  env: { ...process.env, MSOKO_TMP_DIR: w.tmp, MSOKO_SUPERVISED: '1' },
  stdio: ['inherit', 'inherit', 'pipe', 'ipc'],
});

let stage = 'запуск';
let size = '';
child.on('message', (m: { stage: string; size?: string }) => {
  stage = m.stage;
  if (m.size) size = m.size;
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
    // The build caught a crash of its own: what follows is a stack trace, for the log only.
    if (line === CRASH) {
      dying = true;
      continue;
    }
    raw.push(line);
    if (/^<--- Last few GCs|^FATAL ERROR|JavaScript heap out of memory|^#\s+Fatal/.test(line)) dying = true;
    if (!dying) process.stderr.write(`${line}\n`);
  }
});

child.on('exit', (code, signal) => {
  if (partial) raw.push(partial);
  if (code === 0) process.exit(0);
  for (const d of [w.tmp, `${w.tmp}-charts`, `${w.tmp}-astro-cache`]) rmSync(d, { recursive: true, force: true });
  // A build killed while it swapped the site in: put the old site back at once (under the lock it left).
  const lock = takeLock(w.lock);
  if ('release' in lock) {
    recover(w);
    lock.release();
  }
  // 1: the build stopped on its own terms (bad data, a release frozen already, another build running) and has said why.
  if (code === 1 && !dying) process.exit(1);
  const memory = code !== 70 && (signal === 'SIGKILL' || raw.some((l) => /heap out of memory|Reached heap limit/.test(l)));
  writeFileSync(
    logFile,
    `Сборка прервалась на этапе «${stage}» (${size || 'объём данных неизвестен'}); код ${code ?? '—'}, сигнал ${signal ?? '—'}.\n\n${raw.join('\n')}\n`,
  );
  const what = memory ? `не хватило памяти (предел — ${heap} МБ)` : 'внутренняя ошибка программы сборки';
  const todo = memory
    ? 'Закройте другие программы и запустите сборку снова. Если не поможет — передайте файл build-error.log разработчикам: сборка должна укладываться в 2 ГБ памяти; временно можно дать ей больше памяти переменной MSOKO_HEAP_MB (например, MSOKO_HEAP_MB=3000 npm run build).'
    : 'Запустите сборку снова; если ошибка повторится, передайте файл build-error.log разработчикам.';
  console.error(
    `\nСборка прервалась: ${what} на этапе «${stage}»${size ? ` (данные: ${size})` : ''}. Папка ${outDir} не изменена${existsSync(outDir) ? ': на сервере остаётся прежний сайт' : ''}.\n${todo}\nПодробности: ${logFile}`,
  );
  process.exit(code === 70 ? 1 : 2);
});
