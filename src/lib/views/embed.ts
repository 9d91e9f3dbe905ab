/** What an embedded chart shows around itself, and the code a journalist pastes to embed it. */
import { absolute, withBase } from '../files/paths.ts';
import type { Chart } from '../charts/types.ts';
import { attr as esc, WIDE_COLUMN } from '../charts/render.ts';
import type { Model } from '../model/build.ts';
import { formatDate } from '../words/format.ts';

/** The note under an embedded chart: when its data date from, and where to get them. Live and archived alike. */
export function embedNote(m: Model, id: string, frozen?: string): string {
  const cfg = m.data.config.site;
  const href = (p: string) => esc(withBase(cfg.base, p));
  const abs = (p: string) => esc(absolute(cfg.url, cfg.base, p));
  return frozen
    ? ` Архивная версия от ${formatDate(m.releaseDate)} (выпуск ${esc(frozen)}): она не меняется при обновлении данных. <a href="${abs(`/embed/${id}/`)}" target="_top">Актуальная версия графика</a>, <a href="${href(`/charts/${id}.csv`)}" target="_top">актуальные данные (CSV)</a>.`
    : ` Данные на ${formatDate(m.today)} <a href="${href(`/charts/${id}.csv`)}" target="_top">Данные (CSV)</a>, <a href="${href(`/charts/${id}.zip`)}" target="_top">с описанием (ZIP)</a>.`;
}

/** The message an embed page sends its host with its height (Embed.astro), and the host's code listens for. */
export const HEIGHT_MESSAGE = 'msoko-embed-height';

/** Lines a text takes at a font size in a column: Cyrillic in the system sans fonts runs at about 0,6 em a letter. */
const lines = (text: string, column: number, fontPx: number) => Math.max(1, Math.ceil((text.length * fontPx * 0.6) / column));

/**
 * How tall a chart's embed page is in a column of `width` px, estimated from
 * what it holds: the height the iframe starts with, and keeps where the host
 * runs no scripts. Generous on purpose: a little blank space under a chart is
 * better than a cut-off source line (the browser test measures every embed).
 */
export function fallbackHeight(chart: Chart, width = 600): number {
  const column = width - 24;
  const drawing = column >= WIDE_COLUMN && chart.wide ? chart.wide : chart.svg;
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(drawing) ?? ['', '320', '260'];
  // A drawing is shown at its own width or narrower (site.css, .plots).
  const svg = (Math.min(column, Number(w)) * Number(h)) / Number(w);
  const legend = chart.legend.length ? lines(chart.legend.map((l) => `${l.label}xxxxx`).join(''), column, 14.4) * 22 + 8 : 0;
  const notes = chart.notes.reduce((a, n) => a + lines(n, column, 16) * 24 + 16, 0);
  const height =
    24 + // body padding
    lines(chart.title, column, 18.4) * 28 +
    lines(chart.subtitle, column, 15.2) * 23 +
    16 +
    legend +
    svg +
    notes +
    48 + // «Таблица»
    lines(
      `Источник: ${chart.pageTitle} — Качество образования, муниципалитет (демонстрационные данные). Данные на 1 декабря 2026 г. Данные (CSV), с описанием (ZIP).`,
      column,
      16,
    ) *
      24 +
    32;
  return Math.ceil((height * 1.1) / 10) * 10;
}

/**
 * The code a journalist pastes into a news post: the iframe at its fallback
 * height and a few lines that fit it to its content as the column narrows or
 * the reader opens the data table (as Datawrapper's and OWID's embeds do).
 * The script resizes only the iframe that sent the message.
 */
export function embedCode(chart: Chart, src: string): string {
  const title = chart.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    `<iframe src="${src}" title="${title}" width="100%" height="${fallbackHeight(chart)}" style="border:0;width:100%;max-width:760px" loading="lazy"></iframe>` +
    `<script>window.addEventListener("message",function(e){var d=e.data&&e.data["${HEIGHT_MESSAGE}"];if(!d)return;` +
    `var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].style.height=d+"px"})</script>`
  );
}
