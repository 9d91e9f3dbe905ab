/**
 * The text of a page's elements as Word runs: bold and italics kept, spaces
 * collapsed, screen-only elements left out, intervals held whole.
 */
import { TextRun } from 'docx';
import { breakable, holdIntervals } from './columns.ts';

/**
 * Elements that are for the screen only; and the notes every table repeats on the web (what the brackets and
 * «—» mean, with a link to the method): a document says them once, in its «Методика и источник данных».
 */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'SVG', 'TEXTAREA', 'BUTTON', 'NAV', 'FORM', 'NOSCRIPT']);
const SKIP_CLASSES = ['term-pop', 'share', 'no-print', 'skip', 'visually-hidden', 'method-note', 'cols-toggle'];

/**
 * Whether an element is left out of a document. Tested by its tag and classes, not `matches()`: linkedom compiles
 * a selector on every call, which was a fifth of a region's documents' time.
 */
export function screenOnly(e: Element): boolean {
  if (SKIP_TAGS.has(e.tagName.toUpperCase())) return true;
  const c = e.getAttribute('class');
  return !!c && SKIP_CLASSES.some((k) => e.classList.contains(k));
}

type Run = { text: string; bold?: boolean; italics?: boolean; break?: boolean };

/** The inline content of an element as runs: bold and italics kept, spaces collapsed. */
export function runsOf(el: Element, style: { bold?: boolean; italics?: boolean } = {}): Run[] {
  const out: Run[] = [];
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out.push({ text: (n.textContent ?? '').replace(/\s+/g, ' '), ...style });
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (screenOnly(e)) {
        // A term keeps its word (the button); its pop-up explanation is for the screen.
        if (e.tagName === 'BUTTON' && e.classList.contains('term')) out.push({ text: e.textContent ?? '', ...style });
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

/** Neighbouring runs of one style as one: an interval split between a value's run and its bracket's is held whole. */
function merged(runs: Run[], table = false): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last && !last.break && !r.break && !!last.bold === !!r.bold && !!last.italics === !!r.italics)
      out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push({ ...r });
  }
  return out.map((r) => ({ ...r, text: table ? breakable(holdIntervals(r.text)) : holdIntervals(r.text) }));
}

export const textRuns = (runs: Run[], size?: number) => {
  // Trim the ends of the paragraph, not the spaces between its runs. A size is a table's.
  const rs = merged(runs, size !== undefined).filter((r) => r.text !== '' || r.break);
  if (rs.length) {
    rs[0] = { ...rs[0], text: rs[0].text.replace(/^\s+/, '') };
    rs[rs.length - 1] = { ...rs[rs.length - 1], text: rs[rs.length - 1].text.replace(/\s+$/, '') };
  }
  return rs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italics, break: r.break ? 1 : undefined, size }));
};

export const plain = (el: Element) =>
  runsOf(el)
    .map((r) => r.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
