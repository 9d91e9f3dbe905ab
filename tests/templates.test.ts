/** The data guide and the Excel templates say what the reader checks, and are kept up to date. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DATA_FILES } from '../src/lib/data/files.ts';
import { IssueLog } from '../src/lib/data/issues.ts';
import { readRows } from '../src/lib/data/table.ts';
import { columnsMarkdown, templateBook } from '../src/lib/data/templates.ts';
import { readWorkbook } from '../src/lib/data/workbook.ts';

const ROOT = join(import.meta.dirname, '..');

describe('templates/*.xlsx', () => {
  it.each(DATA_FILES.map((f) => [f.name, f] as const))('%s: kept in the repository as `npm run templates` makes it', async (_, f) => {
    // The same sheets and cells (a ZIP's own timestamps aside).
    const a = unzipSync(readFileSync(join(ROOT, 'templates', `${f.name}.xlsx`)));
    const b = unzipSync(await templateBook(f));
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expect(strFromU8(a[k]), `${k}: run npm run templates`).toBe(strFromU8(b[k]));
    // Every cell is a value: a template never carries a formula for Excel to run.
    for (const k of Object.keys(a).filter((k) => k.startsWith('xl/worksheets/'))) expect(strFromU8(a[k]), k).not.toMatch(/<f[ >]/);
  });
  it.each(DATA_FILES.map((f) => [f.name, f] as const))(
    '%s: its headers are read as the columns of the file, and the example row passes the checks',
    async (_, f) => {
      const path = join(mkdtempSync(join(tmpdir(), 'msoko-tpl-')), `${f.name}.xlsx`);
      writeFileSync(path, await templateBook(f));
      const book = readWorkbook(path, f.name);
      expect(book.sheet).toBe(f.name);
      expect(book.sheets).toEqual([f.name, 'Описание столбцов']);
      const header = book.rows[0];
      // The example of the guide typed under the template's header.
      const example = {
        line: 2,
        cells: Object.keys(f.spec.columns)

          .map((k) => String(f.example[0][k] ?? '')),
      };
      const log = new IssueLog();
      const rows = readRows(f.name, (on) => [header, example].forEach(on), f.spec, log);
      expect(log.items).toEqual([]);
      expect(rows).toHaveLength(1);
    },
  );
});

describe('docs/', () => {
  it('columns.md is what `npm run templates` writes', () => {
    expect(readFileSync(join(ROOT, 'docs', 'columns.md'), 'utf8')).toBe(columnsMarkdown() + '\n');
  });
  it('describes every column of every file, with its Russian name', () => {
    const text = columnsMarkdown();
    for (const f of DATA_FILES) {
      expect(text).toContain(`data/${f.path}`);
      for (const [canon, c] of Object.entries(f.spec.columns)) expect(text, `${f.name}.${canon}`).toContain(c.aliases?.[0] ?? canon);
    }
  });
  it('the guide links the column reference and the templates, and nothing in the project points outside it', () => {
    const guide = readFileSync(join(ROOT, 'docs', 'guide.md'), 'utf8');
    expect(guide).toContain('(columns.md)');
    expect(guide).toContain('templates/');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('docs/guide.md');
    for (const text of [guide, readme, readFileSync(join(ROOT, 'docs', 'columns.md'), 'utf8')])
      expect(text).not.toMatch(/\.\.\/shared|shared\/spec/);
  });
});
