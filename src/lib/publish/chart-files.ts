/** The files behind every chart of the site: `<id>.svg` with its source line, `<id>.csv` and the data package `<id>.zip`. */
import { toCsv } from '../files/csv.ts';
import { absolute } from '../files/paths.ts';
import { standaloneSvg } from '../charts/files.ts';
import type { Chart } from '../charts/types.ts';
import { catalog } from '../figures/catalog.ts';
import type { Model } from '../model/build.ts';
import { chartPackage } from './chart-package.ts';

export function sourceLine(m: Model, c: Chart): string {
  const cfg = m.data.config;
  return `Источник: ${cfg.department.short ?? cfg.department.name}, ${absolute(cfg.site.url, cfg.site.base, c.page)}${cfg.demo ? ' (демонстрационные данные)' : ''}`;
}

/**
 * The SVG, CSV and data package of every chart, path → content; the PNGs are rendered from the SVGs afterwards.
 * Once its files are written, a chart lets its drawing at other widths go (its data: a region's charts of a
 * thousand schools each hold a thousand rows); its CSV is on disk (figures/spill.ts).
 */
export function* chartFiles(m: Model): Generator<[string, string | Uint8Array]> {
  for (const c of catalog(m).all.values()) {
    yield [`${c.id}.svg`, standaloneSvg(c, sourceLine(m, c))];
    yield [`${c.id}.csv`, toCsv(c.csv.header, c.csv.rows)];
    yield [`${c.id}.zip`, chartPackage(m, c)];
    c.draw = () => c.svg;
  }
}
