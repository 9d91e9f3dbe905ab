/** ГИА-9: ОГЭ and ГВЭ-9; their objectivity and tasks; the site section. */
import { byParticipant, mean, participants, share } from '../measures.ts';
import { def, giaFamilies, SOU, SOU_METHOD } from './common.ts';
import { objectivity } from './objectivity.ts';
import { taskIndicators } from './tasks.ts';

/** ОГЭ rows per subject and in total, ГВЭ-9, all rows. */
const {
  exam: oge,
  examWhole: ogeWhole,
  gve: gve9,
  gia: gia9,
} = giaFamilies('oge.csv', (y) => y.oge, 'ОГЭ', { exam: 'oge', gve: 'gve9', gia: 'gia9' });

export const OGE = {
  section: {
    slug: 'oge',
    title: 'ГИА-9: ОГЭ и ГВЭ-9',
    short: 'ОГЭ',
    results: 'Результаты ОГЭ и ГВЭ-9',
    procedures: ['oge', 'gve9', 'gia9'],
    main: ['oge.mean_mark', 'oge.fail_share', 'oge.quality_share'],
    by: 'subject',
    objectivity: 'oge',
    intro:
      'Государственная итоговая аттестация выпускников 9 классов в форме основного государственного экзамена (ОГЭ) и государственного выпускного экзамена (ГВЭ-9). Результаты ГВЭ считаются отдельно.',
  } as const,
  indicators: [
    // ОГЭ
    def({
      id: 'oge.participants',
      name: 'Число участников ОГЭ',
      short: 'ОГЭ: участники',
      unit: 'чел.',
      procedure: 'oge',
      dims: ['subject'],
      better: null,
      source: ['000 §3 1.1'],
      method: 'Число участников ОГЭ по предмету.',
      family: oge,
      measure: participants,
    }),
    def({
      id: 'oge.mean_mark',
      name: 'Средняя отметка ОГЭ',
      short: 'ОГЭ: средняя отметка',
      unit: 'отметка',
      procedure: 'oge',
      dims: ['subject'],
      better: true,
      source: ['000 §3 1.1', '001 1.2', '004 1.1–1.3'],
      method: 'Среднее арифметическое отметок участников ОГЭ.',
      family: oge,
      measure: (rows) => mean(rows, (r) => r.mark),
    }),
    def({
      id: 'oge.mean_score',
      name: 'Средний первичный балл ОГЭ',
      short: 'ОГЭ: средний балл',
      unit: 'балл',
      procedure: 'oge',
      dims: ['subject'],
      better: true,
      source: ['000 §3 1.1'],
      method: 'Среднее арифметическое первичных баллов участников ОГЭ.',
      family: oge,
      measure: (rows) => mean(rows, (r) => r.primary_score),
    }),
    def({
      id: 'oge.fail_share',
      name: 'Доля участников ОГЭ, получивших «2»',
      short: 'ОГЭ: «2»',
      unit: '%',
      procedure: 'oge',
      dims: ['subject'],
      better: false,
      source: ['001 1.2'],
      method: 'Доля (%) участников ОГЭ с отметкой «2» (ниже минимального порога).',
      family: oge,
      measure: (rows) => share(rows, (r) => r.mark === 2),
    }),
    def({
      id: 'oge.high_share',
      name: 'Доля участников ОГЭ с высокими результатами',
      short: 'ОГЭ: высокие результаты',
      unit: '%',
      procedure: 'oge',
      dims: ['subject'],
      better: true,
      source: ['001 1.2'],
      method:
        'Доля (%) участников ОГЭ, чей первичный балл больше 75\u00a0% максимального первичного балла года по предмету (справочник scales.csv).',
      family: oge,
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
    def({
      id: 'oge.quality_share',
      name: 'Качество знаний по результатам ОГЭ',
      short: 'ОГЭ: качество',
      unit: '%',
      procedure: 'oge',
      dims: ['subject'],
      better: true,
      source: ['001 1.2'],
      method: 'Доля (%) участников ОГЭ с отметками «4» и «5».',
      family: oge,
      measure: (rows) => share(rows, (r) => r.mark >= 4),
    }),
    def({
      id: 'oge.success_share',
      name: 'Успеваемость по результатам ОГЭ',
      short: 'ОГЭ: успеваемость',
      unit: '%',
      procedure: 'oge',
      dims: ['subject'],
      better: true,
      source: ['001 1.2'],
      method: 'Доля (%) участников ОГЭ с отметками «3», «4» и «5».',
      family: oge,
      measure: (rows) => share(rows, (r) => r.mark >= 3),
    }),
    def({
      id: 'oge.sou',
      name: 'Степень обученности по результатам ОГЭ',
      short: 'ОГЭ: СОУ',
      unit: '%',
      procedure: 'oge',
      dims: ['subject'],
      better: true,
      source: ['001 1.2'],
      method: SOU_METHOD,
      family: oge,
      measure: (rows) => mean(rows, (r) => SOU[r.mark]),
    }),
    def({
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
      family: ogeWhole,
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
    def({
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
      family: gia9,
      sensitive: true,
      measure: (rows) => participants(rows.filter((r) => r.ovz)),
    }),
    // ГВЭ-9
    def({
      id: 'gve9.participants',
      name: 'Число участников ГВЭ-9',
      short: 'ГВЭ-9: участники',
      unit: 'чел.',
      procedure: 'gve9',
      dims: ['subject'],
      better: null,
      source: ['004 1.3'],
      method: 'Число участников ГВЭ-9 по предмету.',
      family: gve9,
      measure: participants,
    }),
    def({
      id: 'gve9.mean_mark',
      name: 'Средняя отметка ГВЭ-9',
      short: 'ГВЭ-9: средняя отметка',
      unit: 'отметка',
      procedure: 'gve9',
      dims: ['subject'],
      better: true,
      source: ['004 1.3'],
      method: 'Среднее арифметическое отметок участников ГВЭ-9.',
      family: gve9,
      measure: (rows) => mean(rows, (r) => r.mark),
    }),
    def({
      id: 'gve9.fail_share',
      name: 'Доля участников ГВЭ-9, получивших «2»',
      short: 'ГВЭ-9: «2»',
      unit: '%',
      procedure: 'gve9',
      dims: ['subject'],
      better: false,
      source: ['004 1.3'],
      method: 'Доля (%) участников ГВЭ-9 с отметкой «2».',
      family: gve9,
      measure: (rows) => share(rows, (r) => r.mark === 2),
    }),
  ],
  objectivity: objectivity(
    'oge',
    oge,
    (r) => ({ exam: r.mark, school: r.school_mark }),
    undefined,
    ['subject'],
    ['001 3.1–3.3', '002 3.2'],
    'отметка в аттестате',
  ),
  tasks: taskIndicators('oge', oge),
};
