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
  for (let y = 0; y < height; y++) {
    const o = y * row;
    const s = y * width * 4;
    raw[o] = 0; // filter: none
    // The background is white and opaque: alpha carries nothing.
    for (let i = s, j = o + 1; i < s + width * 4; i += 4, j += 3)
      ((raw[j] = rgba[i]), (raw[j + 1] = rgba[i + 1]), (raw[j + 2] = rgba[i + 2]));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}
