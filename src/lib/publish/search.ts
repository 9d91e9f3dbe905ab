/**
 * The site search: Pagefind indexes the built pages (the <main> of each, with
 * Russian stemming from <html lang="ru">) into `pagefind/`, static files the
 * search page loads; nothing is asked of another host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { urlPath } from '../files/paths.ts';
import { writeInside } from '../files/inside.ts';
import { VOID } from '../words/glossary.ts';

export async function searchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
  if (!index) throw new Error(`Поиск: индекс не создан: ${errors.join('; ')}`);
  try {
    // Embeds are charts for other sites, not pages to find: only the site's own pages are read (a region has thousands of embeds).
    let pages = 0;
    for (const rel of (readdirSync(siteDir, { recursive: true }) as string[]).map((f) => urlPath(f)).sort()) {
      if (!rel.endsWith('.html') || /^(embed|pagefind|build-report)\//.test(rel)) continue;
      const added = await index.addHTMLFile({ sourcePath: rel, content: searchable(readFileSync(join(siteDir, rel), 'utf8')) });
      if (added.errors.length) throw new Error(`Поиск: ${added.errors.join('; ')}`);
      if (added.file.url) pages++;
    }
    // The files are taken in memory and written here: Pagefind's own writer leaves a file's last write pending
    // when it answers (a tokio file dropped unflushed), and under load closing the service left files empty.
    const { files, errors: failed } = await index.getFiles();
    if (failed.length) throw new Error(`Поиск: ${failed.join('; ')}`);
    const out = join(siteDir, 'pagefind');
    // The search page talks to pagefind.js directly; Pagefind's ready-made interfaces are not shipped.
    for (const f of files) {
      if (/-ui\.(js|css)$|^pagefind-highlight\.js$/.test(f.path)) continue;
      writeInside(out, f.path, f.content);
    }
    return pages;
  } finally {
    await pagefind.close();
  }
}

/** A tag with its attributes, quoted values holding any character. */
const TAG = String.raw`(?:[^>"']|"[^"]*"|'[^']*')*>`;
const IGNORED = new RegExp(String.raw`<([a-z][a-z0-9-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*?\sdata-pagefind-ignore\b` + TAG, 'g');

/**
 * A page as the indexer needs it: its title and its `<main>` (the only part it indexes, `data-pagefind-body`)
 * without the charts' SVG and without what the page tells it to ignore — tables of numbers, folded details,
 * the terms' popovers. Pagefind would read all of it only to skip it: a region's pages are 127 MB of it, and
 * its indexing went from 25 to 15 seconds. The index is the same, except that a heading's anchor text no longer
 * takes in the popover of a term inside it. Our pages are generated and well-formed, so an ignored element ends
 * at the close tag that balances its name.
 */
export function searchable(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  const start = html.indexOf('<main');
  const main = (start < 0 ? html : html.slice(start, html.lastIndexOf('</main>') + 7)).replace(/<svg[\s\S]*?<\/svg>/g, '');
  let out = '';
  let at = 0;
  IGNORED.lastIndex = 0;
  for (let m; (m = IGNORED.exec(main));) {
    out += main.slice(at, m.index);
    at = IGNORED.lastIndex;
    if (VOID.has(m[1])) continue;
    const tags = new RegExp(`<(/?)${m[1]}\\b${TAG}`, 'g');
    tags.lastIndex = at;
    for (let depth = 1, t; depth > 0 && (t = tags.exec(main));) ((depth += t[1] ? -1 : 1), (at = tags.lastIndex));
    IGNORED.lastIndex = at;
  }
  return `<!DOCTYPE html><html lang="ru"><head><title>${title}</title></head><body>${out + main.slice(at)}</body></html>`;
}
