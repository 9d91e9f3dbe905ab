/**
 * PNG files of charts, rendered from their SVGs by resvg compiled to
 * WebAssembly: the same pixels as its native build, and memory that is
 * freed after every image (the native build of resvg-js leaks about 5 MB a
 * picture, thx/resvg-js#216, which made the build throw its renderers away
 * every 60 charts). A module of its own, with nothing else to load.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { PNG_WIDTH } from './types.ts';

const require = createRequire(import.meta.url);
export const FONTS = [
  require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'),
];

let fonts: Uint8Array[] | undefined;

/** Loads the renderer and the fonts, once per process. */
export async function startPng(): Promise<void> {
  if (fonts) return;
  await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  fonts = FONTS.map((f) => readFileSync(f));
}

/** The width an SVG says it has (its root's `width`), 0 when it says none. */
const ownWidth = (svg: string) => Number(/^(?:<\?xml[^>]*>\s*)?<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 0);

/** Renders an SVG to a PNG `PNG_WIDTH` wide (or its own width, if wider) on white (after `startPng`). */
export function png(svg: string): Uint8Array {
  if (!fonts) throw new Error('startPng() first');
  // The font embedded for browsers is left out: resvg has the font files, and parsing the embedded copy costs time per image.
  const r = new Resvg(svg.replace(/<style>@font-face[^<]*<\/style>/, ''), {
    fitTo: { mode: 'width', value: Math.max(PNG_WIDTH, ownWidth(svg)) },
    background: '#ffffff',
    font: { fontBuffers: fonts, loadSystemFonts: false, defaultFontFamily: 'PT Sans', sansSerifFamily: 'PT Sans' },
  });
  const image = r.render();
  try {
    return encodePng(image.pixels, image.width, image.height);
  } finally {
    // WebAssembly memory is not the garbage collector's: each picture gives its own back at once.
    image.free();
    r.free();
  }
}

let rows = Buffer.alloc(0);
let rgb = new Uint32Array(0);
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * An RGBA picture's rows without alpha, each after its filter byte (none). Four pixels are read as four words and
 * written as three (on little-endian machines, every one that runs Node here), R0G0B0R1 G1B1R2G2 B2R3G3B3: the
 * encoding of a region's picture 6,4 → 5,4 ms, against a byte-by-byte copy.
 */
function rgbRows(rgba: Uint8Array, width: number, height: number, raw: Buffer) {
  const quads = LITTLE_ENDIAN && rgba.byteOffset % 4 === 0 ? width >> 2 : 0;
  if (rgb.length < Math.ceil(width * 0.75)) rgb = new Uint32Array(Math.ceil(width * 0.75));
  const line = new Uint8Array(rgb.buffer, 0, width * 3);
  const px = quads > 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * height) : rgb;
  for (let y = 0; y < height; y++) {
    let s = y * width;
    for (let q = 0, d = 0; q < quads; q++, s += 4, d += 3) {
      const p1 = px[s + 1];
      const p2 = px[s + 2];
      rgb[d] = (px[s] & 0xffffff) | (p1 << 24);
      rgb[d + 1] = ((p1 >>> 8) & 0xffff) | (p2 << 16);
      rgb[d + 2] = ((p2 >>> 16) & 0xff) | (px[s + 3] << 8);
    }
    for (let x = quads * 4, i = (y * width + x) * 4, j = x * 3; x < width; x++, i += 4, j += 3)
      ((line[j] = rgba[i]), (line[j + 1] = rgba[i + 1]), (line[j + 2] = rgba[i + 2]));
    raw[y * (width * 3 + 1)] = 0;
    raw.set(line, y * (width * 3 + 1) + 1);
  }
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A chart on white as an RGB PNG deflated by Node's zlib: 40 % faster than resvg's own encoder and a fifth
 * smaller (and pngjs, tried, was slower than both) — the pictures are a region build's largest work, six thousand
 * of them. The same pixels, losslessly. Rows unfiltered at level 3: on 150 of a region's charts 6,3 ms a picture
 * and 73 KB, where the «up» filter at level 4 took 12,9 ms for the same size (a chart's flat colours repeat along a
 * row, which deflate finds by itself; the filter only cost the time of a second pass).
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const row = width * 3 + 1;
  // One buffer of rows for every picture of a renderer: a fresh one of 3–4 MB a picture cost its page faults (2 ms of 30).
  if (rows.length < row * height) rows = Buffer.allocUnsafe(row * height);
  const raw = rows.subarray(0, row * height);
  // The background is white and opaque: alpha carries nothing.
  rgbRows(rgba, width, height, raw);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}
