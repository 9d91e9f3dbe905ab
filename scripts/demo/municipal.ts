/** Region values, roadmap targets and roadmap execution reports of the demo. */
import { csv } from './random.ts';
import { YEARS } from './years.ts';

/** Regional values for comparison (invented for the demo, near the municipal ones). */
export function regionCsv(): string {
  const region: (string | number)[][] = [['indicator', 'year', 'subject', 'grade', 'value']];
  for (const y of YEARS) {
    region.push(['ege.mean', y, 'rus', '', (69.5 + (y - 2021) * 0.4).toFixed(1)]);
    region.push(['ege.mean', y, 'math_prof', '', (56 + (y - 2021) * 0.5).toFixed(1)]);
    region.push(['ege.below_min_share', y, 'rus', '', '1.2']);
    region.push(['oge.mean_mark', y, 'rus', '', '3.9']);
    region.push(['oge.mean_mark', y, 'math', '', (3.6 + (y - 2021) * 0.03).toFixed(2)]);
    region.push(['oge.fail_share', y, 'math', '', '6.5']);
    region.push(['vpr.mean_mark', y, 'rus', 4, '3.9']);
    region.push(['vpr.mean_mark', y, 'math', 4, '4.0']);
  }
  return csv(region);
}

export const targetsCsv = () =>
  csv([
    ['indicator', 'year', 'subject', 'grade', 'target', 'direction', 'source'],
    ['ege.mean', 2026, 'rus', '', 72, '≥', 'Дорожная карта 2026–2027, п. 1.19'],
    ['ege.mean', 2026, 'math_prof', '', 60, '≥', 'Дорожная карта 2026–2027, п. 1.19'],
    ['ege.below_min_share', 2026, 'rus', '', 0.5, '≤', 'Дорожная карта 2026–2027, п. 1.19'],
    ['oge.fail_share', 2026, 'math', '', 4, '≤', 'Дорожная карта 2026–2027, п. 1.19'],
    ['vpr.quality_share', 2026, 'rus', 4, 60, '≥', 'Дорожная карта 2026–2027, п. 1.10'],
    ['interview.pass_share', 2026, '', '', 100, '≥', 'Дорожная карта 2026–2027, п. 1.12'],
    ['olymp.regional_share', 2026, '', '', 20, '≥', 'Дорожная карта 2026–2027, п. 1.20'],
  ]);

/** Execution reports of the roadmap: quarterly, by the 5th of the next month. */
export function reportsCsv(): string {
  const reports: (string | number)[][] = [['item', 'period', 'status', 'note', 'evidence', 'reported']];
  const done = ['1.1', '1.2', '1.3', '1.5', '1.6', '1.4'];
  for (const it of done) reports.push([it, '2026-Q2', 'выполнено', 'Выполнено в срок', `Приказ № ${100 + done.indexOf(it)}`, '2026-07-03']);
  reports.push([
    '1.4',
    '2026-Q3',
    'выполнено',
    'План методической службы на 2026/27 учебный год утверждён',
    'Годовой план МКУ ИМЦ',
    '2026-10-05',
  ]);
  reports.push(['1.7', '2026-Q3', 'выполняется', 'Заседание перенесено на октябрь из-за отпусков', '', '2026-10-05']);
  reports.push(['1.7', '2026-Q4', 'выполнено', 'Проведено 14.10.2026', 'Протокол № 3', '2026-11-05']);
  reports.push([
    '1.19',
    '2026-Q3',
    'выполнено',
    'Справка по итогам ГИА-2026 подготовлена',
    'Информационно-аналитическая справка',
    '2026-10-05',
  ]);
  reports.push(['1.10', '2026-Q4', 'выполняется', 'ВПР проводятся по графику', '', '2026-11-05']);
  reports.push(['1.9', '2026-Q3', 'выполняется', 'Созданы 6 городских методических объединений', '', '2026-10-05']);
  reports.push(['2.1', '2026-Q3', 'не выполнено', 'Программа не разработана: нет специалиста', '', '2026-10-05']);
  reports.push(['3.4', '2026-Q3', 'перенесено', 'Перенесено на 2027 год', '', '2026-10-05']);
  reports.push(['4.4', '2026-Q4', 'выполняется', 'Конкурс «Учитель года» объявлен', 'Приказ УСП', '2026-11-05']);
  return csv(reports);
}
