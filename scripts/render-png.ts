/**
 * Renders chart SVGs to PNGs: `node scripts/render-png.ts a.svg b.svg …`
 * writes a.png, b.png… next to them. The build runs it in batches, in child
 * processes, because resvg-js leaks native memory per image.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { png } from '../src/lib/charts/files.ts';

for (const svg of process.argv.slice(2)) writeFileSync(svg.replace(/\.svg$/, '.png'), png(readFileSync(svg, 'utf8')));
