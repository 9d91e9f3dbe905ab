/** Reads a built site from disk: every page, its links and resources. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** A fingerprint of a folder, every file's path and content: what «byte for byte» compares. */
export const digest = (dir: string) =>
  createHash('sha256')
    .update(
      files(dir)
        .map(
          (f) =>
            `${f}\n${createHash('sha256')
              .update(readFileSync(join(dir, f)))
              .digest('hex')}`,
        )
        .join('\n'),
    )
    .digest('hex');

export const pages = (dir: string) => files(dir).filter((f) => f.endsWith('.html'));
export const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

/** Every URL a page refers to: links, images, scripts, styles, frames, forms. */
export function urls(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(a|link|script|img|iframe|source|form)\b[^>]*?\s(href|src|action)="([^"]*)"/g))
    out.push(m[3].replace(/&amp;/g, '&'));
  return out;
}
