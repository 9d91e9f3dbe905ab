import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'finish-charts.ts');

/** Renders PNGs beside chart SVGs, in batches of short-lived processes, one per core at a time. */
export async function finishCharts(svgPaths: string[], onProgress: (done: number) => void = () => {}, batch = 60): Promise<void> {
  let done = 0;
  const batches: string[][] = [];
  for (let i = 0; i < svgPaths.length; i += batch) batches.push(svgPaths.slice(i, i + batch));
  const run = (files: string[]) => new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, [SCRIPT, ...files], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`Не удалось подготовить файлы графиков (код ${code})`))));
  });
  const workers = Array.from({ length: Math.max(1, Math.min(availableParallelism(), 4)) }, async () => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      await run(b);
      onProgress((done += b.length));
    }
  });
  await Promise.all(workers);
}
