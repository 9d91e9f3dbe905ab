/**
 * The last stages of a build, in a process of their own after the render
 * stage (src/lib/publish/render.ts) has ended and freed the model: the PNGs
 * still to draw — those the Word documents show first, the rest by one
 * renderer while the search index and the documents are made (each on one
 * core), then by two —, the font in every chart SVG. What they need of the model
 * comes as `Rendered`, written by the render stage beside the working folder.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fontFace, withFont } from '../charts/files.ts';
import { pngQueue } from '../charts/finish.ts';
import { documentPath } from '../reports/briefs.ts';
import { count } from '../words/format.ts';
import { inside, writeInside } from '../files/inside.ts';
import { reportDocument } from './documents/write.ts';
import type { Progress } from './progress.ts';
import type { Rendered } from './render.ts';
import { searchIndex } from './search.ts';
import { giveBack } from './memory.ts';

export async function finishSite(
  r: Rendered,
  o: { tmp: string; progress: Progress; mark: (stage: string, size?: string, consumer?: string) => void },
) {
  const { tmp, progress, mark } = o;
  const chartDir = `${tmp}-charts`;
  mark('картинки PNG для документов', `${r.charts} графиков`, 'картинки графиков, которые войдут в документы Word');
  // The pictures the documents need are drawn first, by both renderers; the rest by one renderer while the search
  // index and the documents are made, then by both again.
  const documentPages = new Map(r.documents.map((path) => [path, readFileSync(inside(tmp, join(path, 'index.html')), 'utf8')]));
  const needed = new Set([...documentPages.values()].flatMap((html) => [...html.matchAll(/data-chart-id="([^"]+)"/g)].map((m) => m[1])));
  const png = (id: string) => join(chartDir, `${id}.png`);
  // Pictures drawn so far, and how many of them were drawn before the last stage (for its rate and time left).
  const earlier = r.svgs.length - r.undrawn.length;
  let drawn = earlier;
  let before = drawn;
  let tick: (done: number, total?: number, before?: number) => void = () => {};
  const pngs = pngQueue((done) => tick((drawn = earlier + done), r.svgs.length, before));
  const first = (p: string) => (needed.has(basename(p, '.svg')) ? 0 : 1);
  for (const path of [...r.undrawn].sort((a, b) => first(a) - first(b))) pngs.add(path);
  // A site of a few hundred charts has them all drawn by now: the stage is only a region's.
  const missing = [...needed].filter((id) => !existsSync(png(id)) && existsSync(join(chartDir, `${id}.svg`)));
  if (missing.length > 0)
    await progress.stage(
      'Картинки PNG для документов',
      async () => {
        await pngs.until(() => missing.every((id) => existsSync(png(id))));
        return missing.length;
      },
      (n) => count(n, ['картинка', 'картинки', 'картинок']),
    );
  // Search first, while this process is small: Pagefind is a process of its own (about 700 MB for a region's pages),
  // and the documents leave a large heap behind. The indexer and the documents each keep one core busy: one renderer
  // takes the other, and the build stays near 1,3 GB. It holds some 4 s of pictures: a document keeps this process
  // from handing it more for a second or two.
  pngs.limit(1, 16);
  mark('поиск', '', 'индекс поиска (Pagefind) по всем страницам сайта');
  await progress.stage(
    'Поиск',
    () => searchIndex(tmp),
    (n) => `${count(n, ['страница', 'страницы', 'страниц'])} в индексе`,
  );
  mark('документы', '', `документы Word (${r.documents.length}) со своими рисунками`);
  await progress.stage(
    'Документы Word',
    async () => {
      const picture = (id: string) => (existsSync(png(id)) ? readFileSync(png(id)) : undefined);
      for (const [path, html] of documentPages) {
        writeInside(tmp, documentPath(path), await reportDocument(r.document, path, html, picture));
        // A document is made without a pause for the event loop: the renderer's next pictures are handed over between them.
        await new Promise((r) => setImmediate(r));
      }
      return r.documents.length;
    },
    (n) => count(n, ['документ', 'документа', 'документов']),
  );
  mark(
    'картинки PNG',
    `${r.charts} графиков`,
    `шрифт графиков с ${count(r.chars.length, ['знаком', 'знаками', 'знаками'])}, вписываемый в ${count(r.svgs.length, ['файл', 'файла', 'файлов'])} SVG`,
  );
  // What the documents left on the heap goes back to the system before the renderers take both cores.
  giveBack();
  pngs.limit(2);
  await progress.stage(
    'Картинки PNG',
    async (t) => {
      // What the renderers reported while the documents held this process is counted first: it was drawn before.
      await new Promise((r) => setImmediate(r));
      before = drawn;
      tick = t;
      await pngs.finish();
      // The glyphs every chart needs, subset once, go into each SVG file (after the PNGs: they are drawn without it).
      const face = await fontFace(r.chars);
      for (const path of r.svgs) writeFileSync(path, withFont(readFileSync(path, 'utf8'), face));
      renameSync(chartDir, join(tmp, 'charts'));
      return r.svgs.length;
    },
    (n) => count(n, ['картинка', 'картинки', 'картинок']),
  );
}
