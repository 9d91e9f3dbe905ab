/**
 * The heap each stage of a build gets. 800 MB carries a region of a thousand schools with every subject (the
 * bench's region: 66 MB of files; it builds with 600 MB too, a quarter below); a larger data folder gets more, in
 * proportion to its files, as far as the computer's free memory allows — and the person is told which, rather
 * than the build stopping at a fixed limit. MSOKO_HEAP_MB overrides it.
 */
import { readdirSync, statSync } from 'node:fs';
import { freemem } from 'node:os';
import { join, relative } from 'node:path';
import { formatNumber } from '../words/format.ts';

const MB = 1048576;
export const DEFAULT_HEAP_MB = 800;
// A stage's heap, measured on the bench's region and the demo: about 250 MB of its own and 4 MB per MB of data files.
const BASE_MB = 250;
const PER_DATA_MB = 4;
// A quarter of the limit is left free: a heap at its limit spends its time collecting, and a busy machine's stage dies.
const HEADROOM = 0.75;

export interface DataFiles {
  bytes: number;
  /** The largest file, relative to the data folder, and its size. */
  largest?: { path: string; bytes: number };
}

/** The data files a build reads (frozen releases aside), with their total size and the largest. */
export function dataFiles(dataDir: string): DataFiles {
  const out: DataFiles = { bytes: 0 };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) {
        if (path !== join(dataDir, 'releases')) walk(path);
        continue;
      }
      out.bytes += st.size;
      if (!out.largest || st.size > out.largest.bytes) out.largest = { path: relative(dataDir, path), bytes: st.size };
    }
  };
  walk(dataDir);
  return out;
}

/** The heap limit of each stage in MB, and the words that say where it comes from. */
export function stageHeap(env: NodeJS.ProcessEnv, files: DataFiles, free = freemem()): { mb: number; why: string } {
  const set = Number(env.MSOKO_HEAP_MB);
  if (env.MSOKO_HEAP_MB && Number.isFinite(set) && set > 0) return { mb: set, why: 'задано переменной MSOKO_HEAP_MB' };
  const need = Math.ceil((BASE_MB + (PER_DATA_MB * files.bytes) / MB) / HEADROOM / 100) * 100;
  if (need <= DEFAULT_HEAP_MB) return { mb: DEFAULT_HEAP_MB, why: '' };
  // Two stages never run at once, but the PNG renderers and the search indexer run beside them.
  const room = Math.floor((free / MB - 500) / 100) * 100;
  const mb = Math.max(DEFAULT_HEAP_MB, Math.min(need, room));
  const size = `${formatNumber(files.bytes / MB, 0)} МБ файлов данных`;
  return {
    mb,
    why:
      mb < need
        ? `по объёму данных (${size}) нужно около ${formatNumber(need, 0)} МБ, но свободно только ${formatNumber(free / MB, 0)} МБ: закройте другие программы`
        : `больше обычных ${DEFAULT_HEAP_MB} МБ по объёму данных: ${size}`,
  };
}
