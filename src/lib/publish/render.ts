/**
 * The stages of a build that need the model: chart files (their PNGs drawn
 * alongside by a renderer process, on the other core), open data and pages
 * (Astro). Then this process ends, and with it the memory of a region's
 * million values: the pictures left, the Word documents and the search index
 * are made by the finish stage (src/lib/publish/finish.ts) in a process of
 * their own, so that their memory never adds to the model's.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { svgChars } from '../charts/files.ts';
import { pngQueue } from '../charts/finish.ts';
import { toCsv } from '../files/csv.ts';
import { inside, writeInside } from '../files/inside.ts';
import { catalog } from '../figures/catalog.ts';
import { spillInto } from '../figures/spill.ts';
import { analysisKeys } from '../figures/subjects.ts';
import type { Model } from '../model/build.ts';
import { setModel } from '../model/handoff.ts';
import { openDataChunks } from '../opendata/write.ts';
import { documentPages } from '../reports/briefs.ts';
import { CHANGES_COLUMNS, changesRows, numbersOf, packNumbers } from '../releases/changes.ts';
import { count, formatNumber } from '../words/format.ts';
import { chartFiles } from './chart-files.ts';
import { cards } from '../views/cards.ts';
import { documentContext, type DocumentContext } from './documents/write.ts';
import { writeArchivedEmbeds } from './embeds.ts';
import { webFiles } from './web.ts';
import type { Progress } from './progress.ts';
import { giveBack } from './memory.ts';

export interface RenderOptions {
  /** The project: Astro's root. */
  root: string;
  /** The folder the site is built into before it replaces dist/. */
  tmp: string;
  /** Astro's own working folder for this build. */
  astroWork: string;
  /** `npm run release`: archived embeds are written and the numbers kept. */
  freeze: boolean;
  progress: Progress;
  /** Tells the supervisor which stage runs. */
  mark: (stage: string, size?: string, consumer?: string) => void;
  /** «63 файла, 47 899 строк, 12 школ», for the supervisor's message if the build dies. */
  size: string;
}

/** What the finish stage (scripts/finish-site.ts, a process of its own) needs of this one: small, and written as JSON. */
export interface Rendered {
  charts: number;
  /** Every chart SVG, and those whose PNG is still to be drawn. */
  svgs: string[];
  undrawn: string[];
  /** The characters the charts use, for the font embedded in their SVG files. */
  chars: string;
  /** The report pages that are also Word documents, and what the documents say of the site. */
  documents: string[];
  document: DocumentContext;
  /** The published numbers of a release being frozen, packed, in base 64. */
  numbers?: string;
  /** Where the site is published: frozen releases are moved there. */
  site: { url: string; base: string };
}

export async function renderSite(model: Model, o: RenderOptions): Promise<Rendered> {
  const { root, tmp, astroWork, freeze, progress, mark, size } = o;
  setModel(model);
  // What reading and computing freed goes back to the system before the pages' work begins.
  giveBack();
  // Charts are kept in the build's working folder, which is cleared when the build ends.
  spillInto(`${tmp}-spill`);
  const cfg = model.data.config.site;
  const write = (rel: string, content: string | Uint8Array, under = tmp) => writeInside(under, rel, content);
  // Chart files first, into a folder of their own: their PNGs are drawn by other processes,
  // on the other core, while this one renders the pages.
  const chartDir = `${tmp}-charts`;
  rmSync(chartDir, { recursive: true, force: true });
  // Renderers beside this process: one for the preview cards; then two for a site of a few hundred charts, through
  // all its stages. For a region's thousands one, and only while chart files and open data are written: the pages stage
  // adds Astro's bundler (about 200 MB) to the model, and a renderer beside it would take the build past 1,5 GB. The
  // rest are drawn after this process.
  const pngs = pngQueue(undefined, 1);
  const chars = new Set<string>();
  const values = `значения показателей (${formatNumber(model.ix.values.length, 0)}) и разбор предметов (${formatNumber(model.subjects.length, 0)} строк)`;
  mark('графики и карточки страниц', size, values);
  const list: string[] = [];
  /** Writes a chart or card file; an SVG is also queued for its PNG (then true). */
  const add = (name: string, content: string | Uint8Array) => {
    const path = write(name, content, chartDir);
    if (!name.endsWith('.svg')) return false;
    list.push(path);
    for (const ch of svgChars(content as string)) chars.add(ch);
    pngs.add(path);
    return true;
  };
  // The preview cards of pages (views/cards.ts) first: they need no chart, and a renderer draws them, all handed over
  // at once, while this process draws the charts of the catalog (a region's 5 400: 14 s, the other core idle before).
  let charts = 0;
  const cardFiles = await progress.stage(
    'Графики и карточки страниц',
    async () => {
      pngs.limit(1, Infinity);
      for (const [name, content] of cards(model)) add(name, content);
      await pngs.handedOut();
      charts = catalog(model).all.size;
      return list.length;
    },
    (n) => `${count(charts, ['график', 'графика', 'графиков'])}, ${count(n, ['карточка', 'карточки', 'карточек'])}`,
  );
  const big = charts > 1000;
  mark('файлы графиков', `${charts} графиков`, values);
  pngs.limit(big ? 1 : 2);
  const svgs = await progress.stage(
    'Файлы графиков (SVG, CSV, ZIP)',
    async (tick) => {
      for (const [name, content] of chartFiles(model)) {
        if (!add(name, content)) continue;
        // The rate and the time left count the charts: the cards were written before.
        tick(list.length, cardFiles + charts, cardFiles);
        if (list.length % 1000 === 0) giveBack();
        // Let finished renderers hand over and new ones start.
        if (list.length % 25 === 0) await new Promise((r) => setImmediate(r));
      }
      return list;
    },
    (l) => count(l.length, ['график', 'графика', 'графиков']),
  );
  giveBack();
  // Open data before the pages, while Astro's bundler and what it leaves behind are not yet on the heap beside the
  // values; into a folder of its own, as chart files are, since Astro empties the output folder when it starts.
  const openDir = `${tmp}-opendata`;
  rmSync(openDir, { recursive: true, force: true });
  mark('открытые данные', size, values);
  await progress.stage('Открытые данные', async () => {
    mkdirSync(openDir, { recursive: true });
    let written = 0;
    for (const [name, chunks] of openDataChunks(model)) {
      const fd = openSync(inside(openDir, name), 'w');
      try {
        for (const c of chunks()) {
          written += writeSync(fd, c);
          // The renderer beside this process is handed its next pictures between pieces.
          await new Promise((r) => setImmediate(r));
        }
      } finally {
        closeSync(fd);
      }
      // A file's rows went through the heap: after every 100 MB written, their pages go back to the system.
      if (written > 100 * 1048576) (giveBack(), (written = 0));
    }
  });
  // A region's renderer stops before the pages: Astro's bundler beside the model and it would pass 1,5 GB.
  const early = big ? await pngs.stop() : undefined;
  giveBack();
  // The published numbers of a release being frozen, while the heap is as small.
  const numbers = freeze
    ? Buffer.from(packNumbers(numbersOf(model.ix.values, model.data.schools, model.ix.years))).toString('base64')
    : undefined;
  // Pages Astro renders: every chart's embed, schools, kindergartens, the subject analyses, indicators and the rest (an estimate for «осталось»).
  const expected =
    charts + model.data.schools.length + model.data.kindergartens.length + analysisKeys(model).length + model.ix.years.length * 8 + 160;
  mark('страницы', `${size}, около ${expected} страниц`, `сборщик страниц Astro вместе с моделью: ${values}`);
  await progress.stage(
    'Страницы',
    async (tick) => {
      // Astro renders pages one by one: their count in the output folder is the progress. Every ten seconds what
      // the rendered pages left is given back to the system.
      let seconds = 0;
      const timer = setInterval(() => {
        tick(pagesSoFar(tmp), expected);
        if (++seconds % 10 === 0) giveBack();
      }, 1000);
      try {
        // Astro puts its intermediate server build in <working directory>/.astro/ when the output folder
        // lies outside it (a folder every build would share), and its content cache in node_modules/.astro:
        // both are made this build's own — the first inside the project, where its chunks find
        // node_modules — so that two builds of different data at the same time never read each other's files.
        mkdirSync(astroWork, { recursive: true });
        process.chdir(astroWork);
        await build({
          root,
          outDir: tmp,
          cacheDir: `${tmp}-astro-cache`,
          site: cfg.url,
          base: cfg.base,
          logLevel: process.env.ASTRO_LOG === 'info' ? 'info' : 'warn',
        });
        process.chdir(root);
        for (const d of [astroWork, `${tmp}-astro-cache`]) rmSync(d, { recursive: true, force: true });
      } finally {
        clearInterval(timer);
      }
      // The archived embeds of a release being frozen: copies of the live ones with their address and note changed.
      if (freeze) writeArchivedEmbeds(model, tmp);
      // Beside the open-data page Astro has just written.
      mkdirSync(join(tmp, 'opendata'), { recursive: true });
      for (const f of readdirSync(openDir)) renameSync(join(openDir, f), inside(tmp, join('opendata', f)));
      rmSync(openDir, { recursive: true, force: true });
      // Sitemap (of the pages just rendered), robots.txt, the feed and every chart's oEmbed (publish/web.ts).
      for (const [name, content] of webFiles(model, tmp)) write(name, content);
      // What each release changed, as the releases page offers it for download.
      for (const c of model.changes)
        if (c.changed.length > 0) write(`releases/${c.release}-changes.csv`, toCsv(CHANGES_COLUMNS, changesRows(c)));
      return countHtml(tmp);
    },
    (n) => count(n, ['страница', 'страницы', 'страниц']),
  );
  // The renderer finishes the pictures it holds and goes; the rest are drawn by the finish stage, after this process.
  const undrawn = early ?? (await pngs.stop());
  // The spill file is already unlinked where the system allows it; its folder goes now, or with the next build.
  rmSync(`${tmp}-spill`, { recursive: true, force: true, maxRetries: 0 });
  return {
    charts,
    svgs,
    undrawn,
    chars: [...chars].sort().join(''),
    documents: documentPages(model),
    document: documentContext(model),
    numbers,
    site: { url: cfg.url, base: cfg.base },
  };
}

/**
 * About how many pages are written, for the progress line: every folder of embed/ holds one, and the rest are
 * counted file by file. Walking a region's 7 000 page folders every second took 7 of the stage's 70 seconds.
 */
function pagesSoFar(dir: string): number {
  let n = 0;
  const walk = (d: string, top: boolean) => {
    // Astro writes as this reads: a folder gone or not yet there is not counted, never an error.
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (!e.isDirectory()) n += e.name.endsWith('.html') ? 1 : 0;
      else if (top && e.name === 'embed') n += existsSync(join(d, e.name)) ? readdirSync(join(d, e.name)).length : 0;
      else if (!(top && e.name === '_astro')) walk(join(d, e.name), false);
    }
  };
  walk(dir, true);
  return n;
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).length;
}
