/**
 * `SHA256SUMS` at the root of the built site: one line per file, as the
 * `sha256sum` tool writes and checks it, so the person who uploads the site
 * can make sure the server holds exactly what was built
 * (`sha256sum -c SHA256SUMS` on the server, or `npm run verify <folder>`).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { urlPath } from '../files/paths.ts';

export const SUMS = 'SHA256SUMS';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Every file of the site but the list itself, as URL paths in code-point order (the same on every system). */
function siteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => urlPath(join(d.parentPath, d.name).slice(dir.length + 1)))
    .filter((f) => f !== SUMS)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Writes the list; returns how many files it names. */
export function writeChecksums(dir: string): number {
  const files = siteFiles(dir);
  writeFileSync(join(dir, SUMS), files.map((f) => `${sha256(join(dir, f))}  ${f}\n`).join(''));
  return files.length;
}

/** What differs between a folder and its list: files changed, missing, or not on the list. */
export function verifyChecksums(dir: string): { changed: string[]; missing: string[]; extra: string[] } {
  const listed = new Map<string, string>();
  for (const line of readFileSync(join(dir, SUMS), 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) listed.set(m[2], m[1]);
  }
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [f, sum] of listed) {
    if (!existsSync(join(dir, f))) missing.push(f);
    else if (sha256(join(dir, f)) !== sum) changed.push(f);
  }
  const extra = siteFiles(dir).filter((f) => !listed.has(f));
  return { changed, missing, extra };
}
