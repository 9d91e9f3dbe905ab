/**
 * Words a parent may not know, explained where they appear: the glossary page
 * lists them all, and on every page the first use of each term becomes a
 * button that opens its explanation (the HTML popover: a tap on a phone, Enter
 * from the keyboard, no script). The terms and their Russian text are in
 * glossary-terms.ts.
 */
import { GLOSSARY, type Term } from './glossary-terms.ts';

export { GLOSSARY, type Term };

/** Elements whose text is never turned into a term button: headings, links, controls, charts, code, hidden text. */
const SKIP = new Set(
  'a button h1 h2 h3 h4 h5 h6 script style svg textarea code select option summary label abbr title caption figcaption dt thead kbd'.split(
    ' ',
  ),
);
/** HTML elements that have no closing tag (the site's other reader of its pages' markup, the search input, uses them too). */
export const VOID = new Set(['br', 'img', 'input', 'meta', 'link', 'hr', 'wbr', 'source', 'col', 'area', 'base', 'embed', 'track']);
const LETTER = /[A-Za-zА-Яа-яЁё0-9]/;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = GLOSSARY.map((t) => ({ t, re: new RegExp(t.forms.map(escapeRe).join('|'), 'g') }));
/** Any form of any term: most text nodes have none, and one search tells so instead of one per term. */
const ANY = new RegExp(GLOSSARY.flatMap((t) => t.forms.map(escapeRe)).join('|'));
/**
 * The terms a match of a form may stand for: its own, and every term with a form that starts inside it (the
 * search for any form goes on after a match, so a form inside «индекс ГИА» or running on past it is not found on
 * its own). Once all of them are explained on a page, the match needs no look.
 */
const MAY_BE = new Map(
  GLOSSARY.flatMap((t) => t.forms).map((s) => [
    s,
    GLOSSARY.filter((t) => t.forms.some((f) => [...s].some((_, k) => s.slice(k).startsWith(f) || f.startsWith(s.slice(k))))).map(
      (t) => t.id,
    ),
  ]),
);
/**
 * A page in one pass: scripts, styles and SVG whole (their text is not prose, and a script may hold «<»); a tag
 * with its name and attributes; a comment, or a «<» that opens no tag; or, in the text between, a form of a term
 * (no form holds «<», so none runs into a tag). Markup is never searched for terms: a region's pages are twelve
 * million tags, and searching their attributes was most of the time.
 */
const TOKEN = new RegExp(
  String.raw`<(script|style|svg)\b[\s\S]*?<\/\1>|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<[^>]+>|<|` + ANY.source,
  'g',
);
/** Classes and attributes of elements whose text is left alone: hidden text, the popovers, a flag's label. */
const HIDDEN = /\b(visually-hidden|term-pop|flag)(?![\w-])|aria-hidden="true"|\bpopover\b|data-no-terms/;

/** The popover of a term, placed right after its button. */
function popover(t: Term, glossary: string): string {
  return `<span id="term-${t.id}" popover class="term-pop" data-pagefind-ignore><button type="button" class="term-close" popovertarget="term-${t.id}" popovertargetaction="hide" aria-label="Закрыть пояснение">×</button><strong>${t.term}</strong> — ${t.text} <a href="${glossary}#${t.id}">Все термины</a></span>`;
}

/**
 * Turns the first use of each glossary term in the page's text into a button
 * that opens its explanation. Text in headings, links, controls, charts,
 * captions and hidden elements is left as it is.
 */
export function explainTerms(html: string, glossary: string): string {
  const used = new Set<string>();
  const stack: boolean[] = [];
  let skipping = false;
  let out = '';
  let copied = 0;
  // The text node being read: where it starts, and whether it holds a term not yet explained.
  let at = 0;
  let look = false;
  const token = TOKEN;
  token.lastIndex = 0;
  for (let m; used.size < GLOSSARY.length;) {
    m = token.exec(html);
    if (m && m[0][0] !== '<') {
      look ||= !skipping && MAY_BE.get(m[0])!.some((id) => !used.has(id));
      continue;
    }
    const end = m ? m.index : html.length;
    if (look) {
      const text = html.slice(at, end);
      const explained = explainText(text, used, glossary);
      if (explained !== text) {
        out += html.slice(copied, at) + explained;
        copied = end;
      }
      look = false;
    }
    if (!m) break;
    at = token.lastIndex;
    if (!m[3]) continue;
    const name = m[3].toLowerCase();
    const attributes = m[4];
    if (m[2]) {
      if (!VOID.has(name)) skipping = stack.pop() ?? false;
      continue;
    }
    if (VOID.has(name) || attributes.endsWith('/')) continue;
    stack.push(skipping);
    if (SKIP.has(name) || (attributes !== '' && HIDDEN.test(attributes))) skipping = true;
  }
  return copied === 0 ? html : out + html.slice(copied);
}

/** The terms of one text node not yet explained on the page, each at its first use, in the order they occur. */
function explainText(text: string, used: Set<string>, glossary: string): string {
  if (!ANY.test(text)) return text;
  let first: { t: Term; at: number; word: string } | undefined;
  for (const { t, re } of PATTERNS) {
    if (used.has(t.id)) continue;
    for (const m of text.matchAll(re)) {
      const before = text[m.index - 1];
      const after = text[m.index + m[0].length];
      // A whole word only: «ЕГЭ» in «ЕГЭ-2025» yes, «n» in «min» no.
      if ((before && LETTER.test(before)) || (after && LETTER.test(after) && !m[0].endsWith('='))) continue;
      if (!first || m.index < first.at) first = { t, at: m.index, word: m[0] };
      break;
    }
  }
  if (!first) return text;
  used.add(first.t.id);
  // The punctuation after the term goes inside its button, after the underlined word: Chromium breaks after a
  // button even at a word joiner («)» alone on a line), and a nowrap box would overflow a 320 px column.
  const stuck = /^[.,;:!?»)]*/.exec(text.slice(first.at + first.word.length))![0];
  const rest = text.slice(first.at + first.word.length + stuck.length);
  const word = stuck ? `<span class="term-w">${first.word}</span>${stuck}` : first.word;
  return `${text.slice(0, first.at)}<button type="button" class="term${stuck ? ' term-p' : ''}" popovertarget="term-${first.t.id}">${word}</button>${popover(first.t, glossary)}${explainText(rest, used, glossary)}`;
}
