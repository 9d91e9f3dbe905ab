/**
 * The archived embed of a release is the live embed page with two things
 * changed: its address (canonical, og:url) and the note under the chart. It
 * is made from the live page's HTML instead of being rendered a second time:
 * half of a region's pages are embeds, so this halves that work.
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
