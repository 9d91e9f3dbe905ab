/**
 * The registry of indicators: one entry per indicator of the
 * indicator specification. It drives computation, the passports on the
 * methodology pages, open data and the site; adding an indicator is one entry.
 */
import type { EgeRow, OgeRow, OlympRow, OlympStage, PassRow, VprRow } from '../data/tables.ts';
import * as F from './families.ts';
import { byParticipant, count, distinct, mean, participants, rate, share, sumCount, sumShare } from './measures.ts';
import type { Ctx, Family, IndicatorDef, Measured } from './types.ts';

const vtg = (r: EgeRow) => r.category === 'ВТГ';
const isBase = (ctx: Ctx) => ctx.dims.subject === 'math_base';
const notBase =
  <R>(f: (rows: R[], ctx: Ctx) => Measured) =>
  (rows: R[], ctx: Ctx) =>
    isBase(ctx) ? null : f(rows, ctx);
const hasScore = (r: EgeRow) => r.test_score !== undefined;

/** Where every indicator is published (Вилючинск, table 1: «Документ, где публикуется показатель»). */
export const PUBLISHED_IN =
  'Итоговый отчёт о состоянии муниципальной системы образования, раздел 2.4 «Развитие системы оценки качества образования и информационной прозрачности системы образования»; аналитическая справка по процедуре; этот сайт и открытые данные';

const def = <R>(d: IndicatorDef<R>): IndicatorDef<R> => ({ published: PUBLISHED_IN, responsible: 'imc', ...d });

/** Степень обученности (Симонов): mean of 100/64/36/16 points for marks 5/4/3/2. */
const SOU: Record<number, number> = { 5: 100, 4: 64, 3: 36, 2: 16 };
const SOU_METHOD =
  'Степень обученности (по В. П. Симонову): (100·n5 + 64·n4 + 36·n3 + 16·n2) / n, где n5…n2 — число участников с отметками «5»…«2», n — число участников.';

// ---------- objectivity: exam mark against school mark ----------
type Pair = { exam?: number; school?: number };
function objectivity<R>(
  p: 'vpr' | 'oge' | 'ege',
  family: Family<R>,
  pair: (r: R, ctx: Ctx) => Pair,
  population: ((r: R) => boolean) | undefined,
  dims: IndicatorDef['dims'],
  source: string[],
  schoolMarkName: string,
): IndicatorDef<R>[] {
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p];
  const procedure = p;
  const both = (rows: R[], ctx: Ctx) =>
    rows.map((r) => pair(r, ctx)).filter((x): x is Required<Pair> => x.exam !== undefined && x.school !== undefined);
  const base = `Среди участников ${label}, у которых есть и отметка за работу, и ${schoolMarkName}`;
  const entries: [string, string, string, (x: Required<Pair>) => boolean, boolean | null][] = [
    ['lowered_share', 'понизили', 'отметка за работу ниже', (x) => x.exam < x.school, false],
    ['confirmed_share', 'подтвердили', 'отметка за работу равна', (x) => x.exam === x.school, true],
    ['raised_share', 'повысили', 'отметка за работу выше', (x) => x.exam > x.school, false],
    ['mismatch_share', 'не подтвердили', 'отметка за работу не совпадает с', (x) => x.exam !== x.school, false],
  ];
  return entries.map(([suffix, word, rule, test, better]) =>
    def<R>({
      id: `${p}.${suffix}`,
      name: `Доля участников ${label}, ${word === 'не подтвердили' ? 'не подтвердивших' : word === 'понизили' ? 'понизивших' : word === 'повысили' ? 'повысивших' : 'подтвердивших'} отметку (${word})`,
      short: `${label}: ${word}`,
      unit: '%',
      procedure,
      dims,
      better,
      source,
      method: `${base}: доля (%) тех, у кого ${rule} ${schoolMarkName.replace(/^отметка/, 'отметки')}. Знаменатель — число участников с обеими отметками.`,
      family,
      population,
      measure: (rows, ctx) => {
        const b = both(rows, ctx);
        return share(b, test);
      },
    }),
  );
}

// ---------- task-level results ----------
type TaskRow = { participant_id: string; subject: string; grade?: number; tasks?: Record<string, number> };
function taskIndicators<R extends TaskRow & { school_id: string }>(
  p: 'ege' | 'oge' | 'vpr',
  base: Family<R>,
  population?: (r: R) => boolean,
): IndicatorDef<R>[] {
  const label = { vpr: 'ВПР', oge: 'ОГЭ', ege: 'ЕГЭ' }[p];
  const family = F.tasksOf(p, base);
  const over = (rows: R[], ctx: Ctx, levels: string[]): Measured => {
    // Per participant: points scored and possible over the tasks of these levels.
    const who = new Map<string, { score: number; max: number }>();
    for (const r of rows) {
      for (const [task, s] of Object.entries(r.tasks ?? {})) {
        const info = ctx.task(p, r.subject, r.grade, task);
        if (!info || !levels.includes(info.level)) continue;
        let acc = who.get(r.participant_id);
        if (!acc) who.set(r.participant_id, (acc = { score: 0, max: 0 }));
        acc.score += s;
        acc.max += info.max_score;
      }
    }
    return rate(who.values());
  };
  const common = {
    unit: '%' as const,
    procedure: p,
    dims: ['subject', 'grade', 'task'] as IndicatorDef['dims'],
    better: true,
    source: ['001 4.1–4.3', '001 5.5', '000 §3 9.6'],
    family,
    population,
  };
  return [
    def<R>({
      ...common,
      id: `${p}.task_success`,
      name: `Процент выполнения задания ${label}`,
      short: `${label}: выполнение задания`,
      method: `Для каждого задания: 100 × (сумма баллов участников за задание) / (n × максимальный балл за задание), где n — число участников, у которых есть балл за это задание. Задание с результатом ниже 50 % на уровне муниципалитета считается образовательным дефицитом.`,
      measure: (rows, ctx) => {
        const task = ctx.dims.task;
        if (task === undefined) return null;
        let info;
        const scored: { score: number; max: number }[] = [];
        for (const r of rows) {
          const s = r.tasks?.[task];
          if (s === undefined) continue;
          info ??= ctx.task(p, r.subject, r.grade, task);
          if (info) scored.push({ score: s, max: info.max_score });
        }
        return info ? rate(scored) : null;
      },
    }),
    def<R>({
      ...common,
      id: `${p}.basic_tasks_success`,
      name: `Процент выполнения заданий базового уровня ${label}`,
      short: `${label}: задания базового уровня`,
      method:
        'То же, что процент выполнения задания, но по всем заданиям базового уровня сложности вместе: 100 × Σ баллов / Σ максимальных баллов.',
      measure: (rows, ctx) => (ctx.dims.task === undefined ? over(rows, ctx, ['базовый']) : null),
    }),
    def<R>({
      ...common,
      id: `${p}.advanced_tasks_success`,
      name: `Процент выполнения заданий повышенного и высокого уровня ${label}`,
      short: `${label}: задания повышенного и высокого уровня`,
      method: 'То же по всем заданиям повышенного и высокого уровня сложности вместе: 100 × Σ баллов / Σ максимальных баллов.',
      measure: (rows, ctx) => (ctx.dims.task === undefined ? over(rows, ctx, ['повышенный', 'высокий']) : null),
    }),
  ];
}

// ---------- olympiad ----------
const STAGES: [OlympStage, string, string][] = [
  ['школьный', 'school', 'школьного'],
  ['муниципальный', 'municipal', 'муниципального'],
  ['региональный', 'regional', 'регионального'],
  ['заключительный', 'final', 'заключительного'],
];
const stageRows = (rows: OlympRow[], stage: OlympStage) => rows.filter((r) => r.stage === stage);

export const INDICATORS: IndicatorDef[] = [
  // ЕГЭ, per subject
  def<EgeRow>({
    id: 'ege.participants',
    name: 'Число участников ЕГЭ',
    short: 'ЕГЭ: участники',
    unit: 'чел.',
    procedure: 'ege',
    dims: ['subject'],
    better: null,
    source: ['000 §3 1.2'],
    method: 'Число выпускников текущего года (категория ВТГ), сдававших ЕГЭ по предмету.',
    family: F.ege,
    population: vtg,
    measure: participants,
  }),
  def<EgeRow>({
    id: 'ege.mean',
    name: 'Средний балл ЕГЭ',
    short: 'ЕГЭ: средний балл',
    unit: 'балл',
    unitOf: (s) => (s === 'math_base' ? 'отметка' : 'балл'),
    procedure: 'ege',
    dims: ['subject'],
    better: true,
    source: ['000 §3 1.2', '001 1.1', '004 1.9–1.11'],
    method: 'Среднее арифметическое тестовых баллов выпускников текущего года (ВТГ). Для математики базового уровня — средняя отметка.',
    family: F.ege,
    population: vtg,
    measure: (rows, ctx) => (isBase(ctx) ? mean(rows, (r) => r.mark) : mean(rows, (r) => r.test_score)),
  }),
  def<EgeRow>({
    id: 'ege.below_min_share',
    name: 'Доля участников ЕГЭ, не преодолевших минимальный порог',
    short: 'ЕГЭ: ниже минимума',
    unit: '%',
    procedure: 'ege',
    dims: ['subject'],
    better: false,
    source: ['001 1.1', '004 1.9'],
    method:
      'Доля (%) выпускников текущего года, чей тестовый балл ниже минимального балла года по предмету (справочник scales.csv). Для математики базового уровня — доля получивших «2».',
    family: F.ege,
    population: vtg,
    measure: (rows, ctx) => {
      if (isBase(ctx))
        return share(
          rows,
          (r) => r.mark === 2,
          (r) => r.mark !== undefined,
        );
      const min = ctx.scale('ege', ctx.dims.subject!)?.min_score;
      return min === undefined ? null : share(rows, (r) => r.test_score! < min, hasScore);
    },
  }),
  def<EgeRow>({
    id: 'ege.high_share',
    name: 'Доля участников ЕГЭ, набравших более 80 баллов',
    short: 'ЕГЭ: 81–100 баллов',
    unit: '%',
    procedure: 'ege',
    dims: ['subject'],
    better: true,
    source: ['000 §3 5.1'],
    method:
      'Доля (%) выпускников текущего года с тестовым баллом 81 и выше («более 80 баллов»). Не считается для математики базового уровня.',
    family: F.ege,
    population: vtg,
    measure: notBase((rows) => share(rows, (r) => r.test_score! >= 81, hasScore)),
  }),
  def<EgeRow>({
    id: 'ege.top_count',
    name: 'Число участников ЕГЭ, набравших 96–100 баллов',
    short: 'ЕГЭ: 96–100 баллов',
    unit: 'чел.',
    procedure: 'ege',
    dims: ['subject'],
    better: true,
    source: ['000 §3 5.2'],
    method: 'Число выпускников текущего года с тестовым баллом от 96 до 100. Не считается для математики базового уровня.',
    family: F.ege,
    population: vtg,
    measure: notBase((rows) => count(rows.filter(hasScore), (r) => r.test_score! >= 96)),
  }),
  def<EgeRow>({
    id: 'ege.hundred_count',
    name: 'Число стобалльников ЕГЭ',
    short: 'ЕГЭ: 100 баллов',
    unit: 'чел.',
    procedure: 'ege',
    dims: ['subject'],
    better: true,
    source: ['000 §3 5.2'],
    method: 'Число выпускников текущего года с тестовым баллом 100. Не считается для математики базового уровня.',
    family: F.ege,
    population: vtg,
    measure: notBase((rows) => count(rows.filter(hasScore), (r) => r.test_score === 100)),
  }),
  // ЕГЭ, subject-less
  def<EgeRow>({
    id: 'ege.sum3_160_share',
    name: 'Доля выпускников, набравших 160 и более баллов по трём предметам ЕГЭ',
    short: 'ЕГЭ: 160+ по трём предметам',
    unit: '%',
    procedure: 'ege',
    dims: [],
    better: true,
    source: ['001 2.1'],
    method:
      'Среди выпускников текущего года, сдавших не менее трёх предметов по 100-балльной шкале: доля (%) тех, у кого сумма трёх лучших тестовых баллов 160 и выше.',
    family: F.egeWhole,
    population: vtg,
    measure: (rows) => {
      const sums = [...byParticipant(rows.filter(hasScore)).values()]
        .filter((l) => l.length >= 3)
        .map((l) =>
          l
            .map((r) => r.test_score!)
            .sort((a, b) => b - a)
            .slice(0, 3)
            .reduce((a, b) => a + b, 0),
        );
      return share(sums, (s) => s >= 160);
    },
  }),
  def<EgeRow>({
    id: 'ege.medal_unconfirmed_share',
    name: 'Индекс неподтверждения результатов медалистов',
    short: 'ЕГЭ: медалисты не подтвердили',
    unit: '%',
    procedure: 'ege',
    dims: [],
    better: false,
    source: ['003', '004 1.9'],
    method:
      'Среди претендентов на медаль, сдававших русский язык и математику: доля (%) тех, у кого по русскому языку менее 70 баллов или по математике нет подтверждения (профильная — менее 70 баллов, базовая — отметка ниже «5»; засчитывается лучший результат по математике).',
    family: F.egeWhole,
    population: vtg,
    measure: (rows) => {
      const people = [...byParticipant(rows).values()].filter(
        (l) =>
          l.some((r) => r.medal_candidate) &&
          l.some((r) => r.subject === 'rus') &&
          l.some((r) => r.subject === 'math_prof' || r.subject === 'math_base'),
      );
      return share(people, (l) => {
        const rus = l.find((r) => r.subject === 'rus')!;
        const mathOk = l.some(
          (r) => (r.subject === 'math_prof' && (r.test_score ?? 0) >= 70) || (r.subject === 'math_base' && r.mark === 5),
        );
        return (rus.test_score ?? 0) < 70 || !mathOk;
      });
    },
  }),
  def<EgeRow>({
    id: 'gia11.ovz_participants',
    name: 'Число участников ГИА-11 с ОВЗ',
    short: 'ГИА-11: участники с ОВЗ',
    unit: 'чел.',
    procedure: 'gia11',
    dims: [],
    better: null,
    source: ['000 §3 7'],
    method:
      'Число выпускников текущего года с ограниченными возможностями здоровья, сдававших ЕГЭ или ГВЭ-11. На уровне школы число от 1 до порога конфиденциальности не публикуется.',
    family: F.gia11,
    population: vtg,
    sensitive: true,
    measure: (rows) => participants(rows.filter((r) => r.ovz)),
  }),
  // ГВЭ-11
  def<EgeRow>({
    id: 'gve11.participants',
    name: 'Число участников ГВЭ-11',
    short: 'ГВЭ-11: участники',
    unit: 'чел.',
    procedure: 'gve11',
    dims: ['subject'],
    better: null,
    source: ['004 1.10'],
    method: 'Число выпускников текущего года, сдававших ГВЭ-11 по предмету.',
    family: F.gve11,
    population: vtg,
    measure: participants,
  }),
  def<EgeRow>({
    id: 'gve11.mean_mark',
    name: 'Средняя отметка ГВЭ-11',
    short: 'ГВЭ-11: средняя отметка',
    unit: 'отметка',
    procedure: 'gve11',
    dims: ['subject'],
    better: true,
    source: ['004 1.10'],
    method: 'Среднее арифметическое отметок участников ГВЭ-11.',
    family: F.gve11,
    population: vtg,
    measure: (rows) => mean(rows, (r) => r.mark),
  }),
  def<EgeRow>({
    id: 'gve11.fail_share',
    name: 'Доля участников ГВЭ-11, получивших «2»',
    short: 'ГВЭ-11: «2»',
    unit: '%',
    procedure: 'gve11',
    dims: ['subject'],
    better: false,
    source: ['004 1.10'],
    method: 'Доля (%) участников ГВЭ-11 с отметкой «2».',
    family: F.gve11,
    population: vtg,
    measure: (rows) =>
      share(
        rows,
        (r) => r.mark === 2,
        (r) => r.mark !== undefined,
      ),
  }),
  // ОГЭ
  def<OgeRow>({
    id: 'oge.participants',
    name: 'Число участников ОГЭ',
    short: 'ОГЭ: участники',
    unit: 'чел.',
    procedure: 'oge',
    dims: ['subject'],
    better: null,
    source: ['000 §3 1.1'],
    method: 'Число участников ОГЭ по предмету.',
    family: F.oge,
    measure: participants,
  }),
  def<OgeRow>({
    id: 'oge.mean_mark',
    name: 'Средняя отметка ОГЭ',
    short: 'ОГЭ: средняя отметка',
    unit: 'отметка',
    procedure: 'oge',
    dims: ['subject'],
    better: true,
    source: ['000 §3 1.1', '001 1.2', '004 1.1–1.3'],
    method: 'Среднее арифметическое отметок участников ОГЭ.',
    family: F.oge,
    measure: (rows) => mean(rows, (r) => r.mark),
  }),
  def<OgeRow>({
    id: 'oge.mean_score',
    name: 'Средний первичный балл ОГЭ',
    short: 'ОГЭ: средний балл',
    unit: 'балл',
    procedure: 'oge',
    dims: ['subject'],
    better: true,
    source: ['000 §3 1.1'],
    method: 'Среднее арифметическое первичных баллов участников ОГЭ.',
    family: F.oge,
    measure: (rows) => mean(rows, (r) => r.primary_score),
  }),
  def<OgeRow>({
    id: 'oge.fail_share',
    name: 'Доля участников ОГЭ, получивших «2»',
    short: 'ОГЭ: «2»',
    unit: '%',
    procedure: 'oge',
    dims: ['subject'],
    better: false,
    source: ['001 1.2'],
    method: 'Доля (%) участников ОГЭ с отметкой «2» (ниже минимального порога).',
    family: F.oge,
    measure: (rows) => share(rows, (r) => r.mark === 2),
  }),
  def<OgeRow>({
    id: 'oge.high_share',
    name: 'Доля участников ОГЭ с высокими результатами',
    short: 'ОГЭ: высокие результаты',
    unit: '%',
    procedure: 'oge',
    dims: ['subject'],
    better: true,
    source: ['001 1.2'],
    method:
      'Доля (%) участников ОГЭ, чей первичный балл больше 75 % максимального первичного балла года по предмету (справочник scales.csv).',
    family: F.oge,
    measure: (rows, ctx) => {
      const max = ctx.scale('oge', ctx.dims.subject!)?.max_score;
      return max === undefined
        ? null
        : share(
            rows,
            (r) => r.primary_score! > 0.75 * max,
            (r) => r.primary_score !== undefined,
          );
    },
  }),
  def<OgeRow>({
    id: 'oge.quality_share',
    name: 'Качество знаний по результатам ОГЭ',
    short: 'ОГЭ: качество',
    unit: '%',
    procedure: 'oge',
    dims: ['subject'],
    better: true,
    source: ['001 1.2'],
    method: 'Доля (%) участников ОГЭ с отметками «4» и «5».',
    family: F.oge,
    measure: (rows) => share(rows, (r) => r.mark >= 4),
  }),
  def<OgeRow>({
    id: 'oge.success_share',
    name: 'Успеваемость по результатам ОГЭ',
    short: 'ОГЭ: успеваемость',
    unit: '%',
    procedure: 'oge',
    dims: ['subject'],
    better: true,
    source: ['001 1.2'],
    method: 'Доля (%) участников ОГЭ с отметками «3», «4» и «5».',
    family: F.oge,
    measure: (rows) => share(rows, (r) => r.mark >= 3),
  }),
  def<OgeRow>({
    id: 'oge.sou',
    name: 'Степень обученности по результатам ОГЭ',
    short: 'ОГЭ: СОУ',
    unit: '%',
    procedure: 'oge',
    dims: ['subject'],
    better: true,
    source: ['001 1.2'],
    method: SOU_METHOD,
    family: F.oge,
    measure: (rows) => mean(rows, (r) => SOU[r.mark]),
  }),
  def<OgeRow>({
    id: 'oge.sum3_10_share',
    name: 'Доля участников ОГЭ, набравших 10 и более баллов по трём предметам',
    short: 'ОГЭ: 10+ по трём предметам',
    unit: '%',
    procedure: 'oge',
    dims: [],
    better: true,
    source: ['001 2.2'],
    method:
      'Среди участников ОГЭ, сдававших русский язык, математику и хотя бы ещё один предмет: доля (%) тех, у кого сумма отметок по русскому языку, математике и лучшему из остальных предметов не меньше 10 и нет ни одной «2».',
    family: F.ogeWhole,
    measure: (rows) => {
      const people = [...byParticipant(rows).values()].filter(
        (l) =>
          l.some((r) => r.subject === 'rus') &&
          l.some((r) => r.subject === 'math') &&
          l.some((r) => r.subject !== 'rus' && r.subject !== 'math'),
      );
      return share(people, (l) => {
        if (l.some((r) => r.mark === 2)) return false;
        const other = Math.max(...l.filter((r) => r.subject !== 'rus' && r.subject !== 'math').map((r) => r.mark));
        return l.find((r) => r.subject === 'rus')!.mark + l.find((r) => r.subject === 'math')!.mark + other >= 10;
      });
    },
  }),
  def<OgeRow>({
    id: 'gia9.ovz_participants',
    name: 'Число участников ГИА-9 с ОВЗ',
    short: 'ГИА-9: участники с ОВЗ',
    unit: 'чел.',
    procedure: 'gia9',
    dims: [],
    better: null,
    source: ['000 §3 7'],
    method:
      'Число участников ОГЭ или ГВЭ-9 с ограниченными возможностями здоровья. На уровне школы число от 1 до порога конфиденциальности не публикуется.',
    family: F.gia9,
    sensitive: true,
    measure: (rows) => participants(rows.filter((r) => r.ovz)),
  }),
  // ГВЭ-9
  def<OgeRow>({
    id: 'gve9.participants',
    name: 'Число участников ГВЭ-9',
    short: 'ГВЭ-9: участники',
    unit: 'чел.',
    procedure: 'gve9',
    dims: ['subject'],
    better: null,
    source: ['004 1.3'],
    method: 'Число участников ГВЭ-9 по предмету.',
    family: F.gve9,
    measure: participants,
  }),
  def<OgeRow>({
    id: 'gve9.mean_mark',
    name: 'Средняя отметка ГВЭ-9',
    short: 'ГВЭ-9: средняя отметка',
    unit: 'отметка',
    procedure: 'gve9',
    dims: ['subject'],
    better: true,
    source: ['004 1.3'],
    method: 'Среднее арифметическое отметок участников ГВЭ-9.',
    family: F.gve9,
    measure: (rows) => mean(rows, (r) => r.mark),
  }),
  def<OgeRow>({
    id: 'gve9.fail_share',
    name: 'Доля участников ГВЭ-9, получивших «2»',
    short: 'ГВЭ-9: «2»',
    unit: '%',
    procedure: 'gve9',
    dims: ['subject'],
    better: false,
    source: ['004 1.3'],
    method: 'Доля (%) участников ГВЭ-9 с отметкой «2».',
    family: F.gve9,
    measure: (rows) => share(rows, (r) => r.mark === 2),
  }),
  // ВПР
  def<VprRow>({
    id: 'vpr.participants',
    name: 'Число участников ВПР',
    short: 'ВПР: участники',
    unit: 'чел.',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: null,
    source: ['000 §3 1.3'],
    method: 'Число участников ВПР по предмету в параллели.',
    family: F.vpr,
    measure: participants,
  }),
  def<VprRow>({
    id: 'vpr.mean_score',
    name: 'Средний первичный балл ВПР',
    short: 'ВПР: средний балл',
    unit: 'балл',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: true,
    source: ['000 §3 1.3'],
    method: 'Среднее арифметическое первичных баллов участников ВПР.',
    family: F.vpr,
    measure: (rows) => mean(rows, (r) => r.primary_score),
  }),
  def<VprRow>({
    id: 'vpr.mean_mark',
    name: 'Средняя отметка ВПР',
    short: 'ВПР: средняя отметка',
    unit: 'отметка',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: true,
    source: ['000 §3 1.3', '001 1.3'],
    method: 'Среднее арифметическое отметок участников ВПР.',
    family: F.vpr,
    measure: (rows) => mean(rows, (r) => r.mark),
  }),
  ...([2, 3, 4, 5] as const).map((m) =>
    def<VprRow>({
      id: `vpr.mark${m}_share`,
      name: `Доля участников ВПР, получивших «${m}»`,
      short: `ВПР: «${m}»`,
      unit: '%',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: m === 2 ? false : m === 3 ? null : true,
      source: ['001 1.3'],
      method: `Доля (%) участников ВПР с отметкой «${m}»${m === 2 ? ' («доля двоек»)' : ''}.`,
      family: F.vpr,
      measure: (rows) => share(rows, (r) => r.mark === m),
    }),
  ),
  def<VprRow>({
    id: 'vpr.high_share',
    name: 'Доля участников ВПР с высокими результатами',
    short: 'ВПР: высокие результаты',
    unit: '%',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: true,
    source: ['001 1.3'],
    method: 'Доля (%) участников ВПР, чей первичный балл больше 75 % максимального первичного балла работы (справочник scales.csv).',
    family: F.vpr,
    measure: (rows, ctx) => {
      const max = ctx.scale('vpr', ctx.dims.subject!, ctx.dims.grade)?.max_score;
      return max === undefined ? null : share(rows, (r) => r.primary_score > 0.75 * max);
    },
  }),
  def<VprRow>({
    id: 'vpr.quality_share',
    name: 'Качество знаний по результатам ВПР',
    short: 'ВПР: качество',
    unit: '%',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: true,
    source: ['001 1.3'],
    method: 'Доля (%) участников ВПР с отметками «4» и «5».',
    family: F.vpr,
    measure: (rows) => share(rows, (r) => r.mark >= 4),
  }),
  def<VprRow>({
    id: 'vpr.success_share',
    name: 'Успеваемость по результатам ВПР',
    short: 'ВПР: успеваемость',
    unit: '%',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: true,
    source: ['001 1.3'],
    method: 'Доля (%) участников ВПР с отметками «3», «4» и «5».',
    family: F.vpr,
    measure: (rows) => share(rows, (r) => r.mark >= 3),
  }),
  def<VprRow>({
    id: 'vpr.sou',
    name: 'Степень обученности по результатам ВПР',
    short: 'ВПР: СОУ',
    unit: '%',
    procedure: 'vpr',
    dims: ['subject', 'grade'],
    better: true,
    source: ['001 1.3'],
    method: SOU_METHOD,
    family: F.vpr,
    measure: (rows) => mean(rows, (r) => SOU[r.mark]),
  }),
  def<VprRow>({
    id: 'vpr.sum3_11_share',
    name: 'Доля участников ВПР в 4 классе, набравших 11 и более баллов по трём предметам',
    short: 'ВПР-4: 11+ по трём предметам',
    unit: '%',
    procedure: 'vpr',
    dims: ['grade'],
    better: true,
    source: ['001 2.3'],
    method:
      'Среди участников ВПР в 4 классе, писавших русский язык, математику и окружающий мир: доля (%) тех, у кого сумма трёх отметок не меньше 11 и нет ни одной «2».',
    family: F.vpr4,
    measure: (rows) => {
      const people = [...byParticipant(rows).values()].filter((l) => ['rus', 'math', 'okr'].every((s) => l.some((r) => r.subject === s)));
      return share(people, (l) => {
        const three = ['rus', 'math', 'okr'].map((s) => l.find((r) => r.subject === s)!.mark);
        return !three.includes(2) && three.reduce((a, b) => a + b, 0) >= 11;
      });
    },
  }),
  // Objectivity
  ...objectivity<VprRow>(
    'vpr',
    F.vpr,
    (r) => ({ exam: r.mark, school: r.journal_mark }),
    undefined,
    ['subject', 'grade'],
    ['001 3.1–3.3', '002 3.2'],
    'отметка по журналу за предыдущую четверть',
  ),
  ...objectivity<OgeRow>(
    'oge',
    F.oge,
    (r) => ({ exam: r.mark, school: r.school_mark }),
    undefined,
    ['subject'],
    ['001 3.1–3.3', '002 3.2'],
    'отметка в аттестате',
  ),
  ...objectivity<EgeRow>(
    'ege',
    F.ege,
    (r, ctx) => ({
      exam: r.subject === 'math_base' ? r.mark : r.test_score === undefined ? undefined : ctx.egeMark(r.subject, r.test_score),
      school: r.school_mark,
    }),
    vtg,
    ['subject'],
    ['001 3.1–3.3', '003'],
    'отметка в аттестате (тестовый балл переводится в отметку по ege-marks.csv)',
  ),
  // Diagnostic works
  def({
    id: 'diag.participants',
    name: 'Число участников диагностической работы',
    short: 'Диагностика: участники',
    unit: 'чел.',
    procedure: 'diag',
    dims: ['subject', 'grade'],
    better: null,
    source: ['001 1.4'],
    method: 'Число участников диагностической работы (код работы — в столбце «предмет»).',
    family: F.diag,
    measure: participants,
  }),
  def({
    id: 'diag.mean_score',
    name: 'Средний балл диагностической работы',
    short: 'Диагностика: средний балл',
    unit: 'балл',
    procedure: 'diag',
    dims: ['subject', 'grade'],
    better: true,
    source: ['001 1.4'],
    method: 'Среднее арифметическое первичных баллов участников работы.',
    family: F.diag,
    measure: (rows) => mean(rows, (r) => r.primary_score),
  }),
  def({
    id: 'diag.below_min_share',
    name: 'Доля участников диагностической работы с результатом ниже базового',
    short: 'Диагностика: ниже базового',
    unit: '%',
    procedure: 'diag',
    dims: ['subject', 'grade'],
    better: false,
    source: ['001 1.4'],
    method: 'Доля (%) участников, чей первичный балл ниже минимального балла работы.',
    family: F.diag,
    measure: (rows) => share(rows, (r) => r.primary_score < r.min_score),
  }),
  def({
    id: 'diag.high_share',
    name: 'Доля участников диагностической работы с высокими результатами',
    short: 'Диагностика: высокие результаты',
    unit: '%',
    procedure: 'diag',
    dims: ['subject', 'grade'],
    better: true,
    source: ['001 1.4'],
    method: 'Доля (%) участников, чей первичный балл больше 75 % максимального балла работы.',
    family: F.diag,
    measure: (rows) => share(rows, (r) => r.primary_score > 0.75 * r.max_score),
  }),
  // Task level
  ...taskIndicators<EgeRow>('ege', F.ege, vtg),
  ...taskIndicators<OgeRow>('oge', F.oge),
  ...taskIndicators<VprRow>('vpr', F.vpr),
  // Olympiad
  ...STAGES.map(([stage, key, gen]) =>
    def<OlympRow>({
      id: `olymp.${key}_participants`,
      name: `Число участников ${gen} этапа ВсОШ`,
      short: `ВсОШ: участники ${gen} этапа`,
      unit: 'чел.',
      procedure: 'olymp',
      dims: ['subject'],
      better: null,
      source: ['000 §3 6', '001 1.3.1'],
      method: `Число разных участников (человек) ${gen} этапа всероссийской олимпиады школьников; с пустым предметом — по всем предметам вместе.`,
      family: F.olymp,
      measure: (rows) => participants(stageRows(rows, stage)),
    }),
  ),
  def<OlympRow>({
    id: 'olymp.regional_share',
    name: 'Доля участников регионального этапа ВсОШ от участников муниципального этапа',
    short: 'ВсОШ: доля прошедших на региональный этап',
    unit: '%',
    procedure: 'olymp',
    dims: ['subject'],
    better: true,
    source: ['000 §3 6.1'],
    method: '100 × (число участников регионального этапа) / (число участников муниципального этапа); участники — разные люди.',
    family: F.olymp,
    measure: (rows) => ({ kind: 'share', num: distinct(stageRows(rows, 'региональный')), den: distinct(stageRows(rows, 'муниципальный')) }),
  }),
  ...(['municipal', 'regional'] as const).flatMap((key) => {
    const stage: OlympStage = key === 'municipal' ? 'муниципальный' : 'региональный';
    const gen = key === 'municipal' ? 'муниципального' : 'регионального';
    return [
      def<OlympRow>({
        id: `olymp.${key}_winners`,
        name: `Число победителей ${gen} этапа ВсОШ`,
        short: `ВсОШ: победители ${gen} этапа`,
        unit: 'дипл.',
        procedure: 'olymp',
        dims: ['subject'],
        better: true,
        source: ['000 §3 6.3'],
        method: `Число дипломов победителя ${gen} этапа (человек × предмет).`,
        family: F.olymp,
        measure: (rows) => count(rows, (r) => r.stage === stage && r.status === 'победитель', distinct(stageRows(rows, stage))),
      }),
      def<OlympRow>({
        id: `olymp.${key}_prizewinners`,
        name: `Число призёров ${gen} этапа ВсОШ`,
        short: `ВсОШ: призёры ${gen} этапа`,
        unit: 'дипл.',
        procedure: 'olymp',
        dims: ['subject'],
        better: true,
        source: ['000 §3 6.2'],
        method: `Число дипломов призёра ${gen} этапа (человек × предмет).`,
        family: F.olymp,
        measure: (rows) => count(rows, (r) => r.stage === stage && r.status === 'призёр', distinct(stageRows(rows, stage))),
      }),
    ];
  }),
  // Graduates
  def({
    id: 'grad9.certificate_share',
    name: 'Доля выпускников 9 класса, получивших аттестат',
    short: '9 класс: аттестаты',
    unit: '%',
    procedure: 'grad',
    dims: [],
    better: true,
    source: ['000 §3 2–3'],
    method: '100 × Σ получивших аттестат / Σ выпускников 9 класса (по строкам, где число аттестатов указано).',
    family: F.grad9,
    measure: (rows) => sumShare(rows, (r) => r.certificates),
  }),
  def({
    id: 'grad11.certificate_share',
    name: 'Доля выпускников 11 класса, получивших аттестат',
    short: '11 класс: аттестаты',
    unit: '%',
    procedure: 'grad',
    dims: [],
    better: true,
    source: ['000 §3 2–3'],
    method: '100 × Σ получивших аттестат / Σ выпускников 11 класса (по строкам, где число аттестатов указано).',
    family: F.grad11,
    measure: (rows) => sumShare(rows, (r) => r.certificates),
  }),
  def({
    id: 'grad9.not_continuing_count',
    name: 'Число выпускников 9 класса, не продолживших обучение',
    short: '9 класс: не продолжили обучение',
    unit: 'чел.',
    procedure: 'grad',
    dims: [],
    better: false,
    source: ['000 §3 4'],
    method: 'Σ выпускников 9 класса, не продолживших обучение.',
    family: F.grad9,
    measure: (rows) => sumCount(rows, (r) => r.not_continuing),
  }),
  def({
    id: 'grad9.repeat_count',
    name: 'Число обучающихся 9 класса, оставленных на повторное обучение',
    short: '9 класс: повторное обучение',
    unit: 'чел.',
    procedure: 'grad',
    dims: [],
    better: false,
    source: ['004 1.1'],
    method: 'Σ обучающихся 9 класса, оставленных на повторное обучение.',
    family: F.grad9,
    measure: (rows) => sumCount(rows, (r) => r.repeat),
  }),
  def({
    id: 'grad11.honours_count',
    name: 'Число выпускников 11 класса, получивших аттестат с отличием',
    short: '11 класс: аттестат с отличием',
    unit: 'чел.',
    procedure: 'grad',
    dims: [],
    better: true,
    source: ['000 §3 2'],
    method: 'Σ выпускников 11 класса с аттестатом с отличием (медалью «За особые успехи в учении»).',
    family: F.grad11,
    measure: (rows) => sumCount(rows, (r) => r.honours),
  }),
  // Essay and interview
  ...(
    [
      ['essay', 'итоговое сочинение (изложение)', 'итогового сочинения', '004 1.5', F.essay],
      ['interview', 'итоговое собеседование по русскому языку', 'итогового собеседования', '004 1.6', F.interview],
    ] as const
  ).flatMap(([p, what, gen, src, family]) => [
    def<PassRow>({
      id: `${p}.participants`,
      name: `Число участников ${gen}`,
      short: `${p === 'essay' ? 'Сочинение' : 'Собеседование'}: участники`,
      unit: 'чел.',
      procedure: p,
      dims: [],
      better: null,
      source: [src],
      method: `Число разных участников, писавших ${what} (все попытки).`,
      family,
      measure: participants,
    }),
    def<PassRow>({
      id: `${p}.pass_share`,
      name: `Доля участников ${gen}, получивших «зачёт»`,
      short: `${p === 'essay' ? 'Сочинение' : 'Собеседование'}: зачёт`,
      unit: '%',
      procedure: p,
      dims: [],
      better: true,
      source: [src],
      method: 'Доля (%) участников, чей лучший результат по всем попыткам — «зачёт».',
      family,
      measure: (rows) => share([...byParticipant(rows).values()], (l) => l.some((r) => r.result === 'зачёт')),
    }),
    def<PassRow>({
      id: `${p}.first_pass_share`,
      name: `Доля участников ${gen}, получивших «зачёт» с первой попытки`,
      short: `${p === 'essay' ? 'Сочинение' : 'Собеседование'}: зачёт с первой попытки`,
      unit: '%',
      procedure: p,
      dims: [],
      better: true,
      source: [src],
      method: 'Доля (%) участников, получивших «зачёт» в первой попытке; знаменатель — все участники.',
      family,
      measure: (rows) => share([...byParticipant(rows).values()], (l) => l.some((r) => r.attempt === 1 && r.result === 'зачёт')),
    }),
  ]),
  // Internal monitoring
  def({
    id: 'mon.success_share',
    name: 'Успеваемость по итогам внутришкольного мониторинга',
    short: 'Мониторинг: успеваемость',
    unit: '%',
    procedure: 'mon',
    dims: ['period', 'grade'],
    better: true,
    source: ['000 §3 9.3–9.4'],
    method: '100 × Σ успевающих (без «2») / Σ аттестованных, за период и по параллели; с пустым классом — по 2–11 классам вместе.',
    family: F.mon,
    measure: (rows) => sumShare(rows, (r) => r.no_fail),
  }),
  def({
    id: 'mon.quality_share',
    name: 'Качество знаний по итогам внутришкольного мониторинга',
    short: 'Мониторинг: качество',
    unit: '%',
    procedure: 'mon',
    dims: ['period', 'grade'],
    better: true,
    source: ['000 §3 9.3–9.4'],
    method: '100 × Σ обучающихся на «4» и «5» / Σ аттестованных, за период и по параллели; с пустым классом — по 2–11 классам вместе.',
    family: F.mon,
    measure: (rows) => sumShare(rows, (r) => r.good),
  }),
  def({
    id: 'mon.failing_share',
    name: 'Доля неуспевающих обучающихся 4–11 классов',
    short: 'Мониторинг: неуспевающие 4–11',
    unit: '%',
    procedure: 'mon',
    dims: ['period'],
    better: false,
    source: ['000 §3 9.5'],
    method: '100 × (Σ аттестованных − Σ успевающих) / Σ аттестованных, по 4–11 классам вместе, за период.',
    family: F.monPeriod,
    population: (r) => r.grade >= 4,
    measure: (rows) => sumShare(rows, (r) => r.students - r.no_fail),
  }),
];

export const INDICATOR_BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));

/** The unit of an indicator's value for a subject. */
export const unitOf = (d: IndicatorDef, subject = ''): IndicatorDef['unit'] => d.unitOf?.(subject) ?? d.unit;
export const INDICATOR_IDS: ReadonlySet<string> = new Set(INDICATOR_BY_ID.keys());
