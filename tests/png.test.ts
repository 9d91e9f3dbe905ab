/** The PNG encoder of chart pictures: a valid PNG that decodes to exactly the pixels given. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
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
  it('decodes to the same pixels, row by row, whatever their changes from the row above', () => {
    const [w, h] = [7, 5];
    const rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([(i * 37) % 256, 255 - ((i * 11) % 256), i % 2 ? 0 : 255, 255], i * 4);
    const { w: dw, h: dh, out, ended } = decode(encodePng(rgba, w, h));
    expect([dw, dh, ended]).toEqual([w, h, true]);
    expect([...out]).toEqual([...rgba]);
  });
});
