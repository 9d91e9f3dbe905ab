/** `npm run templates`: writes templates/*.xlsx and docs/columns.md from the list of data files. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DATA_FILES } from '../src/lib/data/files.ts';
import { columnsMarkdown, templateBook } from '../src/lib/data/templates.ts';

mkdirSync('templates', { recursive: true });
for (const f of DATA_FILES) writeFileSync(`templates/${f.name}.xlsx`, await templateBook(f));
writeFileSync('docs/columns.md', columnsMarkdown() + '\n');
console.log(`Шаблоны: ${DATA_FILES.length} книг в templates/; описание столбцов: docs/columns.md.`);
