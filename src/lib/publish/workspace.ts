/**
 * Where a build works and how it publishes: the site is rendered into a
 * folder beside the output folder and swapped in with renames, so a web
 * server never sees half a site and a killed build leaves the old one. One
 * build at a time holds a lock on the output folder; what a killed build
 * left behind is cleared (or put back) by the next one.
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { alive } from './lock.ts';
import { retrying } from '../files/rename.ts';
import { basename, dirname, join } from 'node:path';

export interface Workspace {
  outDir: string;
  /** The new site is rendered here, then renamed to `outDir`. */
  tmp: string;
  /** The previous site while the swap runs. */
  old: string;
  /** The lock file of the output folder. */
  lock: string;
}

/** The build's folders beside `outDir`; `id` tells builds apart (the supervisor's process id). */
export function workspace(outDir: string, id: number): Workspace {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return {
    outDir,
    tmp: join(parent, `.${name}-tmp-${id}`),
    old: join(parent, `.${name}-old-${id}`),
    lock: join(parent, `.${name}.lock`),
  };
}

/** The working folders and files of a build beside its folder `tmp`: charts, open data, charts' spill file, Astro's cache, the plan. */
export const workingFolders = (tmp: string) => [
  tmp,
  `${tmp}-charts`,
  `${tmp}-opendata`,
  `${tmp}-spill`,
  `${tmp}-astro-cache`,
  `${tmp}-plan.json`,
];

/** Leftovers of builds of this output folder: working folders and folders of a swap. */
function leftovers(outDir: string): { tmp: string[]; old: string[] } {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}-`;
  const names = existsSync(parent) ? readdirSync(parent).filter((n) => n.startsWith(prefix)) : [];
  const of = (kind: string) => names.filter((n) => n.startsWith(`${prefix}${kind}-`)).map((n) => join(parent, n));
  return { tmp: of('tmp'), old: of('old') };
}

/**
 * Run under the lock, before a build: a swap cut off between its two renames
 * left the site only in its `old` folder, which is put back; working folders
 * of killed builds are removed. Returns what was done, for the build's log.
 */
export function recover(w: Workspace): string[] {
  const done: string[] = [];
  const { tmp, old } = leftovers(w.outDir);
  if (!existsSync(w.outDir) && old.length) {
    const last = old.sort().at(-1)!;
    retrying(() => renameSync(last, w.outDir));
    done.push(`восстановлена папка ${w.outDir}: предыдущая сборка прервалась, когда заменяла сайт`);
  }
  for (const dir of [...tmp, ...old].filter((d) => existsSync(d) && !d.startsWith(w.tmp))) {
    rmSync(dir, { recursive: true, force: true });
    done.push(`удалена рабочая папка прерванной сборки ${basename(dir)}`);
  }
  return done;
}

/** Puts the new site in place: two renames, with the old site kept until the new one stands. */
export function swapIn(w: Workspace): void {
  if (existsSync(w.outDir)) retrying(() => renameSync(w.outDir, w.old));
  retrying(() => renameSync(w.tmp, w.outDir));
  rmSync(w.old, { recursive: true, force: true });
}

/** The line a supervised build writes to stderr before the stack trace of a crash: what follows is for the log only. */
export const CRASH = '@@msoko-build-crash@@';

/** Astro working folders (`.astro/build-<pid>/`) of builds whose process is gone. */
export function clearAstroWork(root: string): void {
  const dir = join(root, '.astro');
  if (!existsSync(dir)) return;
  for (const n of readdirSync(dir)) {
    const pid = /^build-(\d+)$/.exec(n)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(dir, n), { recursive: true, force: true });
  }
}
