/**
 * The passport of the open data: what each column of indicators.csv means,
 * and the data set described as meta.json and as meta.csv / structure.csv of
 * the Russian open-data standard 3.0.
 */
import { CONTEXT_DOCS } from './context.ts';
import { CONTEXT_DERIVED, progressDerived } from '../indicators/derived.ts';
import { namer } from '../data/names.ts';
import { INDICATORS } from '../indicators/registry.ts';
import { mechId } from '../indicators/mechanisms.ts';
import { MECHANISMS } from '../data/mechanisms.ts';
import type { Model } from '../model/build.ts';
import { absolute } from '../files/paths.ts';

/** A value's columns, the same in every open-data file that carries values with intervals. */
export const VALUE_COLUMNS = ['value', 'numerator', 'denominator', 'suppressed', 'ci_low', 'ci_high'] as const;

export const INDICATOR_COLUMNS = [
  'indicator',
  'year',
  'scope',
  'school_id',
  'subject',
  'grade',
  'period',
  'task',
  ...VALUE_COLUMNS,
] as const;

/** Column descriptions for meta.json and the open-data page. */
export const COLUMN_DOCS: Record<string, string> = {
  indicator: 'Идентификатор показателя (см. паспорта показателей на сайте)',
  year: 'Год проведения процедуры',
  scope: 'municipality — муниципалитет, school — школа',
  school_id: 'Код ОО (пусто для муниципалитета)',
  subject: 'Код предмета (для диагностических работ — код работы)',
  grade: 'Класс (параллель), где применимо',
  period: 'Период внутришкольного мониторинга, где применимо',
  task: 'Номер задания, где применимо',
  value: 'Значение, 2 знака после точки; пусто, если скрыто',
  numerator: 'Числитель доли; пусто для средних и количеств',
  denominator: 'Знаменатель доли или число участников (n) для средних и процентов выполнения; пусто для количеств',
  suppressed:
    '1 — значение скрыто: группа меньше порога конфиденциальности; 2 — скрыто, чтобы по другим числам нельзя было вычислить значение маленькой группы (вторичное скрытие); 0 — опубликовано',
  ci_low:
    'Нижняя граница 95-процентного доверительного интервала (для средних — t-интервал, для долей — интервал Уилсона), 2 знака; пусто для количеств и скрытых значений',
  ci_high: 'Верхняя граница того же интервала',
};

/** How text cells are written so that a spreadsheet never runs them (the CSV-injection guard of csv.ts). */
export const SAFE_TEXT_NOTE =
  'Текст, который начинается со знаков =, +, −, @, табуляции или возврата каретки (например, название школы), записан с апострофом в начале: так Excel и LibreOffice показывают его как текст и не выполняют как формулу. Числа записаны без изменений.';

/** English description and format of each column, for structure.csv of the open-data standard 3.0. */
export const STRUCTURE: Record<(typeof INDICATOR_COLUMNS)[number], [string, string]> = {
  indicator: ['Indicator identifier', 'string'],
  year: ['Year of the assessment', 'integer'],
  scope: ['municipality or school', 'string'],
  school_id: ['School code (empty for the municipality)', 'string'],
  subject: ['Subject code (work code for diagnostic works)', 'string'],
  grade: ['Grade, where it applies', 'integer'],
  period: ['Period of in-school monitoring, where it applies', 'string'],
  task: ['Task number, where it applies', 'string'],
  value: ['Value, 2 decimals; empty when withheld', 'float'],
  numerator: ['Numerator of a share', 'integer'],
  denominator: ['Denominator of a share, or n of a mean', 'integer'],
  suppressed: [
    '1 when withheld for privacy (small group), 2 when withheld so that a small group cannot be worked out from the published sums (secondary suppression), else 0',
    'integer',
  ],
  ci_low: ['Lower bound of the 95 % confidence interval', 'float'],
  ci_high: ['Upper bound of the 95 % confidence interval', 'float'],
};

/** meta.csv of the open-data standard 3.0 (Методические рекомендации по публикации открытых данных, версия 3.0). */
export function standardMeta(m: Model): [string, string][] {
  const c = m.data.config;
  const stamp = (iso: string) => iso.replace(/-/g, '');
  const created = stamp(m.releases[0]?.date ?? m.today);
  const modified = stamp(m.today);
  const url = (f: string) => absolute(c.site.url, c.site.base, `/opendata/${f}`);
  return [
    ['standardversion', 'http://opendata.gosmonitor.ru/standard/3.0'],
    ['identifier', `${c.department.inn ?? 'msoko'}-education-quality-indicators`],
    ['title', `Показатели качества образования: ${c.municipality.name}`],
    [
      'description',
      'Результаты оценочных процедур (ЕГЭ, ОГЭ, ГВЭ, ВПР, диагностические работы, олимпиада, итоговое сочинение и собеседование, внутришкольный мониторинг) в виде показателей по муниципалитету и школам, с 95-процентными доверительными интервалами; значения групп меньше порога конфиденциальности не публикуются.',
    ],
    ['creator', c.department.name],
    ['created', created],
    ['modified', modified],
    ['subject', 'образование, качество образования, ЕГЭ, ОГЭ, ВПР, школы'],
    ['format', 'csv'],
    [`data-${modified}T0000-structure-${created}T0000`, url('indicators.csv')],
    [`structure-${created}T0000`, url('structure.csv')],
    ['publishername', c.imc.responsible ?? c.imc.name],
    ['publisherphone', c.imc.phone ?? c.department.phone ?? ''],
    ['publishermbox', c.imc.email ?? c.department.email ?? ''],
    ['valid', c.site.next_update && /^\d{4}-\d{2}-\d{2}$/.test(c.site.next_update) ? stamp(c.site.next_update) : ''],
    ['provenance', `Выпуск ${m.release}. ${c.corrections.map((x) => `${x.date}: ${x.text}`).join(' ')}`.trim()],
    ['licence', c.site.licence],
  ];
}

export function meta(m: Model) {
  const c = m.data.config;
  return {
    title: `Показатели качества образования: ${c.municipality.name}`,
    description:
      'Результаты оценочных процедур (ЕГЭ, ОГЭ, ГВЭ, ВПР, диагностические работы, олимпиада, итоговое сочинение и собеседование, внутришкольный мониторинг) в виде показателей по муниципалитету и школам.',
    demo: c.demo,
    publisher: {
      name: c.department.name,
      address: c.department.address,
      phone: c.department.phone,
      email: c.department.email,
      site: c.department.site,
    },
    responsible: { organisation: c.imc.name, person: c.imc.responsible, phone: c.imc.phone, email: c.imc.email },
    licence: c.site.licence,
    years: m.ix.years,
    relevance_date: m.today,
    build_time: m.buildTime,
    privacy_min_group: c.privacy.min_group,
    text_cells: SAFE_TEXT_NOTE,
    indicators: [
      ...INDICATORS.map((d) => ({ id: d.id, name: d.name, unit: d.unit, method: d.method })),
      // Derived from other values (spec §12): rows of indicators.csv with scope school and no subject.
      ...[...CONTEXT_DERIVED, ...progressDerived(m.data.progressPairs, namer(m.data).subject)].map((d) => ({
        id: d.id,
        name: d.name,
        unit: d.unit,
        method: d.method,
        interval: d.interval,
      })),
      // The mechanisms' indicators (spec §15): counts of whole populations, no interval.
      ...m.data.mechanismBook.map((b) => ({
        id: mechId(b),
        name: b.name,
        unit: b.unit,
        method: b.method,
        code: b.code,
        mechanism: MECHANISMS[b.mechanism - 1],
        better: b.better ?? null,
        level: [b.level.municipality && 'municipality', b.level.organisation && 'school'].filter(Boolean),
        source: b.source,
        interval: 'нет: сплошной учёт, а не выборка',
        // Years whose municipal value is pooled from every organisation (Σ numerators / Σ denominators).
        pooled_years: [...m.mechanismPooled]
          .filter((k) => k.startsWith(`${mechId(b)}|`))
          .map((k) => Number(k.split('|')[1]))
          .sort((x, y) => x - y),
      })),
    ],
    files: {
      'indicators.csv': { format: 'CSV, UTF-8 без BOM, разделитель «,», десятичная точка', columns: COLUMN_DOCS },
      'indicators-excel.csv': { format: 'CSV для Excel: UTF-8 с BOM, разделитель «;», десятичная запятая', columns: COLUMN_DOCS },
      'indicators.json': { format: 'JSON: массив объектов с теми же полями' },
      'risks.csv': {
        format: 'CSV, UTF-8',
        description:
          'Зоны риска: правило, показатель, значение, сравниваемое значение, статистический тест (z_two_proportions — z-критерий для двух долей, fisher_midp — точный критерий Фишера с поправкой mid-p, когда ожидаемое число в таблице 2 × 2 меньше 5; welch_t — t-критерий Уэлча; для признаков необъективности (правила threshold, tasks, confirmation) — односторонние: fisher_midp_one_sided — точный критерий Фишера с mid-p и поправкой Бонферрони на число порогов отметок, welch_one_sided — t-критерий Уэлча, intersection_union — тест пересечения–объединения, p = max(p₁, p₂)), его статистика (у критерия Фишера и теста пересечения–объединения её нет) и p-value (p_value; 0.000001 означает «не больше»), обоснование словами',
      },
      'roadmap.csv': { format: 'CSV, UTF-8', description: 'Пункты дорожных карт с последним статусом исполнения' },
      'schools.csv': { format: 'CSV, UTF-8', description: 'Реестр организаций: школы и детские сады (тип ДОУ или «детский сад»)' },
      'places.csv': {
        format: 'CSV, UTF-8',
        description:
          'Место школы по результатам ГИА: место (place) из числа школ (of), диапазон правдоподобных мест (place_low–place_high), индекс (index: 100 — типичная школа года) и его стандартная ошибка (se, складной нож по участникам), значения составляющих до стандартизации',
      },
      'context.csv': {
        format: 'CSV, UTF-8',
        description:
          'Результаты с учётом условий работы школ: строка на школу и год с индексом условий; числа — 2 знака после точки, p-value — три значащие цифры без поправки. Доли отдельных условий публикуются, только если это разрешено в настройках сайта, и никогда для групп от 1 до порога конфиденциальности',
        columns: CONTEXT_DOCS,
      },
      'subject-analysis.csv': {
        format: 'CSV, UTF-8 без BOM, разделитель «,», десятичная точка',
        description:
          'Анализ результатов по предметам в форме регионального статистико-аналитического отчёта: по годам, процедурам (ege, oge, vpr), предметам и классам (ВПР) — таблицы participants (участники: все, по категориям ВТГ/ВПЛ/СПО, с ОВЗ; знаменатель — все участники процедуры за год), bands (группы по уровню подготовки: ЕГЭ — below_min, min_60, 61_80, 81_100; ОГЭ и ВПР — отметки 2–5; по муниципалитету, типам школ kind:<тип>, ovz/no_ovz и школам school:<код>; доля в %, интервал Уилсона), distribution (число участников с каждым баллом, муниципалитет), tasks (выполнение каждого задания в % по группам и по всем, t-интервал), schools (школы, где доля высоких или низких результатов выше, чем в остальных школах, сильнее случайных колебаний: двусторонние тесты, поправка Бенджамини — Хохберга). Доли — 2 знака после точки, числа — целые; suppressed = 1 — группа меньше порога конфиденциальности, её числа не публикуются; suppressed = 2 — числа скрыты, чтобы по другим числам нельзя было вычислить значение маленькой группы',
      },
      'meta.csv': { format: 'CSV, UTF-8', description: 'Паспорт набора по стандарту открытых данных 3.0' },
      'structure.csv': { format: 'CSV, UTF-8', description: 'Структура indicators.csv по стандарту открытых данных 3.0' },
    },
    sources: m.data.sources.map((s) => ({ path: `data/${s.path}`, sha256: s.sha256, encoding: s.encoding, rows: s.rows })),
  };
}
