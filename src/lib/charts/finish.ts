import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'finish-charts.ts');

/** Embeds fonts into chart SVGs and renders PNGs beside them, in batches of short-lived processes, one per core at a time. */
export async function finishCharts(svgPaths: string[], batch = 60): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < svgPaths.length; i += batch) batches.push(svgPaths.slice(i, i + batch));
  const run = (files: string[]) => new Promise<void>((ok, fail) => {
    const child = spawn(process.execPath, [SCRIPT, ...files], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`Не удалось подготовить файлы графиков (код ${code})`))));
  });
  const workers = Array.from({ length: Math.max(1, Math.min(availableParallelism(), 4)) }, async () => {
    for (let b = batches.shift(); b; b = batches.shift()) await run(b);
  });
  await Promise.all(workers);
}
