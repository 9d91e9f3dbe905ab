/**
 * A data package per chart, as the best chart sites give: one ZIP with the
 * chart's data (CSV), its metadata (indicator, unit, method, source, licence,
 * release, citation) and a short README in Russian.
 */
import { SECONDARY_REASON } from '../indicators/present.ts';
import { strToU8, zipSync } from 'fflate';
import { count } from '../words/format.ts';
import { INDICATOR_BY_ID } from '../indicators/registry.ts';
import { mechId } from '../indicators/mechanisms.ts';
import { MECH_PREFIX } from '../data/mechanisms.ts';
import type { Model } from '../model/build.ts';
import { toCsv } from '../files/csv.ts';
import { SAFE_TEXT_NOTE } from '../opendata/passport.ts';
import { absolute } from '../files/paths.ts';
import type { Chart } from '../charts/types.ts';
import { chartCite } from '../views/site.ts';

export function chartPackage(m: Model, c: Chart): Uint8Array {
  const cfg = m.data.config;
  const def = c.indicator ? INDICATOR_BY_ID.get(c.indicator) : undefined;
  // A mechanism's indicator (spec §15) has its passport in the book, not in the registry.
  const book = c.indicator?.startsWith(MECH_PREFIX) ? m.data.mechanismBook.find((b) => mechId(b) === c.indicator) : undefined;
  const url = absolute(cfg.site.url, cfg.site.base, c.page);
  const publisher = cfg.department.name;
  // As the chart's «Как сослаться» on the site says it (ГОСТ Р 7.0.100–2018).
  const citation = chartCite(m, c);
  const meta: [string, string][] = [
    ['chart', c.id],
    ['title', c.title],
    ['subtitle', c.subtitle],
    ['indicator', def?.id ?? (book ? mechId(book) : '')],
    ['indicator_name', def?.name ?? book?.name ?? ''],
    ['unit', def?.unit ?? book?.unit ?? ''],
    ['method', def?.method ?? book?.method ?? ''],
    ['source_procedure', def ? def.procedure : (book?.source ?? '')],
    ['source_files', def ? `data/results/<год>/${def.family.file}` : book ? 'data/results/<год>/mechanisms.csv' : ''],
    [
      'intervals',
      book
        ? 'нет: сплошной учёт, а не выборка'
        : 'ci_low, ci_high — 95-процентный доверительный интервал (для средних — t-интервал, для долей — интервал Уилсона)',
    ],
    [
      'suppressed',
      `1 — значение не публикуется: в группе меньше ${count(cfg.privacy.min_group, ['участника', 'участников', 'участников'])}; 2 — ${SECONDARY_REASON}`,
    ],
    ['publisher', publisher],
    ['licence', cfg.site.licence],
    ['release', m.release],
    ['release_date', m.releaseDate],
    ['page', url],
    ['citation', citation],
  ];
  const readme = [
    `${c.title}`,
    '',
    `${c.subtitle}.`,
    '',
    'Файлы:',
    `  data.csv — данные графика (UTF-8, разделитель «,», десятичная точка); столбцы: ${c.csv.header.join(', ')}.`,
    '  meta.csv — описание: показатель, единица, методика, источник, лицензия, выпуск, как ссылаться.',
    SAFE_TEXT_NOTE,
    '',
    def ? `Показатель: ${def.name} (${def.id}), ${def.unit}. ${def.method}` : '',
    '',
    `Лицензия: ${cfg.site.licence}. При использовании укажите источник:`,
    `  ${citation}`,
    '',
    `Страница графика: ${url}`,
    `Все данные: ${absolute(cfg.site.url, cfg.site.base, '/opendata/')}`,
    '',
  ].join('\r\n');
  // A fixed time inside the archive: the same data gives the same bytes.
  const mtime = new Date(`${m.releaseDate}T00:00:00Z`);
  return zipSync(
    {
      'data.csv': strToU8(toCsv(c.csv.header, c.csv.rows)),
      'meta.csv': strToU8(toCsv(['property', 'value'], meta)),
      'README.txt': strToU8(readme),
    },
    { level: 9, mtime },
  );
}
