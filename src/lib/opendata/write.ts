import { round } from '../format.ts';
import type { IndicatorValue } from '../indicators/compute.ts';
import { PLACE_COMPONENTS } from '../indicators/place.ts';
import { INDICATORS } from '../indicators/registry.ts';
import type { Model } from '../model.ts';
import { absolute } from '../paths.ts';
import { csvChunks, EXCEL, toCsv, type Cell } from './csv.ts';

export const INDICATOR_COLUMNS = [
  'indicator',
  'year',
  'scope',
  'school_id',
  'subject',
  'grade',
  'period',
  'task',
  'value',
  'numerator',
  'denominator',
  'suppressed',
  'ci_low',
  'ci_high',
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
  suppressed: '1 — значение скрыто: группа меньше порога конфиденциальности; 0 — опубликовано',
  ci_low:
    'Нижняя граница 95-процентного доверительного интервала (для средних — t-интервал, для долей — интервал Уилсона), 2 знака; пусто для количеств и скрытых значений',
  ci_high: 'Верхняя граница того же интервала',
};

/** English description and format of each column, for structure.csv of the open-data standard 3.0. */
const STRUCTURE: Record<(typeof INDICATOR_COLUMNS)[number], [string, string]> = {
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
  suppressed: ['1 when withheld for privacy (small group), else 0', 'integer'],
  ci_low: ['Lower bound of the 95 % confidence interval', 'float'],
  ci_high: ['Upper bound of the 95 % confidence interval', 'float'],
};

const fixed2 = (x: number | undefined) => (x === undefined ? undefined : round(x, 2).toFixed(2));
/** Three significant digits, in plain decimal notation. */
const pValue = (p: number) => (p < 1e-6 ? '0.000001' : Number(p.toPrecision(3)).toFixed(Math.max(3, 2 - Math.floor(Math.log10(p)))));
const int = (x: number | undefined) => (x === undefined ? undefined : String(Math.round(x)));

function indicatorRow(v: IndicatorValue): Cell[] {
  const hidden = v.suppressed;
  return [
    v.indicator,
    v.year,
    v.scope,
    v.school_id,
    v.subject,
    v.grade,
    v.period,
    v.task,
    hidden ? undefined : fixed2(v.value),
    hidden ? undefined : int(v.numerator),
    hidden ? undefined : int(v.denominator),
    hidden ? 1 : 0,
    hidden ? undefined : fixed2(v.ci_low),
    hidden ? undefined : fixed2(v.ci_high),
  ];
}

/** indicators.json in pieces: the same bytes as JSON.stringify of the whole array, without building it. */
function* jsonChunks(values: IndicatorValue[]): Generator<string> {
  let chunk = '[';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const r = indicatorRow(v);
    chunk +=
      (i ? ',' : '') +
      JSON.stringify({
        indicator: v.indicator,
        year: v.year,
        scope: v.scope,
        school_id: v.school_id,
        subject: v.subject,
        grade: v.grade ?? null,
        period: v.period,
        task: v.task,
        value: r[8] === undefined ? null : Number(r[8]),
        numerator: r[9] === undefined ? null : Number(r[9]),
        denominator: r[10] === undefined ? null : Number(r[10]),
        suppressed: v.suppressed ? 1 : 0,
        ci_low: r[12] === undefined ? null : Number(r[12]),
        ci_high: r[13] === undefined ? null : Number(r[13]),
      });
    if (i % 5000 === 4999) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]\n`;
}

/**
 * Every file of opendata/ as path → its content in pieces; pure, so two
 * builds give the same bytes. The big files are generated as they are
 * written: a region's million values never sit in memory as one text.
 */
export function openDataChunks(m: Model): Map<string, () => Iterable<string>> {
  const files = new Map<string, () => Iterable<string>>();
  const rows = function* () {
    for (const v of m.ix.values) yield indicatorRow(v);
  };
  files.set('indicators.csv', () => csvChunks([...INDICATOR_COLUMNS], rows()));
  files.set('indicators-excel.csv', () => csvChunks([...INDICATOR_COLUMNS], rows(), EXCEL, new Set([8, 12, 13])));
  files.set('indicators.json', () => jsonChunks(m.ix.values));
  for (const [name, content] of smallFiles(m)) files.set(name, () => [content]);
  return files;
}

/** Every file of opendata/ as path → content (for tests and small data). */
export function openDataFiles(m: Model): Map<string, string> {
  return new Map([...openDataChunks(m)].map(([name, chunks]) => [name, [...chunks()].join('')]));
}

function smallFiles(m: Model): Map<string, string> {
  const files = new Map<string, string>();
  const schoolName = new Map(m.data.schools.map((s) => [s.school_id, s.name]));
  const riskHeader = [
    'year',
    'school_id',
    'school_name',
    'procedure',
    'subject',
    'grade',
    'rule',
    'indicator',
    'value',
    'reference',
    'test',
    'statistic',
    'p_value',
    'evidence',
  ];
  const riskRows = m.risks.map((r) => [
    r.year,
    r.school_id,
    schoolName.get(r.school_id),
    r.procedure,
    r.subject,
    r.grade,
    r.rule,
    r.indicator,
    fixed2(r.value),
    r.reference,
    r.test === 'z' ? 'z_two_proportions' : 'welch_t',
    fixed2(r.statistic),
    pValue(r.p),
    r.evidence,
  ]);
  files.set('risks.csv', toCsv(riskHeader, riskRows));

  const rmHeader = [
    'roadmap',
    'item',
    'section',
    'direction',
    'title',
    'responsible',
    'document',
    'deadline',
    'due',
    'status',
    'status_period',
    'status_date',
    'overdue',
    'indicators',
  ];
  const rmRows = m.roadmaps.flatMap((rv) =>
    rv.items.map((i) => [
      rv.roadmap.id,
      i.item.item,
      i.item.section,
      i.item.direction,
      i.item.title,
      i.item.responsible,
      i.item.document,
      i.item.deadline,
      i.dates.join(' '),
      i.status,
      i.latest?.period,
      i.latest?.reported,
      i.overdue ? 1 : 0,
      i.item.indicators.join(';'),
    ]),
  );
  files.set('roadmap.csv', toCsv(rmHeader, rmRows));

  const schoolHeader = ['school_id', 'name', 'full_name', 'kind', 'address', 'website', 'lat', 'lon', 'closed', 'successor_id'];
  files.set(
    'schools.csv',
    toCsv(
      schoolHeader,
      m.data.schools.map((s) => [s.school_id, s.name, s.full_name, s.kind, s.address, s.website, s.lat, s.lon, s.closed, s.successor_id]),
    ),
  );

  const placeHeader = ['year', 'school_id', 'place', 'of', 'index', ...PLACE_COMPONENTS.map((c) => c.id)];
  files.set(
    'places.csv',
    toCsv(
      placeHeader,
      m.places.map((p) => [
        p.year,
        p.school_id,
        p.place,
        p.of,
        fixed2(p.index),
        ...PLACE_COMPONENTS.map((c) => fixed2(p.components[c.id])),
      ]),
    ),
  );

  files.set('meta.json', JSON.stringify(meta(m), null, 2) + '\n');
  // The passport once more as the Russian open-data standard 3.0 has it: meta.csv and structure.csv.
  files.set(
    'structure.csv',
    toCsv(
      ['field name', 'english description', 'russian description', 'format'],
      INDICATOR_COLUMNS.map((c) => [c, STRUCTURE[c][0], COLUMN_DOCS[c], STRUCTURE[c][1]]),
    ),
  );
  files.set('meta.csv', toCsv(['property', 'value'], standardMeta(m)));
  return files;
}

/** meta.csv of the open-data standard 3.0 (Методические рекомендации по публикации открытых данных, версия 3.0). */
function standardMeta(m: Model): [string, string][] {
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

function meta(m: Model) {
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
    indicators: INDICATORS.map((d) => ({ id: d.id, name: d.name, unit: d.unit, method: d.method })),
    files: {
      'indicators.csv': { format: 'CSV, UTF-8 без BOM, разделитель «,», десятичная точка', columns: COLUMN_DOCS },
      'indicators-excel.csv': { format: 'CSV для Excel: UTF-8 с BOM, разделитель «;», десятичная запятая', columns: COLUMN_DOCS },
      'indicators.json': { format: 'JSON: массив объектов с теми же полями' },
      'risks.csv': {
        format: 'CSV, UTF-8',
        description:
          'Зоны риска: правило, показатель, значение, сравниваемое значение, статистический тест (z_two_proportions — z-критерий для двух долей, welch_t — t-критерий Уэлча), его статистика и двусторонний p-value (p_value; 0.000001 означает «не больше»), обоснование словами',
      },
      'roadmap.csv': { format: 'CSV, UTF-8', description: 'Пункты дорожных карт с последним статусом исполнения' },
      'schools.csv': { format: 'CSV, UTF-8', description: 'Реестр общеобразовательных организаций' },
      'places.csv': { format: 'CSV, UTF-8', description: 'Место школы по результатам ГИА и составляющие индекса' },
      'meta.csv': { format: 'CSV, UTF-8', description: 'Паспорт набора по стандарту открытых данных 3.0' },
      'structure.csv': { format: 'CSV, UTF-8', description: 'Структура indicators.csv по стандарту открытых данных 3.0' },
    },
    sources: m.data.sources.map((s) => ({ path: `data/${s.path}`, sha256: s.sha256, encoding: s.encoding, rows: s.rows })),
  };
}
