import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'finish-charts.ts');

/**
 * Renders PNGs beside chart SVGs in batches of short-lived processes, one
 * per core at a time. Paths are added while the SVGs are still being
 * written, so rendering runs alongside the writing.
 */
export function pngQueue(onProgress: (done: number) => void = () => {}, batch = 60) {
  const waiting: string[] = [];
  const running = new Set<Promise<void>>();
  const slots = Math.max(1, Math.min(availableParallelism(), 4));
  let done = 0;
  let failed: Error | undefined;
  const run = (files: string[]) => {
    const p = new Promise<void>((ok) => {
      // With an IPC channel: when the build dies, the channel closes and the renderer stops too.
      const child = spawn(process.execPath, [SCRIPT, ...files], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child.on('error', (e) => {
        failed ??= e;
        ok();
      });
      child.on('exit', (code) => {
        if (code !== 0) failed ??= new Error(`Не удалось нарисовать картинки PNG (код ${code})`);
        onProgress((done += files.length));
        ok();
      });
    }).finally(() => {
      running.delete(p);
      pump(false);
    });
    running.add(p);
  };
  const pump = (all: boolean) => {
    while (running.size < slots && (waiting.length >= batch || (all && waiting.length > 0))) run(waiting.splice(0, batch));
  };
  let closing = false;
  return {
    add(path: string) {
      waiting.push(path);
      pump(closing);
    },
    async finish(): Promise<void> {
      closing = true;
      pump(true);
      while (running.size > 0 || waiting.length > 0) {
        await Promise.race(running);
        pump(true);
      }
      if (failed) throw failed;
    },
  };
}
