/**
 * The last stages of a build, in a process of their own after the render
 * stage (src/lib/publish/render.ts) has ended and freed the model: the PNGs
 * still to draw, the font in every chart SVG, the Word documents, the search
 * index. What they need of the model comes as `Rendered`, written by the
 * render stage beside the working folder.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontFace, withFont } from '../charts/files.ts';
import { pngQueue } from '../charts/finish.ts';
import { documentPath } from '../reports/briefs.ts';
import { count } from '../words/format.ts';
import { inside, writeInside } from '../files/inside.ts';
import { reportDocument } from './documents/write.ts';
import type { Progress } from './progress.ts';
import type { Rendered } from './render.ts';
import { searchIndex } from './search.ts';

export async function finishSite(
  r: Rendered,
  o: { tmp: string; progress: Progress; mark: (stage: string, size?: string, consumer?: string) => void },
) {
  const { tmp, progress, mark } = o;
  const chartDir = `${tmp}-charts`;
  mark(
    'картинки PNG',
    `${r.charts} графиков`,
    `шрифт графиков с ${count(r.chars.length, ['знаком', 'знаками', 'знаками'])}, вписываемый в ${count(r.svgs.length, ['файл', 'файла', 'файлов'])} SVG`,
  );
  await progress.stage(
    'Картинки PNG',
    async (tick) => {
      // The renderers have both cores now: the process that held the model is gone.
      let drawn = r.svgs.length - r.undrawn.length;
      const pngs = pngQueue((done) => tick(drawn + done, r.svgs.length));
      for (const path of r.undrawn) pngs.add(path);
      await pngs.finish();
      drawn = r.svgs.length;
      // The glyphs every chart needs, subset once, go into each SVG file (after the PNGs: they are drawn without it).
      const face = await fontFace(r.chars);
      for (const path of r.svgs) writeFileSync(path, withFont(readFileSync(path, 'utf8'), face));
      renameSync(chartDir, join(tmp, 'charts'));
      return drawn;
    },
    (n) => count(n, ['картинка', 'картинки', 'картинок']),
  );
  // Search first, while this process is small: Pagefind is a process of its own, and the documents leave a large heap behind.
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
      const png = (id: string) => {
        const p = join(tmp, 'charts', `${id}.png`);
        return existsSync(p) ? readFileSync(p) : undefined;
      };
      for (const path of r.documents) {
        writeInside(
          tmp,
          documentPath(path),
          await reportDocument(r.document, path, readFileSync(inside(tmp, join(path, 'index.html')), 'utf8'), png),
        );
      }
      return r.documents.length;
    },
    (n) => count(n, ['документ', 'документа', 'документов']),
  );
}
