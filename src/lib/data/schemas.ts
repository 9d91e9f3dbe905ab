import { bool, int, isoDate, lookup, num, oneOf, text, url, type Cell } from './cells.ts';
import type { ColumnSpec, TableSpec } from './table.ts';
import { normKey } from './normalize.ts';
import type { CsvRow } from './csv.ts';

/** Dictionaries the schemas need: built from reference data before results are read. */
export interface Lookups {
  subject: Cell<string>;
}

const c = (cell: Cell<unknown>, aliases: string[] = [], required = false): ColumnSpec => ({ cell, aliases, required });
const req = (cell: Cell<unknown>, aliases: string[] = []): ColumnSpec => c(cell, aliases, true);

export const schoolsSpec: TableSpec = {
  columns: {
    school_id: req(text(), ['Код ОО', 'Код школы']),
    name: req(text(), ['Краткое наименование', 'Наименование']),
    full_name: c(text(), ['Полное наименование']),
    kind: c(text(), ['Тип', 'Вид']),
    address: c(text(), ['Адрес']),
    website: c(url(), ['Сайт']),
    lat: c(num(-90, 90), ['Широта']),
    lon: c(num(-180, 180), ['Долгота']),
    closed: c(int(1990, 2100), ['Закрыта с', 'Закрыта']),
    successor_id: c(text(), ['Правопреемник']),
  },
};

export const subjectsSpec: TableSpec = {
  columns: {
    code: req(text(), ['Код']),
    name: req(text(), ['Наименование', 'Предмет']),
    aliases: c(text(), ['Синонимы']),
  },
};

const procedure = oneOf(['ege', 'oge', 'vpr'] as const, { егэ: 'ege', огэ: 'oge', впр: 'vpr' });

export const scalesSpec = (l: Lookups): TableSpec => ({
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
});

export const tasksSpec = (l: Lookups): TableSpec => ({
  columns: {
    year: req(int(2000, 2100), ['Год']),
    procedure: req(oneOf(['ege', 'oge', 'vpr', 'diag'] as const), ['Процедура']),
    subject: req(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    task: req(text(), ['Задание']),
    max_score: req(int(1), ['Максимальный балл']),
    level: req(oneOf(['базовый', 'повышенный', 'высокий'] as const, { б: 'базовый', п: 'повышенный', в: 'высокий' }), ['Уровень']),
    skill: c(text(), ['Проверяемый элемент', 'Умение']),
  },
});

export const egeMarksSpec = (l: Lookups): TableSpec => ({
  columns: {
    year: req(int(2000, 2100), ['Год']),
    subject: req(l.subject, ['Предмет']),
    mark3_from: req(int(0, 100)),
    mark4_from: req(int(0, 100)),
    mark5_from: req(int(0, 100)),
  },
});

const participant = (l: Lookups, withSubject = true): Record<string, ColumnSpec> => ({
  participant_id: req(text(), ['Код участника']),
  school_id: req(text(), ['Код ОО', 'Код школы']),
  ...(withSubject ? { subject: req(l.subject, ['Предмет']) } : {}),
  ovz: c(bool(), ['ОВЗ']),
});
const mark = () => int(2, 5);

export const egeSpec = (l: Lookups): TableSpec => ({
  results: true,
  tasks: true,
  columns: {
    ...participant(l),
    form: c(oneOf(['ЕГЭ', 'ГВЭ'] as const), ['Форма']),
    category: c(oneOf(['ВТГ', 'ВПЛ', 'СПО'] as const), ['Категория']),
    test_score: c(int(0, 100), ['Тестовый балл']),
    primary_score: c(int(0), ['Первичный балл']),
    mark: c(mark(), ['Отметка', 'Оценка']),
    school_mark: c(mark(), ['Отметка в аттестате', 'Годовая отметка']),
    medal_candidate: c(bool(), ['Претендент на медаль']),
  },
});

export const ogeSpec = (l: Lookups): TableSpec => ({
  results: true,
  tasks: true,
  columns: {
    ...participant(l),
    form: c(oneOf(['ОГЭ', 'ГВЭ'] as const), ['Форма']),
    primary_score: c(int(0), ['Первичный балл']),
    mark: req(mark(), ['Отметка', 'Оценка']),
    school_mark: c(mark(), ['Отметка в аттестате', 'Годовая отметка']),
  },
});

/**
 * In vpr.csv a «Класс» column with letters (`4А`) is the class when another
 * grade column («Параллель», `grade`) exists; otherwise it is the grade.
 */
function vprHeader(headers: string[], rows: CsvRow[]): (string | undefined)[] | undefined {
  const keys = headers.map(normKey);
  const klass = keys.indexOf('класс');
  if (klass < 0) return undefined;
  const hasGrade = keys.some((k, i) => i !== klass && (k === 'grade' || k === 'параллель'));
  const lettered = rows.some((r) => /\D/.test((r.cells[klass] ?? '').trim()));
  const out: (string | undefined)[] = headers.map(() => undefined);
  out[klass] = hasGrade || lettered ? 'class' : 'grade';
  return out;
}

export const vprSpec = (l: Lookups): TableSpec => ({
  results: true,
  tasks: true,
  resolveHeader: vprHeader,
  columns: {
    ...participant(l),
    grade: req(int(4, 11), ['Параллель']),
    class: c(text(), ['Класс (буква)', 'Литера']),
    primary_score: req(int(0), ['Первичный балл']),
    mark: req(mark(), ['Отметка', 'Оценка']),
    journal_mark: c(mark(), ['Отметка по журналу']),
  },
});

export const diagnosticsSpec = (l: Lookups): TableSpec => ({
  results: true,
  tasks: true,
  columns: {
    participant_id: req(text(), ['Код участника']),
    school_id: req(text(), ['Код ОО', 'Код школы']),
    subject: c(l.subject, ['Предмет']),
    ovz: c(bool(), ['ОВЗ']),
    work: req(text(), ['Работа']),
    work_name: c(text(), ['Название работы']),
    grade: req(int(1, 11), ['Класс', 'Параллель']),
    primary_score: req(num(0), ['Первичный балл']),
    max_score: req(num(0), ['Максимальный балл']),
    min_score: req(num(0), ['Минимальный балл']),
  },
});

export const olympiadSpec = (l: Lookups): TableSpec => ({
  results: true,
  columns: {
    ...participant(l),
    grade: req(int(1, 11), ['Класс', 'Параллель']),
    stage: req(oneOf(['школьный', 'муниципальный', 'региональный', 'заключительный'] as const), ['Этап']),
    status: req(oneOf(['участник', 'призёр', 'победитель'] as const), ['Статус']),
    score: c(num(0), ['Балл']),
  },
});

export const passSpec = (l: Lookups): TableSpec => ({
  results: true,
  columns: {
    ...participant(l, false),
    result: req(oneOf(['зачёт', 'незачёт'] as const, { зачет: 'зачёт', незачет: 'незачёт' }), ['Результат']),
    attempt: c(int(1, 10), ['Попытка']),
  },
});

export const graduatesSpec: TableSpec = {
  results: true,
  columns: {
    school_id: req(text(), ['Код ОО', 'Код школы']),
    grade: req(oneOf(['9', '11'] as const), ['Класс', 'Параллель']),
    students: req(int(0), ['Выпускники', 'Обучающихся']),
    admitted: c(int(0), ['Допущены']),
    certificates: c(int(0), ['Аттестаты']),
    honours: c(int(0), ['С отличием']),
    repeat: c(int(0), ['Оставлены на повторное обучение']),
    continued_school: c(int(0), ['Продолжили в 10 классе']),
    continued_spo: c(int(0), ['Поступили в СПО']),
    not_continuing: c(int(0), ['Не продолжили обучение']),
  },
};

export const monitoringSpec: TableSpec = {
  results: true,
  columns: {
    school_id: req(text(), ['Код ОО', 'Код школы']),
    period: req(oneOf(['1 полугодие', '2 полугодие', 'год'] as const, { i: '1 полугодие', ii: '2 полугодие', 'i полугодие': '1 полугодие', 'ii полугодие': '2 полугодие', учебный: 'год' }), ['Период']),
    grade: req(int(2, 11), ['Класс', 'Параллель']),
    students: req(int(0), ['Аттестовано', 'Обучающихся']),
    no_fail: req(int(0), ['Успевают']),
    good: req(int(0), ['На 4 и 5']),
    excellent: c(int(0), ['На 5']),
    problem_subjects: c(text(), ['Проблемные предметы']),
  },
};

export const regionSpec = (l: Lookups): TableSpec => ({
  columns: {
    indicator: req(text(), ['Показатель']),
    year: req(int(2000, 2100), ['Год']),
    subject: c(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    value: req(num(), ['Значение']),
  },
});

export const targetsSpec = (l: Lookups): TableSpec => ({
  columns: {
    indicator: req(text(), ['Показатель']),
    year: req(int(2000, 2100), ['Год']),
    subject: c(l.subject, ['Предмет']),
    grade: c(int(1, 11), ['Класс']),
    target: req(num(), ['Целевое значение', 'Цель']),
    direction: req(oneOf(['≥', '≤'] as const, { '>=': '≥', '<=': '≤', 'не менее': '≥', 'не более': '≤' }), ['Направление']),
    source: c(text(), ['Источник']),
  },
});

export const roadmapSpec = (mechanism: Cell<string>): TableSpec => ({
  columns: {
    item: req(text(), ['№ п/п', '№', 'Номер']),
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
});

export const roadmapReportsSpec: TableSpec = {
  columns: {
    item: req(text(), ['Пункт', '№ п/п', '№']),
    period: req(lookup('период вида 2025-Q3 (квартал) или 2025 (год)', (raw) => (/^\d{4}(-Q[1-4])?$/i.test(raw.trim()) ? raw.trim().toUpperCase() : undefined)), ['Период']),
    status: req(oneOf(['выполнено', 'выполняется', 'не выполнено', 'перенесено', 'отменено'] as const), ['Статус']),
    note: c(text(), ['Примечание']),
    evidence: c(text(), ['Подтверждение']),
    reported: c(isoDate(), ['Дата отчёта', 'Дата отчета']),
  },
};
