/**
 * `npm run build`: runs the build (scripts/build-site.ts) in a child process
 * and watches it, so that whatever happens the person who started it gets a
 * Russian answer, never a stack trace: running out of memory or a crash ends
 * with what happened, at which stage, on how much data and what to do, and
 * the previous dist/ stays as it was. Details go to build-error.log.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const tmp = join(dirname(outDir), `.dist-tmp-${process.pid}`);
// The heap of the build: bounded so that the whole build stays within about 2 GB of memory.
const heap = process.env.MSOKO_HEAP_MB ?? '1200';
// Beside the output folder: for the default dist/, in the project folder.
const logFile = join(dirname(outDir), 'build-error.log');

const child = spawn(
  process.execPath,
  [`--max-old-space-size=${heap}`, join(import.meta.dirname, 'build-site.ts'), ...process.argv.slice(2)],
  {
    env: { ...process.env, MSOKO_TMP_DIR: tmp, MSOKO_SUPERVISED: '1' },
    stdio: ['inherit', 'inherit', 'pipe', 'pipe'],
  },
);

let stage = 'запуск';
let size = '';
let buffered = '';
child.stdio[3]!.on('data', (b: Buffer) => {
  buffered += b.toString('utf8');
  for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
    const [s, z] = buffered.slice(0, i).split('\t');
    buffered = buffered.slice(i + 1);
    // The build caught a crash of its own: what follows on stderr is a stack trace, for the log only.
    if (s === '@crash') dying = true;
    else {
      stage = s;
      if (z) size = z;
    }
  }
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
    raw.push(line);
    if (/^<--- Last few GCs|^FATAL ERROR|JavaScript heap out of memory|^#\s+Fatal/.test(line)) dying = true;
    if (!dying) process.stderr.write(`${line}\n`);
  }
});

child.on('exit', (code, signal) => {
  if (partial) raw.push(partial);
  if (code === 0) process.exit(0);
  rmSync(tmp, { recursive: true, force: true });
  rmSync(`${tmp}-charts`, { recursive: true, force: true });
  // 1: the build stopped on its own terms (bad data, a release frozen already) and has said why.
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
