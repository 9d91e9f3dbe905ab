/**
 * A report page as a Word document: the built page's main content walked
 * element by element — headings, paragraphs, lists, tables, charts as their
 * PNG with the caption — so the document carries exactly the numbers and
 * intervals the page shows. What only works on screen (share blocks, buttons,
 * term pop-ups, download links) is left out.
 */
import {
  AlignmentType,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  BorderStyle,
  HeadingLevel,
  type FileChild,
} from 'docx';
import { parseHTML } from 'linkedom';

/** Text width of an A4 page with the margins of ГОСТ Р 7.0.97 (30 + 10 mm), in pixels at 96 dpi. */
const TEXT_PX = 642;
const HEADINGS = { H1: HeadingLevel.TITLE, H2: HeadingLevel.HEADING_1, H3: HeadingLevel.HEADING_2, H4: HeadingLevel.HEADING_3 } as const;
/**
 * Elements that are for the screen only; and the notes every table repeats on the web (what the brackets and
 * «—» mean, with a link to the method): a document says them once, in its «Методика и источник данных».
 */
const SKIP =
  'script, style, svg, textarea, button, .term-pop, .share, .no-print, .skip, .visually-hidden, nav, form, noscript, .method-note';

/** The text width of a landscape A4 page with 2 cm margins, in twips. */
const LANDSCAPE_TWIPS = 16838 - 2 * 1134;

export interface PageDocument {
  /** The page in runs of one orientation: a table wider than seven columns gets a landscape page of its own. */
  parts: { landscape: boolean; children: FileChild[] }[];
  /** The page's h1, for the title block. */
  title: string;
}

/** Reads a PNG's size from its header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

type Run = { text: string; bold?: boolean; italics?: boolean; break?: boolean };

/** The inline content of an element as runs: bold and italics kept, spaces collapsed. */
function runsOf(el: Element, style: { bold?: boolean; italics?: boolean } = {}): Run[] {
  const out: Run[] = [];
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out.push({ text: (n.textContent ?? '').replace(/\s+/g, ' '), ...style });
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.matches(SKIP)) {
        // A term keeps its word (the button); its pop-up explanation is for the screen.
        if (e.matches('button.term')) out.push({ text: e.textContent ?? '', ...style });
        continue;
      }
      if (e.tagName === 'BR') out.push({ text: '', break: true });
      else
        out.push(
          ...runsOf(e, { bold: style.bold || /^(STRONG|B|TH)$/.test(e.tagName), italics: style.italics || /^(EM|I)$/.test(e.tagName) }),
        );
    }
  }
  return out;
}

const textRuns = (runs: Run[], size?: number) => {
  // Trim the ends of the paragraph, not the spaces between its runs.
  const rs = runs.filter((r) => r.text !== '' || r.break);
  if (rs.length) {
    rs[0] = { ...rs[0], text: rs[0].text.replace(/^\s+/, '') };
    rs[rs.length - 1] = { ...rs[rs.length - 1], text: rs[rs.length - 1].text.replace(/\s+$/, '') };
  }
  return rs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, break: r.break ? 1 : undefined, size }));
};

const plain = (el: Element) =>
  runsOf(el)
    .map((r) => r.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();

export function pageDocument(html: string, png: (chartId: string) => Uint8Array | undefined): PageDocument {
  const { document } = parseHTML(html);
  const main = document.querySelector('main')!;
  const parts: PageDocument['parts'] = [{ landscape: false, children: [] }];
  let children = parts[0].children;
  const orient = (landscape: boolean) => {
    if (parts.at(-1)!.landscape === landscape) return;
    parts.push({ landscape, children: [] });
    children = parts.at(-1)!.children;
  };
  let tables = 0;
  let figures = 0;
  let lists = 0;
  const paragraph = (el: Element, opts: { indent?: boolean } = {}) => {
    const runs = runsOf(el);
    if (!runs.some((r) => r.text.trim())) return;
    children.push(
      new Paragraph({
        children: textRuns(runs),
        alignment: AlignmentType.JUSTIFIED,
        indent: opts.indent === false ? undefined : { firstLine: 709 },
      }),
    );
  };
  const table = (t: Element) => {
    const caption = t.querySelector('caption');
    const rows = [...t.querySelectorAll('tr')];
    const width = Math.max(...rows.map((r) => r.children.length));
    // More than seven columns do not fit a portrait page: headers would break mid-word.
    const wide = width > 7;
    orient(wide);
    tables++;
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `Таблица ${tables}${caption ? ` — ${plain(caption)}` : ''}` })],
        keepNext: true,
        spacing: { before: 120 },
      }),
    );
    // 12 pt as official tables allow; a wide table 10 pt, so that numbers with their intervals fit a column.
    const size = width > 5 ? 20 : 24;
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: rows.map(
          (r, i) =>
            new TableRow({
              tableHeader: i === 0 && r.parentElement?.tagName === 'THEAD',
              children: [...r.children].map(
                (c) =>
                  new TableCell({
                    columnSpan: Number(c.getAttribute('colspan') ?? 1),
                    children: [
                      new Paragraph({
                        children: textRuns(runsOf(c, { bold: c.tagName === 'TH' && r.parentElement?.tagName === 'THEAD' }), size),
                        alignment: c.classList.contains('num') ? AlignmentType.RIGHT : AlignmentType.LEFT,
                        spacing: { line: 240 },
                      }),
                    ],
                  }),
              ),
            }),
        ),
        // The first column (names) twice as wide as the others.
        columnWidths: Array.from({ length: width }, (_, i) =>
          Math.floor(((i === 0 ? 2 : 1) * (wide ? LANDSCAPE_TWIPS : 9638)) / (width + 1)),
        ),
        borders: {
          top: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          left: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          right: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
          insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '000000' },
        },
      }),
    );
    if (wide) orient(false);
  };
  const figure = (f: Element) => {
    const id = f.getAttribute('data-chart-id') ?? '';
    const title = plain(f.querySelector('.title') ?? f);
    const sub = f.querySelector('.sub');
    const alt = f.querySelector('.visually-hidden')?.textContent?.trim() ?? title;
    const image = png(id);
    figures++;
    if (image) {
      const { width, height } = pngSize(image);
      const w = Math.min(TEXT_PX, width);
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: image,
              transformation: { width: w, height: Math.round((height * w) / width) },
              altText: { name: id, title, description: alt },
            }),
          ],
        }),
      );
    }
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `Рисунок ${figures} — ${title}` })] }));
    if (sub)
      children.push(
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: plain(sub), size: 24, italics: true })] }),
      );
    // The chart's numbers, as on the page: its notes and its data table.
    for (const n of f.querySelectorAll(':scope > p.note')) if (!/^Скачать:/.test(plain(n))) paragraph(n);
    for (const t of f.querySelectorAll('table')) table(t);
  };
  const list = (l: Element, level = 0) => {
    const items = [...l.children].filter((li) => li.tagName === 'LI');
    // A list of jumps within the page (the recommendations' topics in «Главное») is a line on paper, not bare headings.
    if (items.length && items.every((li) => li.children.length === 1 && li.firstElementChild?.matches('a[href^="#"]'))) {
      const where = l.ownerDocument.getElementById(decodeURIComponent(items[0].firstElementChild!.getAttribute('href')!.slice(1)));
      let section: Element | null = where;
      while (section && section.tagName !== 'H2') section = section.previousElementSibling;
      const names = items.map((li) => plain(li)).join('; ');
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 709 },
          children: [new TextRun(section ? `В разделе «${plain(section)}»: ${names}.` : `${names}.`)],
        }),
      );
      return;
    }
    const ordered = l.tagName === 'OL';
    const instance = ++lists;
    for (const li of l.children) {
      if (li.tagName !== 'LI') continue;
      const own = [...li.childNodes].filter((n) => !(n.nodeType === 1 && /^(UL|OL)$/.test((n as Element).tagName)));
      const holder = document.createElement('span');
      for (const n of own) holder.appendChild(n.cloneNode(true));
      children.push(
        new Paragraph({
          children: textRuns(runsOf(holder)),
          alignment: AlignmentType.JUSTIFIED,
          numbering: ordered ? { reference: 'numbers', level, instance } : { reference: 'bullets', level },
        }),
      );
      for (const sub of li.querySelectorAll(':scope > ul, :scope > ol')) list(sub, Math.min(level + 1, 2));
    }
  };
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.matches(SKIP)) continue;
      const tag = c.tagName;
      if (tag in HEADINGS) {
        if (tag === 'H1') continue;
        children.push(new Paragraph({ heading: HEADINGS[tag as keyof typeof HEADINGS], children: textRuns(runsOf(c)), keepNext: true }));
      } else if (tag === 'P') paragraph(c);
      else if (tag === 'UL' || tag === 'OL') list(c);
      else if (tag === 'TABLE') table(c);
      else if (tag === 'FIGURE' && c.classList.contains('chart')) figure(c);
      // What a folded block holds, in the document as a line before its content.
      else if (tag === 'SUMMARY') paragraph(c, { indent: false });
      else walk(c);
    }
  };
  walk(main);
  return { parts: parts.filter((p, i) => i === 0 || p.children.length > 0), title: plain(main.querySelector('h1') ?? main) };
}
