/** The pages about the site itself: about the data, accessibility, the glossary, 404, the build report. */
import { issueLines } from '../../data/report.ts';
import { count, formatDate } from '../../words/format.ts';
import { GLOSSARY } from '../../words/glossary.ts';
import { site } from '../site.ts';

/** A date from site.yaml as people read it; free text («весной 2026 года») as it is. */
export const dated = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(s) : s);

export function aboutPage() {
  const { m, href } = site();
  const cfg = m.data.config;
  return {
    href,
    cfg,
    years: m.ix.years.join(', '),
    release: m.release,
    updated: formatDate(m.today),
    nextUpdate: cfg.site.next_update ? dated(cfg.site.next_update) : undefined,
    sources: count(m.data.sources.length, ['файл', 'файла', 'файлов']),
    corrections: cfg.corrections.map((c) => ({ date: dated(c.date), text: c.text })),
  };
}

export function contactsView() {
  const { m, href } = site();
  return { href, cfg: m.data.config };
}

export function glossaryPage() {
  const { href } = site();
  return { href, terms: [...GLOSSARY].sort((a, b) => a.term.localeCompare(b.term, 'ru')) };
}

/** The build's warnings, for the ИМЦ: not linked from the public menu. */
export function buildReportPage() {
  const { m } = site();
  // The page is published: a warning says where and what was expected, never the value found there (a cell may
  // hold what a person typed by mistake: a name, a phone).
  const shown = m.warnings.map((w) => ({ ...w, found: undefined }));
  return {
    date: formatDate(m.today),
    warnings: count(m.warnings.length, ['предупреждение', 'предупреждения', 'предупреждений']),
    // Slips first: a file of another year or last year's copy is what must not go out unseen.
    slips: issueLines(
      shown.filter((w) => w.slip),
      50,
    ).map((l) => l.replace(/^Предупреждение: /, '')),
    lines: issueLines(
      shown.filter((w) => !w.slip),
      50,
    ).map((l) => l.replace(/^Предупреждение: /, '')),
    withheld: `Скрыто ${count(m.disclosure.primary, ['значение', 'значения', 'значений'])} групп меньше порога конфиденциальности и ещё ${count(m.disclosure.secondary, ['значение', 'значения', 'значений'])} вторичным скрытием, чтобы скрытое нельзя было вычислить по другим числам; проверка сборкой: ${count(m.disclosure.checked, ['скрытое число', 'скрытых числа', 'скрытых чисел'])}, ни одно не определяется однозначно.`,
    changes: m.changes.find((c) => c.release === m.release),
    unreadable: m.roadmaps
      .filter((r) => r.unreadable.length > 0)
      .map((r) => ({ file: r.roadmap.file, items: r.unreadable.map((i) => ({ item: i.item.item, deadline: i.item.deadline })) })),
  };
}
