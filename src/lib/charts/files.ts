/**
 * The files behind every chart: `<id>.svg` (self-contained: title, source and
 * styles inside), `<id>.png` (`PNG_WIDTH` wide, white background, rendered with
 * resvg — no browser) and `<id>.csv` (its data, UTF-8 with a header).
 */
import { readFileSync } from 'node:fs';
import { FONTS } from './png.ts';
import subsetFont from 'subset-font';
import type { Chart } from './types.ts';
import { attr as esc, WIDE } from './render.ts';

/** Greedy word wrap by an estimate of character width (PT Sans averages ~0.52 em). */
export function wrap(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const OUT = WIDE + 40;
const FONT = `'PT Sans', 'Segoe UI', Arial, sans-serif`;

/** The chart as a standalone SVG document with its title, subtitle and source line. */
export function standaloneSvg(c: Chart, source: string): string {
  const chart = c.wide ?? c.draw(WIDE);
  const m = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(chart);
  const h = m ? Number(m[2]) : 260;
  const title = wrap(c.title, 50);
  const sub = wrap(c.subtitle, 74);
  const legend = c.legend.map((l) => l.label).join(' · ');
  let y = 40;
  const parts: string[] = [];
  for (const t of title) {
    parts.push(`<text x="20" y="${y}" font-size="22" font-weight="700" fill="#1a1a1a">${esc(t)}</text>`);
    y += 28;
  }
  y += 2;
  for (const t of sub) {
    parts.push(`<text x="20" y="${y}" font-size="15" fill="#444">${esc(t)}</text>`);
    y += 20;
  }
  let x = 20;
  if (legend) {
    for (const l of c.legend) {
      const w = 40 + l.label.length * 7.5;
      // A key that does not fit the line starts a new one.
      if (x > 20 && x + w > OUT - 20) {
        x = 20;
        y += 22;
      }
      parts.push(
        l.mark === 'box'
          ? `<rect x="${x}" y="${y + 2}" width="16" height="12" fill="${l.color}"/>`
          : l.mark === 'interval'
            ? `<path d="M${x + 2} ${y + 8}H${x + 22}M${x + 2} ${y + 3}V${y + 13}M${x + 22} ${y + 3}V${y + 13}" stroke="${l.color}" stroke-width="2" fill="none"/>`
            : `<line x1="${x}" y1="${y + 8}" x2="${x + 24}" y2="${y + 8}" stroke="${l.color}" stroke-width="3"${l.mark === 'dashed' ? ' stroke-dasharray="6 3"' : ''}/>`,
      );
      parts.push(`<text x="${x + 30}" y="${y + 13}" font-size="14" fill="#1a1a1a">${esc(l.label)}</text>`);
      x += w;
    }
    y += 26;
  }
  y += 8;
  const inner = chart.replace(/^<svg[^>]*>/, (tag) =>
    tag.replace(/ (width|height)="[^"]*"/g, '').replace(/^<svg/, `<svg x="20" y="${y}" width="${WIDE}" height="${h}"`),
  );
  y += h + 30;
  // The source with its address and the demo note may run past one line: it wraps as the title does.
  for (const t of wrap(source, 88)) {
    parts.push(`<text x="20" y="${y}" font-size="13" fill="#444">${esc(t)}</text>`);
    y += 17;
  }
  const total = y + 3;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${OUT}" height="${total}" viewBox="0 0 ${OUT} ${total}" font-family="${FONT}"><title>${esc(c.title)}</title><desc>${esc(c.alt)}</desc><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}${inner}</svg>\n`;
}

/** The characters an SVG shows: its text content, entities decoded. */
export function svgChars(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' })[e] ?? '');
}

/**
 * An @font-face with the glyphs of PT Sans that the charts use, as a WOFF
 * subset: embedded in every chart SVG, it makes the file look the same on any
 * computer. One subset for all charts of a build (their characters together)
 * costs one subsetting instead of thousands. Bold text is synthesised from the
 * regular face, which keeps the files small.
 */
export async function fontFace(chars: Iterable<string>): Promise<string> {
  const text = [...new Set([...chars, ...'0123456789,.−+%'])].sort().join('');
  const woff = await subsetFont(readFileSync(FONTS[0]), text, { targetFormat: 'woff' });
  return `<style>@font-face{font-family:'PT Sans';src:url(data:font/woff;base64,${Buffer.from(woff).toString('base64')}) format('woff');}</style>`;
}

/** Puts the font face into a standalone chart SVG, right after its root tag. */
export const withFont = (svg: string, face: string) => svg.replace(/(<svg xmlns[^>]*>)/, `$1${face}`);
