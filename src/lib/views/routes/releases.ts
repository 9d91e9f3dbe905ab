/** The releases of the data and what each changed; the open-data page. */
import { namer } from '../../data/names.ts';
import { INDICATOR_BY_ID } from '../../indicators/registry.ts';
import { changedNumber, indicatorName, type ReleaseChanges } from '../../releases/changes.ts';
import { COLUMN_DOCS, INDICATOR_COLUMNS, SAFE_TEXT_NOTE } from '../../opendata/passport.ts';
import { count, formatDate, formatNumber, sentence } from '../../words/format.ts';
import { catalog } from '../../figures/catalog.ts';
import { site } from '../site.ts';
import { dated } from './about.ts';

export function releasesPage() {
  const { m, href } = site();
  const cfg = m.data.config;
  const example = [...catalog(m).all.values()][0];
  const changesOf = (release?: string) => m.changes.find((c) => c.release === release);
  // Corrections and release notes in one dated log, newest first.
  const log = [
    ...cfg.corrections.map((c) => ({ date: c.date, text: c.text, kind: 'исправление', release: c.release as string | undefined })),
    ...m.releases.filter((r) => r.note).map((r) => ({ date: r.date, text: `${r.note}`, kind: `выпуск ${r.release}`, release: undefined })),
  ]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((l) => {
      const c = changesOf(l.release);
      return { ...l, date: dated(l.date), changes: c && c.changed.length > 0 ? href(`/releases/#changes-${c.release}`) : undefined };
    });
  return {
    href,
    feed: href('/feed.xml'),
    release: m.release,
    years: m.ix.years.join(', '),
    frozen: m.frozen,
    frozenOn: formatDate(m.releaseDate),
    builtOn: formatDate(m.today),
    next: cfg.site.next_update ? sentence(dated(cfg.site.next_update)) : undefined,
    example: example && m.frozen ? { href: href(`/embed/${m.release}/${example.id}/`), title: example.title } : undefined,
    changes: [...m.changes].reverse(),
    earlier: m.releases
      .filter((r) => r.release !== m.release)
      .reverse()
      .map((r) => ({ release: r.release, date: formatDate(r.date), note: r.note ?? '' })),
    log,
  };
}

/** What a release changed against the one before it (components/ReleaseChanges.astro). */
export function releaseChangesView(c: ReleaseChanges) {
  const { m, href } = site();
  const names = namer(m.data);
  // Municipal rows first, then schools by name: a change log is no ranking either.
  const shown = [
    ...c.changed.filter((v) => !v.school_id),
    ...names.bySchoolName(
      c.changed.filter((v) => v.school_id),
      (v) => v.school_id,
    ),
  ].slice(0, 200);
  return {
    summary: [
      count(c.changed.length, [
        'опубликованное значение изменилось',
        'опубликованных значения изменились',
        'опубликованных значений изменились',
      ]),
      c.yearsAdded.length ? `добавлены годы: ${c.yearsAdded.join(', ')}` : '',
      c.procedureYearsAdded.length
        ? `добавлены результаты: ${c.procedureYearsAdded.map((a) => `${a.procedure} ${a.year} года`).join(', ')}`
        : '',
      c.schoolsAdded.length ? `новые школы: ${c.schoolsAdded.map(names.school).join(', ')}` : '',
      c.schoolsClosed.length ? `закрыты: ${c.schoolsClosed.map(names.school).join(', ')}` : '',
      c.indicatorsAdded.length ? `новые показатели: ${c.indicatorsAdded.length}` : '',
    ]
      .filter(Boolean)
      .join('; '),
    file: c.changed.length > 0 ? { href: href(`/releases/${c.release}-changes.csv`), name: `${c.release}-changes.csv` } : undefined,
    caption: `Изменённые значения выпуска ${c.release}${c.changed.length > shown.length ? ` (первые ${shown.length} из ${c.changed.length})` : ''}`,
    rows: shown.map((v) => [
      {
        text: indicatorName(v.indicator, m.data.progressPairs, names.subject, m.data.mechanismBook),
        href: INDICATOR_BY_ID.has(v.indicator) ? href(`/indicators/${v.indicator}/`) : undefined,
      },
      { text: String(v.year) },
      v.school_id ? { text: names.school(v.school_id), href: href(`/schools/${v.school_id}/`) } : { text: 'муниципалитет' },
      { text: names.group({ subject: v.subject, grade: v.grade ? Number(v.grade) : undefined, period: v.period, task: v.task }) },
      { text: changedNumber(v, v.old, 'не публикуется'), num: true },
      { text: changedNumber(v, v.new, 'не публикуется'), num: true },
    ]),
  };
}

const FILES = [
  ['indicators.csv', 'Все значения показателей: муниципалитет и школы, все годы (CSV, UTF-8, разделитель «,», десятичная точка)'],
  ['indicators-excel.csv', 'То же для Excel: разделитель «;», десятичная запятая, UTF-8 с BOM'],
  ['indicators.json', 'То же в JSON'],
  ['risks.csv', 'Зоны риска с правилом и обоснованием'],
  ['places.csv', 'Место школы по результатам ГИА с диапазоном правдоподобных мест, индекс и его стандартная ошибка, составляющие индекса'],
  [
    'context.csv',
    'Результаты с учётом условий работы школ: индекс условий, ожидаемый индекс результатов, отклонение и его проверка, группы ШНСУ, ШНОР и эффективно работающих в сложных условиях',
  ],
  [
    'subject-analysis.csv',
    'Анализ результатов по предметам в форме регионального отчёта: участники, группы по уровню подготовки, распределение баллов, выполнение заданий по группам, школы с результатами выше или ниже остальных сильнее случайных колебаний',
  ],
  ['roadmap.csv', 'Пункты дорожных карт с последним статусом выполнения'],
  ['schools.csv', 'Реестр школ'],
  [
    'meta.json',
    'Паспорт набора данных: издатель, ответственный, годы, дата актуальности, исходные файлы с контрольными суммами, лицензия, описание столбцов',
  ],
  ['meta.csv', 'Паспорт набора по стандарту открытых данных 3.0 (Методические рекомендации по публикации открытых данных)'],
  ['structure.csv', 'Структура indicators.csv по стандарту открытых данных 3.0: поле, описание на английском и русском, формат'],
];

/** schema.org Dataset markup of the open data, for dataset search engines; `<` escaped so it never closes its script. */
function datasetLd(): string {
  const { m, abs } = site();
  const cfg = m.data.config;
  const years = m.ix.years;
  const org = (o: { name: string; site?: string; email?: string }) => ({
    '@type': 'GovernmentOrganization',
    name: o.name,
    ...(o.site ? { url: o.site } : {}),
    ...(o.email ? { email: o.email } : {}),
  });
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: `Показатели качества образования: ${cfg.municipality.name}`,
    description: `Результаты оценочных процедур (ЕГЭ, ОГЭ, ГВЭ, ВПР, диагностические работы, олимпиады, итоговое сочинение и собеседование) по муниципалитету и школам с доверительными интервалами, зоны риска, условия работы школ и исполнение дорожной карты; ${cfg.municipality.name}, ${cfg.municipality.region}.`,
    url: abs('/opendata/'),
    inLanguage: 'ru',
    isAccessibleForFree: true,
    license: cfg.site.licence,
    creator: org(cfg.imc),
    publisher: org(cfg.department),
    ...(years.length ? { temporalCoverage: `${years[0]}/${years.at(-1)}` } : {}),
    spatialCoverage: { '@type': 'Place', name: `${cfg.municipality.name}, ${cfg.municipality.region}` },
    dateModified: m.releaseDate,
    version: m.release,
    distribution: FILES.map(([f, what]) => ({
      '@type': 'DataDownload',
      name: f,
      description: what,
      contentUrl: abs(`/opendata/${f}`),
      encodingFormat: f.endsWith('.json') ? 'application/json' : 'text/csv',
    })),
  };
  return JSON.stringify(ld).replace(/</g, '\\u003c');
}

export function opendataPage() {
  const { m, href } = site();
  return {
    href,
    ld: datasetLd(),
    cfg: m.data.config,
    updated: formatDate(m.today),
    years: m.ix.years.join(', '),
    values: formatNumber(m.ix.values.length, 0),
    files: FILES.map(([f, what]) => ({ href: href(`/opendata/${f}`), name: f, what })),
    columns: INDICATOR_COLUMNS.map((c) => ({ name: c, what: COLUMN_DOCS[c] })),
    safeText: SAFE_TEXT_NOTE,
  };
}
