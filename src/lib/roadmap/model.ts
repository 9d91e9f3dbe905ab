import type { Roadmap, RoadmapItem, RoadmapReport, RoadmapStatus } from '../data/tables.ts';
import { parseDeadline, roadmapYears, type Deadline } from '../data/deadline.ts';

export interface ItemView {
  item: RoadmapItem;
  deadline: Deadline;
  /** Due dates: the `due` column when given, else those read from the deadline text. */
  dates: string[];
  /** Reports in time order (period, then report date, then line). */
  history: RoadmapReport[];
  latest?: RoadmapReport;
  status: RoadmapStatus | 'нет отчёта';
  overdue: boolean;
}

export interface RoadmapView {
  roadmap: Roadmap;
  years: number[];
  items: ItemView[];
  /** Items whose deadline text could not be turned into a date. */
  unreadable: ItemView[];
}

/** Orders periods: `2025` sorts after all quarters of 2025. */
export function periodKey(p: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(p);
  return m ? `${m[1]}-${m[2] ?? '5'}` : p;
}

export function compareReports(a: RoadmapReport, b: RoadmapReport): number {
  const pa = periodKey(a.period);
  const pb = periodKey(b.period);
  if (pa !== pb) return pa < pb ? -1 : 1;
  const ra = a.reported ?? '';
  const rb = b.reported ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.line - b.line;
}

/** The end date of a report period: 2026-Q3 → 2026-09-30; 2026 → 2026-12-31. */
export function periodEnd(p: string): string {
  const m = /^(\d{4})(?:-Q([1-4]))?$/.exec(p);
  if (!m) return p;
  const q = m[2] ? Number(m[2]) : 4;
  return `${m[1]}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`;
}

const CLOSED: RoadmapStatus[] = ['выполнено', 'отменено'];

/** Status, history and lateness of every item of a roadmap, as of `today` (ISO date). */
export function viewRoadmap(r: Roadmap, today: string): RoadmapView {
  const years = roadmapYears(r.id);
  const items = r.items.map((item): ItemView => {
    const deadline = parseDeadline(item.deadline, years);
    const dates = item.due ? [item.due] : deadline.dates;
    const history = r.reports.filter((x) => x.item === item.item).sort(compareReports);
    const latest = history[history.length - 1];
    const lastDue = dates
      .filter((d) => d < today)
      .sort()
      .pop();
    // Overdue: a due date has passed, and the latest report is not «выполнено»/«отменено»
    // for a period of that due date's year or later (recurring items are due every year).
    const closed =
      latest !== undefined &&
      CLOSED.includes(latest.status) &&
      lastDue !== undefined &&
      periodEnd(latest.period) >= `${lastDue.slice(0, 4)}-01-01`;
    const overdue = lastDue !== undefined && !closed;
    return { item, deadline, dates, history, latest, status: latest?.status ?? 'нет отчёта', overdue };
  });
  return { roadmap: r, years, items, unreadable: items.filter((i) => !i.item.due && !i.deadline.recognized) };
}

/** Share of items done, by any grouping (section, mechanism). */
export function progress(items: ItemView[]): { total: number; done: number; inWork: number; overdue: number } {
  return {
    total: items.length,
    done: items.filter((i) => i.status === 'выполнено').length,
    inWork: items.filter((i) => i.status === 'выполняется').length,
    overdue: items.filter((i) => i.overdue).length,
  };
}
