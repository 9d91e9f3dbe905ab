/**
 * Releases that last. A release is frozen into the data folder
 * (`data/releases/<release>/`: `release.json`, the embed pages and the published numbers, packed with Brotli),
 * kept by the ИМЦ with their data; every later build publishes its embeds
 * byte for byte, so a news post that embedded a chart keeps showing it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { urlPath } from '../files/paths.ts';
import { writeInside } from '../files/inside.ts';
import { NUMBERS_FILE } from './changes.ts';
import { retrying } from '../files/rename.ts';
import { join, relative } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

export interface Release {
  release: string;
  /** The day it was frozen, ISO. */
  date: string;
  /** What this release brought or corrected, in the ИМЦ's words. */
  note?: string;
}

const dirOf = (dataDir: string, release: string) => join(dataDir, 'releases', release);

/** A label that is safe as a folder and a URL segment: letters, digits, «.», «_», «-». */
export const RELEASE_LABEL = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;

/** Frozen releases, oldest first. */
export function readReleases(dataDir: string): Release[] {
  const root = join(dataDir, 'releases');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((r) => !r.startsWith('.') && existsSync(join(root, r, 'release.json')))
    .map((r) => JSON.parse(readFileSync(join(root, r, 'release.json'), 'utf8')) as Release)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.release < b.release ? -1 : 1));
}

export const isFrozen = (dataDir: string, release: string) => existsSync(join(dirOf(dataDir, release), 'release.json'));

/** Packs the built embed pages and the published numbers of a release into the data folder. Never overwrites a frozen release. */
export function freezeRelease(dataDir: string, info: Release, embedDir: string, numbers: Uint8Array): void {
  if (isFrozen(dataDir, info.release)) throw new Error(`Выпуск ${info.release} уже зафиксирован`);
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files[urlPath(relative(embedDir, p))] = readFileSync(p, 'utf8');
    }
  };
  walk(embedDir);
  const out = dirOf(dataDir, info.release);
  // Written beside, then renamed into place: a build killed half-way leaves no half-frozen release.
  const staging = join(dataDir, 'releases', `.${info.release}-tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Brotli with a large window: the pages share their styles, so a release packs to a few hundred kilobytes.
  const packed = brotliCompressSync(JSON.stringify(files), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_LGWIN]: 24 },
  });
  writeFileSync(join(staging, 'embeds.json.br'), packed);
  writeFileSync(join(staging, NUMBERS_FILE), numbers);
  writeFileSync(join(staging, 'release.json'), JSON.stringify(info, null, 2) + '\n');
  // Another build may have frozen it meanwhile; a folder without release.json never was a release.
  if (isFrozen(dataDir, info.release)) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`Выпуск ${info.release} уже зафиксирован`);
  }
  rmSync(out, { recursive: true, force: true });
  retrying(() => renameSync(staging, out));
}

/** Writes a frozen release's embed pages into `embedDir` as they were built — or as `publish` turns them (a site moved since). */
export function unpackRelease(
  dataDir: string,
  release: string,
  embedDir: string,
  publish: (files: Record<string, string>) => Record<string, string> = (f) => f,
): number {
  const files = publish(
    JSON.parse(brotliDecompressSync(readFileSync(join(dirOf(dataDir, release), 'embeds.json.br'))).toString('utf8')) as Record<
      string,
      string
    >,
  );
  for (const [rel, text] of Object.entries(files)) {
    // A release archive is a file anyone could have edited: its names are checked like any other.
    writeInside(embedDir, rel, text);
  }
  return Object.keys(files).length;
}
