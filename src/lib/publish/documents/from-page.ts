/**
 * A report page as a Word document: the built page's main content walked
 * element by element — headings, paragraphs, lists, tables, charts as their
 * PNG with the caption — so the document carries exactly the numbers and
 * intervals the page shows. What only works on screen (share blocks, buttons,
 * term pop-ups, download links) is left out.
 */
import { AlignmentType, ImageRun, Paragraph, TextRun, HeadingLevel, type FileChild } from 'docx';
import { parseHTML } from 'linkedom';
import { plain, runsOf, screenOnly, textRuns } from './runs.ts';
import { wordTables } from './table.ts';
import { count } from '../../words/format.ts';

/** Text width of an A4 page with the margins of ГОСТ Р 7.0.97 (30 + 10 mm), in pixels at 96 dpi. */
const TEXT_PX = 642;

const HEADINGS = { H1: HeadingLevel.TITLE, H2: HeadingLevel.HEADING_1, H3: HeadingLevel.HEADING_2, H4: HeadingLevel.HEADING_3 } as const;

export interface PageDocument {
  /** The page in runs of one orientation: a table too wide for a portrait page gets landscape pages of its own. */
  parts: { landscape: boolean; children: FileChild[] }[];
  /** The page's h1, for the title block. */
  title: string;
}

/** Reads a PNG's size from its header. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/** `here`: the page's address on the site, for the lines that stand for its lists of links. */
export function pageDocument(html: string, png: (chartId: string) => Uint8Array | undefined, here?: string): PageDocument {
  const { document } = parseHTML(html);
  const main = document.querySelector('main')!;
  const parts: PageDocument['parts'] = [{ landscape: false, children: [] }];
  let children = parts[0].children;
  // Headings just written: a landscape table takes them to its page, so that none is left alone at a page's foot.
  const headings = new Set<FileChild>();
  const orient = (landscape: boolean) => {
    if (parts.at(-1)!.landscape === landscape) return;
    const moved: FileChild[] = [];
    while (children.length > 0 && headings.has(children.at(-1)!)) moved.unshift(children.pop()!);
    parts.push({ landscape, children: moved });
    children = parts.at(-1)!.children;
  };
  let tables = 0;
  let figures = 0;
  let lists = 0;
  // A run of links (the subject analyses) is a line on paper with the page's address, once in a section.
  let addressed = false;
  const paragraph = (el: Element, opts: { indent?: boolean } = {}) => {
    const links = el.querySelectorAll('a[href]');
    const linked = [...links].reduce((a, l) => a + (l.textContent ?? '').length, 0);
    if (links.length >= 3 && here && linked >= 0.6 * (el.textContent ?? '').length) {
      const lead = document.createElement('span');
      for (let n = el.firstChild; n && n !== links[0]; n = n.nextSibling) lead.appendChild(n.cloneNode(true));
      const what = plain(lead).replace(/[\s:—-]+$/, '');
      const pages = count(links.length, ['страница', 'страницы', 'страниц']);
      const text = `${what ? `${what} — ${pages}` : `${pages[0].toUpperCase()}${pages.slice(1)}`}${addressed ? ' на сайте' : ` (на сайте: ${here})`}.`;
      addressed = true;
      children.push(new Paragraph({ children: [new TextRun(text)], alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 709 } }));
      return;
    }
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
    for (const part of wordTables(t, ++tables)) {
      orient(part.landscape);
      children.push(...part.children);
    }
    orient(false);
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
    // Where its numbers come from, and where they are to be had (the chart's CSV on the site).
    const csv = f.querySelector('a[href$=".csv"]')?.getAttribute('href');
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: `Источник: данные муниципальной системы оценки качества образования${csv && here ? `; числа графика — на сайте: ${new URL(csv, here).href}` : ''}.`,
            size: 20,
          }),
        ],
      }),
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
      if (screenOnly(c)) continue;
      const tag = c.tagName;
      if (tag in HEADINGS) {
        if (tag === 'H1') continue;
        if (tag === 'H2') addressed = false;
        const h = new Paragraph({ heading: HEADINGS[tag as keyof typeof HEADINGS], children: textRuns(runsOf(c)), keepNext: true });
        headings.add(h);
        children.push(h);
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
