/**
 * PNG files of charts, rendered with resvg from their SVGs. A module of its
 * own, with nothing else to load: the build renders in many short-lived
 * processes, and each starts in a moment.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
export const FONTS = [
  require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/pt-sans/700Bold/PTSans_700Bold.ttf'),
];

/**
 * Renders an SVG to PNG. resvg-js leaks about 5 MB of native memory per
 * image (thx/resvg-js#216), so the build renders in short-lived child
 * processes (scripts/finish-charts.ts), never in its own.
 */
export function png(svg: string): Uint8Array {
  // The font embedded for browsers is left out: resvg has the font files, and parsing the embedded copy costs memory per image.
  const r = new Resvg(svg.replace(/<style>@font-face[^<]*<\/style>/, ''), {
    fitTo: { mode: 'width', value: 1200 },
    background: '#ffffff',
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'PT Sans', sansSerifFamily: 'PT Sans' },
  });
  return r.render().asPng();
}
