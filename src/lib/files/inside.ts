/**
 * Every file the build writes goes under one folder: the working output or data/releases/. A name made from data
 * (a code, a release label, a path kept in a release archive) is checked here once more, after reading checked it,
 * so that a name that slipped through cannot write `public/favicon.svg` or anything else outside.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** The absolute path of `rel` under `root`; throws when it would lie outside (or be the folder itself). */
export function inside(root: string, rel: string): string {
  const base = resolve(root);
  // As `join` reads it: `/reports/2025/` is a path under the folder, as a site path is.
  const path = resolve(join(base, rel));
  const back = relative(base, path);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back) || rel.includes('\0'))
    throw new Error(`Внутренняя ошибка сборки: файл «${rel}» оказался бы вне папки ${base}. Ничего не записано вне неё.`);
  return path;
}

/** Writes `content` to `rel` under `root`, making its folders; the path is checked first. */
export function writeInside(root: string, rel: string, content: string | Uint8Array): string {
  const path = inside(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
