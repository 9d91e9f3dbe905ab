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

/**
 * A page as the indexer needs it: without the charts' SVG and the tables it is told to ignore, which Pagefind
 * would read through only to skip — two thirds of a region's pages by size, and 13 of its 30 seconds of indexing.
 * The index comes out byte for byte the same.
 */
export function searchable(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<div class="table-wrap"[^>]*data-pagefind-ignore>\s*<table[\s\S]*?<\/table>\s*<\/div>/g, '');
}
