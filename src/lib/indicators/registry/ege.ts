/** ГИА-11: ЕГЭ per subject and in total, ГВЭ-11; their objectivity and tasks; the site section. */
import { byParticipant, count, mean, participants, share } from '../measures.ts';
import { def, giaFamilies, hasScore, isBase, notBase, vtg } from './common.ts';
import { objectivity } from './objectivity.ts';
import { taskIndicators } from './tasks.ts';

/** ЕГЭ rows per subject and in total, ГВЭ-11, all rows. Population (ВТГ) is set per indicator. */
const {
  exam: ege,
  examWhole: egeWhole,
  gve: gve11,
  gia: gia11,
} = giaFamilies('ege.csv', (y) => y.ege, 'ЕГЭ', { exam: 'ege', gve: 'gve11', gia: 'gia11' });

export const EGE = {
  section: {
    slug: 'ege',
    title: 'ГИА-11: ЕГЭ и ГВЭ-11',
    short: 'ЕГЭ',
    results: 'Результаты ЕГЭ и ГВЭ-11',
    procedures: ['ege', 'gve11', 'gia11'],
    main: ['ege.mean', 'ege.below_min_share', 'ege.high_share'],
    by: 'subject',
    objectivity: 'ege',
    intro:
      'Государственная итоговая аттестация выпускников 11 классов в форме единого государственного экзамена (ЕГЭ) и государственного выпускного экзамена (ГВЭ-11). Показатели считаются только по выпускникам текущего года; выпускники прошлых лет и студенты СПО учитываются отдельно и в показатели не входят.',
  } as const,
  indicators: [
    // ЕГЭ, per subject
    def({
      id: 'ege.participants',
      name: 'Число участников ЕГЭ',
      short: 'ЕГЭ: участники',
      unit: 'чел.',
      procedure: 'ege',
      dims: ['subject'],
      better: null,
      source: ['000 §3 1.2'],
      method: 'Число выпускников текущего года (категория ВТГ), сдававших ЕГЭ по предмету.',
      family: ege,
      population: vtg,
      measure: participants,
    }),
    def({
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
      family: ege,
      population: vtg,
      measure: (rows, ctx) => (isBase(ctx) ? mean(rows, (r) => r.mark) : mean(rows, (r) => r.test_score)),
    }),
    def({
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
      family: ege,
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
    def({
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
      family: ege,
      population: vtg,
      measure: notBase((rows) => share(rows, (r) => r.test_score! >= 81, hasScore)),
    }),
    def({
      id: 'ege.top_count',
      name: 'Число участников ЕГЭ, набравших 96–100 баллов',
      short: 'ЕГЭ: 96–100 баллов',
      unit: 'чел.',
      procedure: 'ege',
      dims: ['subject'],
      better: true,
      source: ['000 §3 5.2'],
      method: 'Число выпускников текущего года с тестовым баллом от 96 до 100. Не считается для математики базового уровня.',
      family: ege,
      population: vtg,
      measure: notBase((rows) => count(rows.filter(hasScore), (r) => r.test_score! >= 96)),
    }),
    def({
      id: 'ege.hundred_count',
      name: 'Число стобалльников ЕГЭ',
      short: 'ЕГЭ: 100 баллов',
      unit: 'чел.',
      procedure: 'ege',
      dims: ['subject'],
      better: true,
      source: ['000 §3 5.2'],
      method: 'Число выпускников текущего года с тестовым баллом 100. Не считается для математики базового уровня.',
      family: ege,
      population: vtg,
      measure: notBase((rows) => count(rows.filter(hasScore), (r) => r.test_score === 100)),
    }),
    // ЕГЭ, subject-less
    def({
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
      family: egeWhole,
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
    def({
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
      family: egeWhole,
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
    def({
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
      family: gia11,
      population: vtg,
      sensitive: true,
      measure: (rows) => participants(rows.filter((r) => r.ovz)),
    }),
    // ГВЭ-11
    def({
      id: 'gve11.participants',
      name: 'Число участников ГВЭ-11',
      short: 'ГВЭ-11: участники',
      unit: 'чел.',
      procedure: 'gve11',
      dims: ['subject'],
      better: null,
      source: ['004 1.10'],
      method: 'Число выпускников текущего года, сдававших ГВЭ-11 по предмету.',
      family: gve11,
      population: vtg,
      measure: participants,
    }),
    def({
      id: 'gve11.mean_mark',
      name: 'Средняя отметка ГВЭ-11',
      short: 'ГВЭ-11: средняя отметка',
      unit: 'отметка',
      procedure: 'gve11',
      dims: ['subject'],
      better: true,
      source: ['004 1.10'],
      method: 'Среднее арифметическое отметок участников ГВЭ-11.',
      family: gve11,
      population: vtg,
      measure: (rows) => mean(rows, (r) => r.mark),
    }),
    def({
      id: 'gve11.fail_share',
      name: 'Доля участников ГВЭ-11, получивших «2»',
      short: 'ГВЭ-11: «2»',
      unit: '%',
      procedure: 'gve11',
      dims: ['subject'],
      better: false,
      source: ['004 1.10'],
      method: 'Доля (%) участников ГВЭ-11 с отметкой «2».',
      family: gve11,
      population: vtg,
      measure: (rows) =>
        share(
          rows,
          (r) => r.mark === 2,
          (r) => r.mark !== undefined,
        ),
    }),
  ],
  objectivity: objectivity(
    'ege',
    ege,
    (r, ctx) => ({
      exam: r.subject === 'math_base' ? r.mark : r.test_score === undefined ? undefined : ctx.egeMark(r.subject, r.test_score),
      school: r.school_mark,
    }),
    vtg,
    ['subject'],
    ['001 3.1–3.3', '003'],
    'отметка в аттестате (тестовый балл переводится в отметку по ege-marks.csv)',
  ),
  tasks: taskIndicators('ege', ege, vtg),
};
