/**
 * Finishes chart files: `node scripts/finish-charts.ts a.svg b.svg …` embeds
 * the glyphs each SVG uses (a PT Sans subset, as WOFF) so the SVG looks the
 * same anywhere, and renders a.png, b.png… beside them. The build runs it in
 * batches, in child processes, because resvg-js leaks native memory per image.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { embedFont, png } from '../src/lib/charts/files.ts';

for (const path of process.argv.slice(2)) {
  const svg = readFileSync(path, 'utf8');
  writeFileSync(path, await embedFont(svg));
  writeFileSync(path.replace(/\.svg$/, '.png'), png(svg));
}
