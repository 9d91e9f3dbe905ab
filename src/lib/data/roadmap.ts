/**
 * Reading roadmaps: `data/roadmap/<id>.csv` (or .xlsx) with the items as the
 * document has them, and `<id>.reports.csv` with execution reports. The data
 * reader passes its table function, so messages and workbooks work the same.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_FORM, isSafeCode } from './cells.ts';
import type { IssueLog } from './issues.ts';
import { mechanismCell } from './mechanisms.ts';
import * as S from './schemas.ts';
import { SPREADSHEET } from './sniff.ts';
import type { TableReader } from './table.ts';
import type { Roadmap, RoadmapItem } from './tables.ts';
import { parseDeadline, roadmapYears } from './deadline.ts';

export function readRoadmaps(dir: string, table: TableReader, log: IssueLog): Roadmap[] {
  const rdir = join(dir, 'roadmap');
  if (!existsSync(rdir)) return [];
  const mechanism = mechanismCell();
  const out: Roadmap[] = [];
  const ids = new Set<string>();
  for (const file of readdirSync(rdir).sort()) {
    // A roadmap saved as .xls or .ods is listed too, so that the reader says to save it as .xlsx.
    if (!SPREADSHEET.test(file) || /\.txt$/i.test(file) || /\.reports\.[a-z]+$/i.test(file)) continue;
    const id = file.replace(SPREADSHEET, '');
    // The file's name is the roadmap's address (/roadmap/<name>/): a name like `...csv` is data, not a path.
    if (!isSafeCode(id)) {
      log.error({ file: `roadmap/${file}`, message: 'Имя файла дорожной карты не подходит: оно становится адресом страницы сайта.', found: file, expected: `${CODE_FORM.replace(/^код/, 'имя')} и расширение, например 2026-2027.csv` });
      continue;
    }
    if (ids.has(id)) continue;
    ids.add(id);
    const rel = `roadmap/${id}.csv`;
    // Rows with neither a responsible nor a deadline are the document's section headings
    // («1. Мониторинг качества обучения»): they name the section of the items below them.
    const items: RoadmapItem[] = [];
    let heading: string | undefined;
    for (const r of table(rel, S.roadmapSpec(mechanism))) {
      if (r.responsible === undefined && r.deadline === undefined) {
        heading = r.title;
        continue;
      }
      const it: RoadmapItem = {
        ...r,
        section: r.section ?? heading ?? '',
        responsible: r.responsible ?? '',
        deadline: r.deadline ?? '',
        indicators: r.indicators?.split(/[;,\s]+/).filter(Boolean) ?? [],
      };
      for (const [col, what] of [
        ['section', 'раздел (или строка-заголовок раздела выше)'],
        ['responsible', 'ответственный'],
        ['deadline', 'срок'],
      ] as const) {
        if (!it[col])
          log.error({
            file: rel,
            line: it.line,
            column: col,
            message: 'Пустое значение в обязательном столбце.',
            found: '',
            expected: what,
          });
      }
      items.push(it);
    }
    const years = roadmapYears(id);
    for (const it of items) {
      if (it.deadline && !it.due && !parseDeadline(it.deadline, years).recognized) {
        log.warn({
          file: rel,
          line: it.line,
          column: 'deadline',
          message:
            'Пункт дорожной карты без даты срока: срок не удалось перевести в дату, пункт не будет отмечаться как просроченный. Если срок известен, впишите дату в столбец «Срок (дата)» (ДД.ММ.ГГГГ); если в документе его нет — так и оставьте.',
          found: it.deadline,
          expected: 'например «Апрель 2026», «ежегодно, октябрь», «до 30 ноября» или дата в столбце «Срок (дата)»',
        });
      }
    }
    const seen = new Map<string, number>();
    for (const it of items) {
      if (seen.has(it.item))
        log.error({
          file: rel,
          line: it.line,
          column: 'item',
          message: `Номер пункта повторяется (впервые — в строке ${seen.get(it.item)}).`,
          found: it.item,
          expected: 'уникальный номер пункта',
        });
      else seen.set(it.item, it.line);
    }
    const reportsRel = `roadmap/${id}.reports.csv`;
    const reports = table(reportsRel, S.roadmapReportsSpec);
    for (const r of reports) {
      if (!seen.has(r.item))
        log.error({
          file: reportsRel,
          line: r.line,
          column: 'item',
          message: 'Такого пункта нет в дорожной карте.',
          found: r.item,
          expected: `номер пункта из data/${rel}`,
        });
    }
    out.push({ id, file: rel, items, reports });
  }
  return out;
}
