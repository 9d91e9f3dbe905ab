/** Tables that are not results: the school register, reference books, region values, targets, roadmaps. */
import { code, CODE_FORM, int, isoDate, isSafeCode, looksLikeDate, lookup, num, oneOf, text, url, type Cell } from './cells.ts';
import { c, req, schoolId, type Lookups } from './columns.ts';
import type { TableSpec } from './table.ts';

export type { Lookups } from './columns.ts';

export const schoolsSpec = {
  columns: {
    school_id: schoolId(),
    name: req(text(), ['Краткое наименование', 'Наименование']),
    full_name: c(text(), ['Полное наименование']),
    kind: c(text(), ['Тип', 'Вид']),
    address: c(text(), ['Адрес']),
    website: c(url(), ['Сайт']),
    lat: c(num(-90, 90), ['Широта']),
    lon: c(num(-180, 180), ['Долгота']),
    closed: c(int(1990, 2100), ['Закрыта с', 'Закрыта']),
    successor_id: c(code(), ['Правопреемник']),
  },
  keepPartial: true,
} satisfies TableSpec;

export const subjectsSpec = {
  columns: {
    code: req(code(), ['Код']),
    name: req(text(), ['Наименование', 'Предмет']),
    aliases: c(text(), ['Синонимы']),
  },
} satisfies TableSpec;

const procedure = oneOf<'ege' | 'oge' | 'vpr'>(['ege', 'oge', 'vpr'], { егэ: 'ege', огэ: 'oge', впр: 'vpr' });

export const scalesSpec = (l: Lookups) => ({
  columns: {
    year: req(int(2000, 2100), ['Год']),
    procedure: req(procedure, ['Процедура']),
    subject: req(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    max_score: req(int(1), ['Максимальный балл']),
    min_score: c(int(0), ['Минимальный балл']),
    mark4_from: c(int(0), ['Отметка 4 от']),
    mark5_from: c(int(0), ['Отметка 5 от']),
    source: c(text(), ['Источник']),
  },
} satisfies TableSpec);

export const tasksSpec = (l: Lookups) => ({
  columns: {
    year: req(int(2000, 2100), ['Год']),
    procedure: req(oneOf(['ege', 'oge', 'vpr', 'diag'] as const), ['Процедура']),
    subject: req(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    // `3_1` (as some exports write it) is task 3.1.
    task: req(
      {
        ...lookup(CODE_FORM.replace(/^код/, 'номер задания'), (raw) => {
          const t = raw.trim().replace(/_/g, '.');
          return isSafeCode(t) && !looksLikeDate(t) ? t : undefined;
        }),
        code: true,
      },
      ['Задание'],
    ),
    max_score: req(int(1), ['Максимальный балл']),
    level: req(oneOf(['базовый', 'повышенный', 'высокий'] as const, { б: 'базовый', п: 'повышенный', в: 'высокий' }), ['Уровень']),
    skill: c(text(), ['Проверяемый элемент', 'Умение']),
  },
} satisfies TableSpec);

/** Pairs of procedures a pupil's progress is measured between (spec §13): the earlier result and the later one. */
export const progressPairsSpec = (l: Lookups) => ({
  columns: {
    id: req(lookup('латинские строчные буквы, цифры и дефис, например oge-ege-rus', (raw) => (/^[a-z0-9][a-z0-9-]*$/.test(raw.trim()) ? raw.trim() : undefined)), ['Код']),
    from_procedure: req(procedure, ['Начальная процедура']),
    from_grade: c(int(4, 11), ['Класс начальной процедуры']),
    from_subject: req(l.subject, ['Предмет начальной процедуры']),
    lag: req(int(1, 7), ['Через сколько лет', 'Лет']),
    to_procedure: req(oneOf<'ege' | 'oge'>(['ege', 'oge'], { егэ: 'ege', огэ: 'oge' }), ['Итоговая процедура']),
    to_subject: req(l.subject, ['Предмет итоговой процедуры']),
  },
} satisfies TableSpec);

export const egeMarksSpec = (l: Lookups) => ({
  columns: {
    year: req(int(2000, 2100), ['Год']),
    subject: req(l.subject, ['Предмет']),
    mark3_from: req(int(0, 100)),
    mark4_from: req(int(0, 100)),
    mark5_from: req(int(0, 100)),
  },
} satisfies TableSpec);

export const regionSpec = (l: Lookups) => ({
  columns: {
    indicator: req(text(), ['Показатель']),
    year: req(int(2000, 2100), ['Год']),
    subject: c(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    value: req(num(), ['Значение']),
  },
} satisfies TableSpec);

export const targetsSpec = (l: Lookups) => ({
  columns: {
    indicator: req(text(), ['Показатель']),
    year: req(int(2000, 2100), ['Год']),
    subject: c(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    target: req(num(), ['Целевое значение', 'Цель']),
    direction: req(oneOf(['≥', '≤'] as const, { '>=': '≥', '<=': '≤', 'не менее': '≥', 'не более': '≤' }), ['Направление']),
    source: c(text(), ['Источник']),
  },
} satisfies TableSpec);

/** A roadmap item's number as the document writes it, without a closing dot («1.1.» is «1.1»). */
const itemNo = () => lookup('текст', (raw) => raw.replace(/\.$/, ''));

export const roadmapSpec = (mechanism: Cell<number>) => ({
  columns: {
    item: req(itemNo(), ['№ п/п', '№', 'Номер']),
    // Optional as a column: heading rows of the document can name the sections instead.
    section: c(text(), ['Раздел']),
    direction: c(mechanism, ['Направление', 'Механизм']),
    title: req(text(), ['Мероприятие', 'Наименование мероприятия', 'Мероприятие (содержание деятельности)', 'Основные направления деятельности']),
    responsible: { ...req(text(), ['Ответственный', 'Ответственные', 'Ответственный исполнитель', 'Ответственные исполнители']), emptyOk: true },
    document: c(text(), ['Вид документа', 'Форма представления отчета', 'Форма представления отчёта']),
    deadline: { ...req(text(), ['Сроки', 'Сроки выполнения', 'Сроки реализации', 'Срок']), emptyOk: true },
    due: c(isoDate(), ['Срок (дата)']),
    expected: c(text(), ['Ожидаемый результат']),
    indicators: c(text(), ['Показатели']),
  },
} satisfies TableSpec);

export const roadmapReportsSpec = {
  columns: {
    item: req(itemNo(), ['Пункт', '№ п/п', '№']),
    period: req(lookup('период вида 2025-Q3 (квартал) или 2025 (год)', (raw) => (/^\d{4}(-Q[1-4])?$/i.test(raw.trim()) ? raw.trim().toUpperCase() : undefined)), ['Период']),
    status: req(oneOf(['выполнено', 'выполняется', 'не выполнено', 'перенесено', 'отменено'] as const), ['Статус']),
    note: c(text(), ['Примечание']),
    evidence: c(text(), ['Подтверждение']),
    reported: c(isoDate(), ['Дата отчёта', 'Дата отчета']),
  },
} satisfies TableSpec;

/** The levels a mechanism indicator is given for: «муниципалитет», «организация» or both separated by «|». */
const levels = () =>
  lookup('«муниципалитет», «организация» или «муниципалитет|организация»', (raw) => {
    const parts = raw.split(/[|,;/]/).map((p) => p.trim().toLowerCase().replace(/ё/g, 'е'));
    const out = { municipality: false, organisation: false };
    for (const p of parts) {
      if (/^муниципал/.test(p)) out.municipality = true;
      else if (/^(организац|оо$|доу$|школ)/.test(p)) out.organisation = true;
      else return undefined;
    }
    return out.municipality || out.organisation ? out : undefined;
  });

/** The book of the mechanisms' indicators (data format §5.6): shipped with defaults, rows merged by `id`. */
export const mechanismBookSpec = (mechanism: Cell<number>) => ({
  columns: {
    id: req(lookup('латинские строчные буквы, цифры и «_», например parents_family_clubs', (raw) => (/^[a-z0-9_]+$/.test(raw.trim()) ? raw.trim() : undefined)), ['Идентификатор']),
    mechanism: req(mechanism, ['Механизм', 'Направление']),
    code: req(text(), ['Код', 'Номер']),
    name: req(text(), ['Наименование', 'Показатель']),
    unit: req(oneOf<'процент' | 'количество' | 'наличие'>(['процент', 'количество', 'наличие'], { '%': 'процент', доля: 'процент', число: 'количество', 'ед.': 'количество' }), ['Единица измерения', 'Единица']),
    better: c(oneOf<'выше' | 'ниже'>(['выше', 'ниже'], { больше: 'выше', меньше: 'ниже' }), ['Лучше', 'Направление улучшения']),
    level: req(levels(), ['Уровень']),
    method: req(text(), ['Методика', 'Как считается']),
    source: req(text(), ['Источник']),
  },
} satisfies TableSpec);
