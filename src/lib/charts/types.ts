/**
 * What every chart is made of, and what a chart kind is given. A kind is a
 * function from a small typed input — values with their intervals, labels,
 * thresholds, and the finding already worded by the layers below — to a
 * figure: it draws and tabulates, it never looks anything up or decides.
 */
import type { Cell } from '../files/csv.ts';
import type { TableCell } from '../words/cells.ts';

/**
 * The width of a chart's PNG: a chart's 640 px drawn 1,6 times, 150 dpi and more across a Word document's page
 * (tests/reader.test.ts). The pictures are a region build's largest work (a school chart took 27 ms at 1 200 px,
 * two thirds of it its text): at 1 024 px a region's 5 400 charts take some 40 s less of the processor. A picture
 * wider of its own — the 1 200 × 630 preview cards — keeps its width.
 */
export const PNG_WIDTH = 1024;

export interface Chart {
  /** Stable across rebuilds and seasons: derived from what the chart shows, never from positions. */
  id: string;
  title: string;
  subtitle: string;
  /** Site path (without base) of the page the chart belongs to. */
  page: string;
  pageTitle: string;
  /** Drawn at `WIDTH` (render.ts): phones and narrow columns. */
  svg: string;
  /** Drawn at `WIDE`: wide columns and the chart's files (a chart of the catalog has it; figures/catalog.ts). */
  wide?: string;
  /** Draws the chart at another width (the downloadable files are wider than the page). */
  draw: (width: number) => string;
  /** Text alternative: what the chart shows, in words. */
  alt: string;
  table: { head: string[]; rows: TableCell[][] };
  csv: { header: string[]; rows: Cell[][] };
  notes: string[];
  indicator?: string;
  /** Keys of the marks, shown above the chart in HTML (the SVG has no legend of its own). */
  legend: LegendItem[];
}

/** What a chart is told by the page that shows it: its id, its title (stating the finding), where it lives. */
export type ChartMeta = Pick<Chart, 'id' | 'title' | 'subtitle' | 'page' | 'pageTitle' | 'indicator'>;

/** One value as a chart draws it and its table shows it; a withheld value has no number, only why. */
export interface Point {
  value?: number;
  /** The 95 % interval (spec §11). */
  lo?: number;
  hi?: number;
  /** The group's size; undefined where even that is withheld (ОВЗ counts). */
  n?: number;
  /** Why the value is withheld, in words. */
  why?: string;
}

/** The group a chart's values belong to, as its CSV names it. */
export interface Keys {
  indicator: string;
  subject?: string;
  grade?: number;
  period?: string;
}

export interface LegendItem {
  label: string;
  color: string;
  /** `interval`: the error bar of a 95 % interval. */
  mark: 'line' | 'dashed' | 'box' | 'interval';
}
