/**
 * The archived embed of a release is the live embed page with two things
 * changed: its address (canonical, og:url) and the note under the chart. It
 * is made from the live page's HTML instead of being rendered a second time:
 * half of a region's pages are embeds, so this halves that work.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDate } from './format.ts';
import type { Model } from './model.ts';
import { absolute, withBase } from './paths.ts';
import { attr as esc } from './charts/render.ts';

/** The note under an embedded chart: when its data date from, and where to get them. Live and archived alike. */
export function embedNote(m: Model, id: string, frozen?: string): string {
  const cfg = m.data.config.site;
  const href = (p: string) => esc(withBase(cfg.base, p));
  const abs = (p: string) => esc(absolute(cfg.url, cfg.base, p));
  return frozen
    ? ` Архивная версия от ${formatDate(m.releaseDate)} (выпуск ${esc(frozen)}): она не меняется при обновлении данных. <a href="${abs(`/embed/${id}/`)}" target="_top">Актуальная версия графика</a>, <a href="${href(`/charts/${id}.csv`)}" target="_top">актуальные данные (CSV)</a>.`
    : ` Данные на ${formatDate(m.today)} <a href="${href(`/charts/${id}.csv`)}" target="_top">Данные (CSV)</a>, <a href="${href(`/charts/${id}.zip`)}" target="_top">с описанием (ZIP)</a>.`;
}

const NOTE = /<span data-embed-note="">[\s\S]*?<\/span>/;

/** Writes `embed/<release>/<id>/` for every live embed page in `siteDir`. */
export function writeArchivedEmbeds(m: Model, siteDir: string): number {
  const root = join(siteDir, 'embed');
  if (!existsSync(root)) return 0;
  const cfg = m.data.config.site;
  let n = 0;
  for (const id of readdirSync(root)) {
    const page = join(root, id, 'index.html');
    if (!existsSync(page)) continue;
    const live = readFileSync(page, 'utf8');
    const from = esc(absolute(cfg.url, cfg.base, `/embed/${id}/`));
    const to = esc(absolute(cfg.url, cfg.base, `/embed/${m.release}/${id}/`));
    const head = live.indexOf('</head>');
    const html =
      live.slice(0, head).split(`"${from}"`).join(`"${to}"`) +
      live.slice(head).replace(NOTE, `<span data-embed-note="">${embedNote(m, id, m.release)}</span>`);
    mkdirSync(join(root, m.release, id), { recursive: true });
    writeFileSync(join(root, m.release, id, 'index.html'), html);
    n++;
  }
  return n;
}
