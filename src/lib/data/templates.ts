/** The Excel templates and the column reference of the data guide, made from the list of data files. */
import ExcelJS from 'exceljs';
import { DATA_FILES, type DataFile } from './files.ts';

export interface ColumnDoc {
  /** The header the template uses: the first Russian name, or the canonical one. */
  header: string;
  canonical: string;
  others: string[];
  required: boolean;
  expected: string;
  example: string;
}

export function columnDocs(f: DataFile): ColumnDoc[] {
  const docs = Object.entries(f.spec.columns).map(([canonical, c]) => {
    const names = [...(c.aliases ?? [])];
    const header = names[0] ?? canonical;
    return {
      header, canonical,
      others: [canonical, ...names.slice(1)].filter((n) => n !== header),
      required: c.required === true && !c.emptyOk,
      expected: c.fallback === undefined ? c.cell.expected : `${c.cell.expected}; пусто — ${c.fallback}`,
      example: f.example.map((e) => e[canonical]).find((v) => v !== undefined)?.toString() ?? '',
    };
  });
  if (f.spec.tasks) docs.push({ header: 'Задание 1, Задание 2, …', canonical: 'task_1, task_2, …', others: ['Задание № 1'], required: false, expected: 'балл за задание, целое число; задания описываются в reference/tasks.csv', example: '1' });
  return docs;
}

const FIXED = new Date(Date.UTC(2026, 0, 1));

/** A template: the headers on the first sheet (named like the file), the columns described on the second. */
export async function templateBook(f: DataFile): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'МСОКО';
  wb.created = FIXED;
  wb.modified = FIXED;
  const docs = columnDocs(f).filter((d) => !d.canonical.startsWith('task_'));
  const data = wb.addWorksheet(f.name);
  data.addRow(docs.map((d) => d.header)).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  docs.forEach((d, i) => (data.getColumn(i + 1).width = Math.max(12, Math.min(40, d.header.length + 4))));
  const about = wb.addWorksheet('Описание столбцов');
  about.addRow([`${f.title}: data/${f.path.replace(/\.csv$/, '.xlsx')} (или .csv)`]).font = { bold: true, size: 13 };
  about.addRow([f.what]);
  about.addRow(['Данные — на первом листе, заголовок в первой строке (строки с названием над заголовком допускаются). Обязательные столбцы должны быть заполнены в каждой строке. Персональные данные (ФИО, даты рождения, СНИЛС) в файл не вносятся: только обезличенный код участника.']);
  about.addRow([]);
  about.addRow(['Столбец', 'Другие допустимые названия', 'Обязательный', 'Что писать', 'Пример']).font = { bold: true };
  for (const d of columnDocs(f)) about.addRow([d.header, d.others.join('; '), d.required ? 'да' : 'нет', d.expected, d.example]);
  [28, 34, 14, 60, 24].forEach((w, i) => (about.getColumn(i + 1).width = w));
  about.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const md = (s: string) => s.replace(/\|/g, '\\|');

/** docs/columns.md: every file and column with its names, whether it is required, what to write and an example. */
export function columnsMarkdown(): string {
  const out: string[] = [
    '# Файлы и столбцы',
    '',
    '<!-- Этот файл создаёт команда `npm run templates` из описания формата в коде (src/lib/data/files.ts); правки вручную пропадут. -->',
    '',
    'Каждый файл может быть таблицей CSV или книгой Excel (`.xlsx`) с тем же именем. Заголовки столбцов можно писать по-русски или по-английски (любое из названий в таблице), регистр и лишние пробелы не важны, «ё» = «е». Шаблоны книг — в папке `templates/`.',
    '',
  ];
  for (const f of DATA_FILES) {
    out.push(`## ${f.title}: \`data/${f.path}\`${f.required ? ' (обязательный)' : ''}`, '', f.what, '', `Шаблон: \`templates/${f.name}.xlsx\`.`, '');
    out.push('| Столбец | Другие названия | Обязательный | Что писать | Пример |', '|---|---|---|---|---|');
    for (const d of columnDocs(f)) out.push(`| ${md(d.header)} | ${md(d.others.join(', '))} | ${d.required ? 'да' : 'нет'} | ${md(d.expected)} | ${md(d.example)} |`);
    out.push('');
  }
  return out.join('\n');
}
