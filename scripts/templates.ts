/** `npm run templates`: writes templates/*.xlsx and docs/columns.md from the list of data files. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { DATA_FILES } from '../src/lib/data/files.ts';
import { columnsMarkdown, templateBook } from '../src/lib/data/templates.ts';

/** The sheets and cells of a workbook, without the ZIP's timestamps (which change on every write). */
const content = (zip: Uint8Array) => {
  const files = unzipSync(zip);
  return JSON.stringify(
    Object.keys(files)
      .sort()
      .map((k) => [k, strFromU8(files[k])]),
  );
};

mkdirSync('templates', { recursive: true });
let changed = 0;
for (const f of DATA_FILES) {
  const path = `templates/${f.name}.xlsx`;
  const book = await templateBook(f);
  // An unchanged template is left as it is, so the repository does not churn.
  if (existsSync(path) && content(readFileSync(path)) === content(book)) continue;
  writeFileSync(path, book);
  changed++;
}
writeFileSync('docs/columns.md', columnsMarkdown() + '\n');
console.log(`Шаблоны: ${DATA_FILES.length} книг в templates/ (изменено: ${changed}); описание столбцов: docs/columns.md.`);
