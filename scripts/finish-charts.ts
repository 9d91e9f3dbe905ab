/**
 * A chart renderer of the build (src/lib/charts/finish.ts): it stays up while
 * the build has work for it, takes the paths of chart SVGs as they are
 * written and writes a.png beside a.svg. Run by hand, `node
 * scripts/finish-charts.ts a.svg b.svg …` renders those and ends.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { png, startPng } from '../src/lib/charts/png.ts';

await startPng();
// Written beside and renamed into place: a renderer stopped half-way leaves no half a picture.
const render = (path: string) => {
  const out = path.replace(/\.svg$/, '.png');
  writeFileSync(`${out}.part`, png(readFileSync(path, 'utf8')));
  renameSync(`${out}.part`, out);
};

if (process.send) {
  // When the build is gone, or done with this renderer, its channel closes: the renderer stops too.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (paths: string[]) => {
    for (const p of paths) render(p);
    // Each picture leaves a few megabytes of pixels behind: collected at once, the renderer stays small beside the build.
    (globalThis as { gc?: () => void }).gc?.();
    process.send!(paths.length);
  });
  process.send(0);
} else for (const p of process.argv.slice(2)) render(p);
