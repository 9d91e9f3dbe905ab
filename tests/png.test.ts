/** The PNG encoder of chart pictures (a valid PNG that decodes to exactly the pixels given) and the renderers that draw them. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngQueue } from '../src/lib/charts/finish.ts';
import { encodePng } from '../src/lib/charts/png.ts';

/** Reads an RGB PNG of filters none and up back into RGBA (alpha 255), as a viewer would. */
function decode(png: Uint8Array) {
  const b = Buffer.from(png);
  expect([...b.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const chunks = new Map<string, Buffer>();
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o);
    chunks.set(b.toString('latin1', o + 4, o + 8), b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const ihdr = chunks.get('IHDR')!;
  const [w, h] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)];
  expect([ihdr[8], ihdr[9]]).toEqual([8, 2]);
  const raw = inflateSync(chunks.get('IDAT')!);
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    const filter = raw[y * (w * 3 + 1)];
    expect([0, 2]).toContain(filter);
    for (let x = 0; x < w * 3; x++) {
      const v = raw[y * (w * 3 + 1) + 1 + x];
      const up = y > 0 && filter === 2 ? out[((y - 1) * w + Math.floor(x / 3)) * 4 + (x % 3)] : 0;
      out[(y * w + Math.floor(x / 3)) * 4 + (x % 3)] = (v + up) & 255;
    }
    for (let x = 0; x < w; x++) out[(y * w + x) * 4 + 3] = 255;
  }
  return { w, h, out, ended: chunks.has('IEND') };
}

describe('a chart picture as PNG', () => {
  // Widths with and without pixels past the last four (copied word by word), and pixels that do not start on a word.
  it.each([
    [7, 5, 0],
    [8, 3, 0],
    [9, 2, 1],
  ])('decodes to the same pixels, row by row, %i × %i (offset %i)', (w, h, offset) => {
    const rgba = new Uint8Array(w * h * 4 + offset).subarray(offset);
    for (let i = 0; i < w * h; i++) rgba.set([(i * 37) % 256, 255 - ((i * 11) % 256), i % 2 ? 0 : 255, 255], i * 4);
    const { w: dw, h: dh, out, ended } = decode(encodePng(rgba, w, h));
    expect([dw, dh, ended]).toEqual([w, h, true]);
    expect([...out]).toEqual([...rgba]);
  });
});

describe('the renderers of a build', () => {
  const svg = (fill: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 40" width="60" height="40"><rect width="60" height="40" fill="${fill}"/></svg>`;

  it('draw the pictures asked first before the rest, go down to none and back to two, and draw every one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'png-queue-'));
    const paths = Array.from({ length: 60 }, (_, i) => {
      const p = join(dir, `c${String(i).padStart(2, '0')}.svg`);
      writeFileSync(p, svg(i % 2 ? '#c00' : '#06c'));
      return p;
    });
    const first = paths.slice(50);
    const q = pngQueue(undefined, 2, 5);
    for (const p of [...first, ...paths.slice(0, 50)]) q.add(p);
    await q.until(() => first.every((p) => existsSync(p.replace(/svg$/, 'png'))));
    expect(first.every((p) => existsSync(p.replace(/svg$/, 'png')))).toBe(true);
    // Most of the rest are still to draw when the first are there: they were queued after them.
    expect(paths.slice(0, 50).filter((p) => existsSync(p.replace(/svg$/, 'png'))).length).toBeLessThan(50);
    // None while the search indexer runs, one beside the documents, two for the rest.
    q.limit(0);
    await new Promise((r) => setTimeout(r, 300));
    q.limit(1);
    q.limit(2);
    await q.finish();
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(60);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toHaveLength(0);
  }, 60_000);
});
