/**
 * Resident memory of a process and its descendants, for `npm run bench`:
 * read from /proc where there is one (Linux). Elsewhere (Windows, macOS)
 * there is none, and the caller falls back to the peak the build reports
 * of itself (process.resourceUsage, which every system has).
 */
import { readFileSync } from 'node:fs';

/** Reads a file of /proc, or undefined where it does not exist. */
export type ProcReader = (path: string) => string | undefined;

export const readProc: ProcReader = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Bytes of each process of the tree rooted at `pid`; undefined when this system has no /proc. */
export function treeMemory(pid: number, read: ProcReader = readProc): number[] | undefined {
  if (read(`/proc/${pid}/status`) === undefined && read('/proc/self/status') === undefined) return undefined;
  const sizes: number[] = [];
  const walk = (p: number) => {
    sizes.push(Number(/VmRSS:\s+(\d+)/.exec(read(`/proc/${p}/status`) ?? '')?.[1] ?? 0) * 1024);
    for (const kid of (read(`/proc/${p}/task/${p}/children`) ?? '').trim().split(/\s+/).filter(Boolean)) walk(Number(kid));
  };
  walk(pid);
  return sizes;
}

/** The peak the build prints of itself: «пиковая память сборки 1 543 МБ» → bytes. */
export function reportedPeak(output: string): number | undefined {
  const m = /пиковая память сборки ([\d\s\u202f\u00a0]+) МБ/.exec(output);
  return m ? Number(m[1].replace(/\D/g, '')) * 1024 * 1024 : undefined;
}

/**
 * Gives the memory the heap no longer uses back to the system. V8 keeps the pages a collection freed, resident, for
 * its next allocations: a region's model stage held 700 MB of them beside a heap of 250, and the tree went past
 * 1,5 GB. A last-resort collection returns them (some 0,5 s on a region's heap), so a stage calls it between its
 * parts and every few seconds of a long one. Needs `--expose-gc` (scripts/build.ts gives it to the stages);
 * without it nothing happens.
 */
export function giveBack(): void {
  (globalThis.gc as ((o: object) => void) | undefined)?.({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
