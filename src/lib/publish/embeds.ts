/**
 * The archived embed of a release is the live embed page with two things
 * changed: its address (canonical, og:url) and the note under the chart. It
 * is made from the live page's HTML instead of being rendered a second time:
 * half of a region's pages are embeds, so this halves that work. A release
 * frozen under one address is published under the site's current one (a move
 * to a sub-path, a new domain): see `movedWithSite`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model } from '../model/build.ts';
import { absolute } from '../files/paths.ts';
import { writeInside } from '../files/inside.ts';
import { embedNote } from '../views/embed.ts';
import { attr as esc } from '../charts/render.ts';

const NOTE = /<span data-embed-note="">[\s\S]*?<\/span>/;

/** Writes `embed/<release>/<id>/` for every live embed page in `siteDir`. */
export function writeArchivedEmbeds(m: Model, siteDir: string): number {
  const root = join(siteDir, 'embed');
  if (!existsSync(root)) return 0;
  const cfg = m.data.config.site;
  let n = 0;
  for (const id of readdirSync(root)) {
    const page = join(root, id, 'index.html');
    if (!existsSync(page)) continue;
    const live = readFileSync(page, 'utf8');
    const from = esc(absolute(cfg.url, cfg.base, `/embed/${id}/`));
    const to = esc(absolute(cfg.url, cfg.base, `/embed/${m.release}/${id}/`));
    const head = live.indexOf('</head>');
    const html =
      live.slice(0, head).split(`"${from}"`).join(`"${to}"`).split(`"${from}oembed.json"`).join(`"${to}oembed.json"`) +
      live.slice(head).replace(NOTE, `<span data-embed-note="">${embedNote(m, id, m.release)}</span>`);
    writeInside(root, join(m.release, id, 'index.html'), html);
    n++;
  }
  return n;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A frozen release's files as the site now publishes them. Its pages keep the address they were frozen under (their
 * canonical link says which); when the site has moved since — to a sub-path, to another domain — every absolute
 * address of the old site and every root-relative link (`/favicon.svg`, `/charts/…`) is turned into the current
 * one, so that no archived embed links into nothing. Unmoved, the files are returned as frozen, byte for byte.
 */
export function movedWithSite(files: Record<string, string>, release: string, siteUrl: string, base: string): Record<string, string> {
  const now = absolute(siteUrl, base, '/');
  const page = Object.entries(files).find(([k]) => k.endsWith('index.html'))?.[1] ?? '';
  const was = new RegExp(`<link rel="canonical" href="([^"]*?)embed/${escapeRe(release)}/[^"/]+/"`).exec(page)?.[1];
  if (!was || was === now) return files;
  const [oldBase, newBase] = [new URL(was).pathname, new URL(now).pathname];
  // href="/…" and src="/…" under the old base, not protocol-relative «//host».
  const rooted = new RegExp(`((?:href|src)=")${escapeRe(oldBase)}(?!/)`, 'g');
  return Object.fromEntries(Object.entries(files).map(([k, text]) => [k, text.split(was).join(now).replace(rooted, `$1${newBase}`)]));
}
