/**
 * The data files of the input contract, in one list: where each lives, what
 * it holds, its table (columns, aliases, checks) and an example. The data
 * guide (docs/columns.md) and the Excel templates (templates/*.xlsx) are made
 * from this list by `npm run templates`, so they always say what the reader checks.
 */
import { lookup } from './cells.ts';
import { mechanismCell } from './mechanisms.ts';
import { RESULTS_FILES } from './results/index.ts';
import * as S from './schemas.ts';
import type { TableSpec } from './table.ts';

export interface DataFile {
  /** Path inside data/, with `<год>` or `<карта>` for the varying part. */
  path: string;
  /** The template's file name (templates/<name>.xlsx). */
  name: string;
  title: string;
  what: string;
  required?: boolean;
  spec: TableSpec;
  /** Example rows: canonical column → value. */
  example: Record<string, string | number>[];
}

// For documentation the subject column takes any code or name; the build checks them against subjects.csv.
const docLookups: S.Lookups = { subject: lookup('код или название предмета из справочника subjects.csv, например rus или «Русский язык»', (s) => s) };
const mechanism = mechanismCell();

export const DATA_FILES: DataFile[] = [
  { path: 'schools.csv', name: 'schools', title: 'Реестр школ', required: true, spec: S.schoolsSpec, what: 'По строке на каждую школу, которая когда-либо была в данных; закрытые школы остаются с годом закрытия.', example: [{ school_id: '101', name: 'Гимназия № 1', full_name: 'МАОУ «Гимназия № 1»', kind: 'гимназия', address: 'ул. Ленина, 12', website: 'https://school101.example.ru/' }] },
  ...RESULTS_FILES.map((f) => ({ path: `results/<год>/${f.name}.csv`, name: f.name, title: f.title, what: f.what, spec: f.spec(docLookups), example: f.example })),
  { path: 'region.csv', name: 'region', title: 'Значения региона', spec: S.regionSpec(docLookups), what: 'Опубликованные значения показателей по региону — для сравнения.', example: [{ indicator: 'ege.mean', year: 2025, subject: 'Русский язык', value: '71,1' }] },
  { path: 'targets.csv', name: 'targets', title: 'Целевые значения', spec: S.targetsSpec(docLookups), what: 'Цели дорожной карты: показатель, год, значение и направление (не менее / не более).', example: [{ indicator: 'ege.below_min_share', year: 2026, subject: 'Русский язык', target: '0,5', direction: 'не более', source: 'Дорожная карта, п. 1.19' }] },
  { path: 'roadmap/<карта>.csv', name: 'roadmap', title: 'Дорожная карта', spec: S.roadmapSpec(mechanism), what: 'Пункты утверждённой дорожной карты, как в документе; строки-заголовки разделов (без ответственного и срока) допускаются.', example: [{ item: '1.1', section: 'Система оценки качества подготовки обучающихся', direction: 1, title: 'Анализ результатов ГИА', responsible: 'МКУ ИМЦ', document: 'Аналитическая справка', deadline: 'ежегодно, сентябрь', indicators: 'ege.mean' }] },
  { path: 'roadmap/<карта>.reports.csv', name: 'roadmap.reports', title: 'Отчёты об исполнении дорожной карты', spec: S.roadmapReportsSpec, what: 'По строке на пункт и отчётный период.', example: [{ item: '1.1', period: '2025-Q3', status: 'выполнено', note: 'Справка размещена на сайте', reported: '2025-10-03' }] },
  { path: 'reference/scales.csv', name: 'scales', title: 'Шкалы (справочник)', spec: S.scalesSpec(docLookups), what: 'Максимальный и минимальный баллы и границы отметок по годам. Сайт поставляется со шкалами; строка здесь добавляет год или заменяет строку с тем же годом, процедурой, предметом и классом.', example: [{ year: 2026, procedure: 'ege', subject: 'Русский язык', max_score: 100, min_score: 24, source: 'Распоряжение Рособрнадзора' }] },
  { path: 'reference/tasks.csv', name: 'tasks', title: 'Задания (справочник)', spec: S.tasksSpec(docLookups), what: 'Описание заданий для анализа дефицитов: максимальный балл, уровень, проверяемое умение.', example: [{ year: 2025, procedure: 'oge', subject: 'Математика', task: '1', max_score: 1, level: 'базовый', skill: 'Чтение плана местности' }] },
  { path: 'reference/ege-marks.csv', name: 'ege-marks', title: 'Перевод баллов ЕГЭ в отметки (справочник)', spec: S.egeMarksSpec(docLookups), what: 'Нужен для объективности ЕГЭ: с какого тестового балла отметка «3», «4», «5».', example: [{ year: 2025, subject: 'Русский язык', mark3_from: 24, mark4_from: 50, mark5_from: 72 }] },
  { path: 'reference/progress-pairs.csv', name: 'progress-pairs', title: 'Пары процедур для прогресса учащихся (справочник)', spec: S.progressPairsSpec(docLookups), what: 'Между какими процедурами считается прогресс учащихся: начальная процедура (для ВПР — с классом), через сколько лет и итоговая. Сайт поставляется с четырьмя парами (ОГЭ → ЕГЭ по русскому языку и математике, ВПР 8 класса → ОГЭ); строка здесь добавляет пару или заменяет пару с тем же кодом. Результаты связываются по столбцу «Код обучающегося» в файлах ВПР, ОГЭ и ЕГЭ.', example: [{ id: 'oge-ege-rus', from_procedure: 'ОГЭ', from_grade: 9, from_subject: 'Русский язык', lag: 2, to_procedure: 'ЕГЭ', to_subject: 'Русский язык' }] },
  { path: 'reference/mechanism-indicators.csv', name: 'mechanism-indicators', title: 'Показатели механизмов управления (справочник)', spec: S.mechanismBookSpec(mechanism), what: 'Показатели механизмов управления качеством: воспитание, дошкольное образование и другие. Сайт поставляется с таблицей показателей воспитания и социализации из положения (1.1–5.4) и показателями мониторинга качества дошкольного образования (Д1.1–Д4.2); строка здесь добавляет показатель или заменяет показатель с тем же идентификатором. Значения по годам — в results/<год>/mechanisms.csv.', example: [{ id: 'volunteers_share', mechanism: 7, code: '3.9', name: 'Доля обучающихся — участников волонтёрского движения', unit: 'процент', better: 'выше', level: 'муниципалитет|организация', method: 'Число обучающихся-волонтёров / число обучающихся × 100', source: 'Муниципальная программа воспитания, п. 4' }] },
  { path: 'reference/subjects.csv', name: 'subjects', title: 'Предметы (справочник)', spec: S.subjectsSpec, what: 'Коды предметов, их названия и синонимы (через «|»), которые понимают файлы результатов.', example: [{ code: 'rus', name: 'Русский язык', aliases: 'русский|рус. яз.' }] },
];
