/**
 * A chart's SVG and data table kept in a file, deflated, and read back when a page or a file asks for them. A
 * region's 5 400 charts (a thousand schools' rows in some) held some 230 MB of memory through every stage, beside
 * the model and Astro's bundler; on disk they cost a read per use.
 */
import { closeSync, mkdirSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

let dir: string | undefined;
let file: { fd: number; size: number } | undefined;

/** Where the spill file goes: the build's working folder (a system temporary folder may be memory itself). */
export function spillInto(folder: string): void {
  dir = folder;
}

function open(): { fd: number; size: number } {
  if (file) return file;
  const where = dir ?? tmpdir();
  mkdirSync(where, { recursive: true });
  const path = join(where, `msoko-charts-${process.pid}.bin`);
  const fd = openSync(path, 'w+');
  // Unlinked at once where the system allows it (Linux, macOS): the file goes with the process, even if it dies.
  try {
    unlinkSync(path);
  } catch {
    process.on('exit', () => {
      closeSync(fd);
      rmSync(path, { force: true });
    });
  }
  file = { fd, size: 0 };
  return file;
}

/** Writes `text` and returns what reads it back. */
export function spill(text: string): () => string {
  const f = open();
  const z = deflateRawSync(text);
  const at = f.size;
  writeSync(f.fd, z, 0, z.length, at);
  f.size += z.length;
  const length = z.length;
  return () => {
    const b = Buffer.allocUnsafeSlow(length);
    readSync(f.fd, b, 0, length, at);
    return inflateRawSync(b).toString('utf8');
  };
}
