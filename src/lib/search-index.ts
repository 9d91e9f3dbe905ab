/**
 * The site search: Pagefind indexes the built pages (the <main> of each, with
 * Russian stemming from <html lang="ru">) into `pagefind/`, static files the
 * search page loads; nothing is asked of another host.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export async function searchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'ru' });
  if (!index) throw new Error(`Поиск: индекс не создан: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Поиск: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    if (written.errors.length) throw new Error(`Поиск: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
