/** What every chart is made of, and how charts are grouped for pages. */
import type { Where } from '../indicators/query.ts';
import type { Cell } from '../opendata/csv.ts';
import type { TableCell } from '../presentation.ts';
import type { Section } from '../procedures.ts';

export interface Chart {
  /** Stable across rebuilds and seasons: derived from what the chart shows, never from positions. */
  id: string;
  title: string;
  subtitle: string;
  /** Site path (without base) of the page the chart belongs to. */
  page: string;
  pageTitle: string;
  svg: string;
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

export interface LegendItem {
  label: string;
  color: string;
  /** `interval`: the error bar of a 95 % interval. */
  mark: 'line' | 'dashed' | 'box' | 'interval';
}

export interface GroupCharts {
  where: Where;
  label: string;
  trend?: Chart;
  schools?: Chart;
}

export interface SectionCharts {
  section: Section;
  subjects?: Chart;
  groups: Map<string, GroupCharts[]>;
  objectivity?: Chart;
  tasks: Chart[];
}

export interface Catalog {
  all: Map<string, Chart>;
  sections: Map<string, SectionCharts>;
  schools: Map<string, Chart[]>;
  reports: Map<number, Chart[]>;
  /** Results against the schools' conditions, by year (spec §12). */
  context: Map<number, Chart>;
  /** Pupils' progress: the municipal picture and the schools, by `pair|year` (spec §13). */
  progress: Map<string, Chart[]>;
}
