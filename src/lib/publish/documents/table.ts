/**
 * A page's table as Word tables: laid out from their content
 * (documents/columns.ts) — portrait, transposed, landscape or set smaller —
 * and a table no page can hold in parts, each repeating the first column,
 * the second and further under «Продолжение таблицы N».
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { holdIntervals, layoutTable, splitColumns } from './columns.ts';
import { plain, runsOf, textRuns } from './runs.ts';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Table number `n` in runs of one orientation. */
export function wordTables(t: Element, n: number): { landscape: boolean; children: FileChild[] }[] {
  const caption = t.querySelector('caption');
  const rows = [...t.querySelectorAll('tr')];
  const texts = rows.map((r) => [...r.children].map((c) => holdIntervals(plain(c))));
  const whole = layoutTable(texts);
  const groups = whole.fits ? [texts[0].map((_, i) => i)] : splitColumns(texts);
  return groups.map((cols, p) => {
    const layout = whole.fits ? whole : layoutTable(texts.map((r) => cols.map((i) => r[i] ?? '')));
    const children: FileChild[] = [
      new Paragraph({
        children: [new TextRun({ text: p === 0 ? `Таблица ${n}${caption ? ` — ${plain(caption)}` : ''}` : `Продолжение таблицы ${n}` })],
        keepNext: true,
        spacing: { before: 120 },
      }),
    ];
    const { size } = layout;
    // Each cell its column's width, the table fixed to them: a word processor would otherwise share the page out evenly.
    const cell = (runs: TextRun[], right: boolean, at: number) =>
      new TableCell({
        width: { size: layout.columns[at], type: WidthType.DXA },
        children: [new Paragraph({ children: runs, alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { line: 240 } })],
      });
    // As the page has it (bold headers, runs); a transposed or abbreviated table from its laid-out text.
    const asPage = !layout.transposed && layout.abbreviated.length === 0;
    const tableRows = asPage
      ? rows.map((r, i) => {
          const head = r.parentElement?.tagName === 'THEAD';
          const own = [...r.children].filter((_, k) => cols.includes(k));
          return new TableRow({
            tableHeader: i === 0 && head,
            children: own.map((c, k) =>
              cell(textRuns(runsOf(c, { bold: c.tagName === 'TH' && head }), size), c.classList.contains('num'), k),
            ),
          });
        })
      : layout.cells.map(
          (r, i) =>
            new TableRow({
              tableHeader: i === 0,
              children: r.map((text, k) =>
                cell([new TextRun({ text, bold: i === 0 || (layout.transposed && k === 0), size })], k > 0 && /^[−\d]/.test(text), k),
              ),
            }),
        );
    children.push(
      new Table({
        width: { size: layout.columns.reduce((a, w) => a + w, 0), type: WidthType.DXA },
        layout: TableLayoutType.FIXED,
        rows: tableRows,
        columnWidths: layout.columns,
        borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
      }),
    );
    if (layout.abbreviated.length > 0)
      children.push(
        new Paragraph({
          children: [new TextRun({ text: `Сокращения: ${layout.abbreviated.map(([a, w]) => `${a} — ${w}`).join('; ')}.`, size: 20 })],
        }),
      );
    return { landscape: layout.landscape, children };
  });
}
