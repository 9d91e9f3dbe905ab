import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'finish-charts.ts');

/**
 * Renders PNGs beside chart SVGs in renderer processes that live as long as
 * they have work (scripts/finish-charts.ts): paths are handed over while the
 * SVGs are still being written, so the rendering runs alongside the writing
 * and the pages, on another core. `slots` renderers at most.
 */
export function pngQueue(
  onProgress: (done: number) => void = () => {},
  slots = Math.max(1, Math.min(availableParallelism(), 2)),
  chunk = 10,
) {
  const waiting: string[] = [];
  const idle: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  let done = 0;
  let given = 0;
  let stopping = false;
  let failed: Error | undefined;
  let settle: (() => void) | undefined;
  let closing = false;
  const give = (w: ChildProcess) => {
    if (waiting.length === 0 || stopping) return idle.push(w);
    const paths = waiting.splice(0, chunk);
    given += paths.length;
    w.send(paths);
  };
  const start = () => {
    // With an IPC channel: when the build dies, the channel closes and the renderer stops too.
    const w = fork(SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--expose-gc'] });
    w.on('message', (n: number) => {
      onProgress((done += n));
      if (n > 0) settle?.();
      give(w);
    });
    w.on('exit', (code) => {
      if (!closing) failed ??= new Error(`Не удалось нарисовать картинки PNG (код ${code ?? 'нет'})`);
      settle?.();
    });
    workers.push(w);
  };
  /** Waits until the renderers have done what they were given (and, unless stopping, everything queued). */
  const drain = async (all: boolean) => {
    while (!failed && done < (all ? given + waiting.length : given)) await new Promise<void>((ok) => (settle = ok));
    closing = true;
    for (const w of workers) w.disconnect();
    if (failed) throw failed;
  };
  return {
    add(path: string) {
      waiting.push(path);
      if (workers.length < slots) start();
      const w = idle.pop();
      if (w) give(w);
    },
    /** Waits for every PNG, then lets the renderers go. */
    finish: () => drain(true),
    /** Lets the renderers finish what they hold and go; returns the SVGs not drawn yet. */
    async stop(): Promise<string[]> {
      stopping = true;
      await drain(false);
      return waiting.splice(0);
    },
  };
}
