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
  // Whoever waits for the renderers is woken after every batch they hand back, and when one ends.
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };
  const batch = () => new Promise<void>((ok) => waiters.add(ok));
  let closing = false;
  // Renderers told to go (limit): they finish what they hold and are not given more.
  const retired = new Set<ChildProcess>();
  // Batches sent to each renderer and not yet drawn: two, so that a renderer always has the next at hand while this
  // process is briefly busy; more while it makes Word documents, each of which holds it for a second or two.
  const held = new Map<ChildProcess, number>();
  let depth = 2;
  const give = (w: ChildProcess) => {
    let h = held.get(w) ?? 0;
    if (!retired.has(w) && workers.length - retired.size > slots) retired.add(w);
    if (retired.has(w)) {
      if (h === 0 && w.connected) w.disconnect();
      return;
    }
    while (h < depth && waiting.length > 0 && !stopping) {
      const paths = waiting.splice(0, chunk);
      given += paths.length;
      w.send(paths);
      h++;
    }
    held.set(w, h);
    if (h === 0 && !idle.includes(w)) idle.push(w);
  };
  const start = () => {
    // With an IPC channel: when the build dies, the channel closes and the renderer stops too.
    const w = fork(SCRIPT, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: ['--expose-gc'] });
    w.on('message', (n: number) => {
      if (n > 0) held.set(w, (held.get(w) ?? 1) - 1);
      onProgress((done += n));
      if (n > 0) wake();
      give(w);
    });
    w.on('exit', (code) => {
      if (!closing && !retired.has(w)) failed ??= new Error(`Не удалось нарисовать картинки PNG (код ${code ?? 'нет'})`);
      wake();
    });
    workers.push(w);
  };
  /** Waits until the renderers have done what they were given (and, unless stopping, everything queued). */
  const drain = async (all: boolean) => {
    while (!failed && done < (all ? given + waiting.length : given)) await batch();
    closing = true;
    for (const w of workers) if (w.connected) w.disconnect();
    if (failed) throw failed;
  };
  return {
    add(path: string) {
      waiting.push(path);
      if (workers.length - retired.size < slots) start();
      const w = idle.pop();
      if (w) give(w);
    },
    /**
     * At most `n` renderers from now on: those above it go when they have drawn what they hold. Each holds up to
     * `ahead` batches: more while this process will be busy for seconds at a time.
     */
    limit(n: number, ahead = 2) {
      slots = n;
      depth = ahead;
      for (const w of idle.splice(0)) give(w);
      while (workers.length - retired.size < slots && waiting.length > 0) start();
    },
    /** Resolves when every path added has been handed to a renderer (or none can be: a renderer failed). */
    async handedOut() {
      while (!failed && waiting.length > 0) await batch();
      if (failed) throw failed;
    },
    /** Resolves when `ready()` holds, asked after every batch drawn. */
    async until(ready: () => boolean) {
      while (!failed && !ready() && done < given + waiting.length) await batch();
      if (failed) throw failed;
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
