/**
 * The site search: Pagefind indexes the built pages (the <main> of each, with
 * Russian stemming from <html lang="ru">) into `pagefind/`, static files the
 * search page loads; nothing is asked of another host.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { urlPath } from '../files/paths.ts';

export async function searchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
  if (!index) throw new Error(`Поиск: индекс не создан: ${errors.join('; ')}`);
  try {
    // Embeds are charts for other sites, not pages to find: only the site's own pages are read (a region has thousands of embeds).
    let pages = 0;
    for (const rel of (readdirSync(siteDir, { recursive: true }) as string[]).map((f) => urlPath(f)).sort()) {
      if (!rel.endsWith('.html') || rel.startsWith('embed') || rel.startsWith('pagefind')) continue;
      const added = await index.addHTMLFile({ sourcePath: rel, content: readFileSync(join(siteDir, rel), 'utf8') });
      if (added.errors.length) throw new Error(`Поиск: ${added.errors.join('; ')}`);
      if (added.file.url) pages++;
    }
    const out = join(siteDir, 'pagefind');
    const written = await index.writeFiles({ outputPath: out });
    if (written.errors.length) throw new Error(`Поиск: ${written.errors.join('; ')}`);
    // The search page talks to pagefind.js directly; Pagefind's ready-made interfaces are not used.
    for (const f of readdirSync(out)) if (/-ui\.(js|css)$|^pagefind-highlight\.js$/.test(f)) rmSync(join(out, f));
    return pages;
  } finally {
    await pagefind.close();
  }
}
