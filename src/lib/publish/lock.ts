/**
 * One build of an output folder at a time: a lock file beside it
 * (`.dist.lock`) names the process that builds. A second build stops with a
 * Russian message; a lock left by a killed build (its process is gone) is
 * taken over. Works the same on Windows: no shell, no signals but «is it alive».
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  /** The build's supervisor (scripts/build.ts): it holds the lock from the first stage to the last. */
  pid: number;
  host: string;
  /** ISO time the build started. */
  started: string;
  /** The process of the stage that runs now (rendering, then finishing). */
  worker?: number;
}

/** Whether a process of this machine still runs (signal 0 only asks). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const read = (path: string): LockHolder | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
};

/**
 * Takes the lock, or returns who holds it. A stale lock is first renamed
 * away (only one process can win that rename), so two builds that both find
 * it stale never both go on. A lock file that cannot be read is being
 * written this instant — or was left empty by a build killed at that
 * instant, which shows by its age.
 */
export function takeLock(
  path: string,
  me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() },
): { release: () => void; working: (worker: number) => void } | { holder: LockHolder } | { failed: string } {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        if (read(path)?.pid === me.pid) rmSync(path, { force: true });
      };
      process.once('exit', release);
      /** Names the process of the stage that runs now (its holder stays this process). */
      const working = (worker: number) => writeFileSync(path, JSON.stringify({ ...me, worker }));
      return { release, working };
    } catch (e) {
      // Not another build's lock: the folder beside the output cannot be written (a file in its place, no rights).
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return { failed: code ?? String(e) };
    }
    const holder = read(path);
    const stale = holder ? holder.host === me.host && !alive(holder.pid) : age(path) > 10_000;
    if (holder && !stale) return { holder };
    if (!stale) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    try {
      renameSync(path, `${path}.stale-${me.pid}`);
      rmSync(`${path}.stale-${me.pid}`, { force: true });
    } catch {
      // Another build took the stale lock away first; look again.
    }
  }
  return { holder: read(path) ?? { pid: 0, host: hostname(), started: '' } };
}

function age(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
