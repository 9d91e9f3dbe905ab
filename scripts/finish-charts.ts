/**
 * Renders chart PNGs: `node scripts/finish-charts.ts a.svg b.svg …` writes
 * a.png, b.png… beside them. The build runs it in batches, in child
 * processes, because resvg-js leaks native memory per image.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { png } from '../src/lib/charts/png.ts';

for (const path of process.argv.slice(2)) {
  writeFileSync(path.replace(/\.svg$/, '.png'), png(readFileSync(path, 'utf8')));
  // Between images, hear whether the build that started this renderer is still there.
  await new Promise((r) => setImmediate(r));
  if (process.send && !process.connected) process.exit(2);
}
// The channel to the build would keep this process waiting.
process.disconnect?.();
