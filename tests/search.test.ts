/** The site search's index: what the indexer is given of a page. */
import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { searchable } from '../src/lib/publish/search.ts';

const page = (title: string) => `<!doctype html><html lang="ru"><head><title>${title}</title></head><body>
<main data-pagefind-body data-pagefind-meta="type:Школа"><h1>${title}</h1>
<p>Средний балл ЕГЭ по математике выше, чем в остальных школах.</p>
<figure class="chart"><svg viewBox="0 0 10 10" role="img"><title>Рисунок</title><text x="1" y="1">первичный балл 72,5</text></svg>
<div class="table-wrap" tabindex="0" role="region" aria-label="Данные графика" data-pagefind-ignore>
<table><caption>Данные</caption><tr><th>Год</th><td>2025 уникальноеслово</td></tr></table>
</div></figure>
<div class="table-wrap" role="region"><table><tr><td>Таблица без пометки остаётся</td></tr></table></div>
</main></body></html>`;

async function indexOf(pages: string[]): Promise<string> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'ru' });
  for (const [i, content] of pages.entries()) await index!.addHTMLFile({ sourcePath: `p${i}/index.html`, content });
  const { files } = await index!.getFiles();
  const h = createHash('sha256');
  for (const f of files.sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(f.path).update(f.content);
  return h.digest('hex');
}

afterAll(() => pagefind.close());

describe('a page given to the search indexer', () => {
  it('leaves out the charts’ SVG and the tables the indexer ignores, and keeps the rest', () => {
    const s = searchable(page('СОШ № 4'));
    expect(s).not.toContain('<svg');
    expect(s).not.toContain('уникальноеслово');
    expect(s).toContain('Таблица без пометки остаётся');
    expect(s).toContain('Средний балл ЕГЭ по математике');
  });

  it('cuts an ignored element at the close tag that balances it, whatever its attributes hold', () => {
    const s = searchable(`<html><head><title>Т</title></head><body><header>Меню сайта</header><main data-pagefind-body>
<p>до</p><div data-pagefind-ignore aria-label="a > b"><div>вложенный <div>ещё</div></div>скрытый хвост</div><p>после</p>
<h2>Критерий<span popover data-pagefind-ignore>пояснение термина</span></h2><img data-pagefind-ignore alt="x"><p>конец</p>
</main><footer>Подвал</footer></body></html>`);
    expect(s).toMatch(/<p>до<\/p><p>после<\/p>\s*<h2>Критерий<\/h2><p>конец<\/p>/);
    expect(s).not.toMatch(/Меню сайта|Подвал|скрытый|пояснение/);
    expect(s).toContain('<title>Т</title>');
  });

  it('gives the same index as the whole page', async () => {
    const pages = [page('СОШ № 4'), page('Гимназия № 1')];
    expect(await indexOf(pages.map(searchable))).toBe(await indexOf(pages));
  });
});
