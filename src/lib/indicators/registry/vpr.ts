/** ВПР; objectivity and tasks; the site section. */
import type { VprRow } from '../../data/tables.ts';
import { byParticipant, mean, participants, share } from '../measures.ts';
import { def, school, SOU, SOU_METHOD } from './common.ts';
import type { Family } from '../types.ts';
import { objectivity } from './objectivity.ts';
import { taskIndicators } from './tasks.ts';

const vpr: Family<VprRow> = {
  id: 'vpr',
  file: 'vpr.csv',
  rows: (y) => y.vpr,
  groups: (r) => [{ subject: r.subject, grade: r.grade }],
  school,
};

const vpr4: Family<VprRow> = {
  id: 'vpr4',
  file: 'vpr.csv',
  rows: (y) => y.vpr?.filter((r) => r.grade === 4),
  groups: () => [{ grade: 4 }],
  school,
};

export const VPR = {
  section: {
    slug: 'vpr',
    title: 'Всероссийские проверочные работы (ВПР)',
    short: 'ВПР',
    results: 'Результаты ВПР',
    procedures: ['vpr'],
    main: ['vpr.mean_mark', 'vpr.mark2_share', 'vpr.quality_share'],
    by: 'subject-grade',
    objectivity: 'vpr',
    intro:
      'Всероссийские проверочные работы по предметам в параллелях. Результаты ВПР не предназначены для составления рейтингов школ и оценки работы учителей (рекомендации Рособрнадзора); они нужны школам и ИМЦ, чтобы увидеть пробелы в знаниях и объективность оценивания.',
  } as const,
  indicators: [
    // ВПР
    def({
      id: 'vpr.participants',
      name: 'Число участников ВПР',
      short: 'ВПР: участники',
      unit: 'чел.',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: null,
      source: ['000 §3 1.3'],
      method: 'Число участников ВПР по предмету в параллели.',
      family: vpr,
      measure: participants,
    }),
    def({
      id: 'vpr.mean_score',
      name: 'Средний первичный балл ВПР',
      short: 'ВПР: средний балл',
      unit: 'балл',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: true,
      source: ['000 §3 1.3'],
      method: 'Среднее арифметическое первичных баллов участников ВПР.',
      family: vpr,
      measure: (rows) => mean(rows, (r) => r.primary_score),
    }),
    def({
      id: 'vpr.mean_mark',
      name: 'Средняя отметка ВПР',
      short: 'ВПР: средняя отметка',
      unit: 'отметка',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: true,
      source: ['000 §3 1.3', '001 1.3'],
      method: 'Среднее арифметическое отметок участников ВПР.',
      family: vpr,
      measure: (rows) => mean(rows, (r) => r.mark),
    }),
    ...([2, 3, 4, 5] as const).map((m) =>
      def({
        id: `vpr.mark${m}_share`,
        name: `Доля участников ВПР, получивших «${m}»`,
        short: `ВПР: «${m}»`,
        unit: '%',
        procedure: 'vpr',
        dims: ['subject', 'grade'],
        better: m === 2 ? false : m === 3 ? null : true,
        source: ['001 1.3'],
        method: `Доля (%) участников ВПР с отметкой «${m}»${m === 2 ? ' («доля двоек»)' : ''}.`,
        family: vpr,
        measure: (rows) => share(rows, (r) => r.mark === m),
      }),
    ),
    def({
      id: 'vpr.high_share',
      name: 'Доля участников ВПР с высокими результатами',
      short: 'ВПР: высокие результаты',
      unit: '%',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: true,
      source: ['001 1.3'],
      method: 'Доля (%) участников ВПР, чей первичный балл больше 75\u00a0% максимального первичного балла работы (справочник scales.csv).',
      family: vpr,
      measure: (rows, ctx) => {
        const max = ctx.scale('vpr', ctx.dims.subject!, ctx.dims.grade)?.max_score;
        return max === undefined ? null : share(rows, (r) => r.primary_score > 0.75 * max);
      },
    }),
    def({
      id: 'vpr.quality_share',
      name: 'Качество знаний по результатам ВПР',
      short: 'ВПР: качество',
      unit: '%',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: true,
      source: ['001 1.3'],
      method: 'Доля (%) участников ВПР с отметками «4» и «5».',
      family: vpr,
      measure: (rows) => share(rows, (r) => r.mark >= 4),
    }),
    def({
      id: 'vpr.success_share',
      name: 'Успеваемость по результатам ВПР',
      short: 'ВПР: успеваемость',
      unit: '%',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: true,
      source: ['001 1.3'],
      method: 'Доля (%) участников ВПР с отметками «3», «4» и «5».',
      family: vpr,
      measure: (rows) => share(rows, (r) => r.mark >= 3),
    }),
    def({
      id: 'vpr.sou',
      name: 'Степень обученности по результатам ВПР',
      short: 'ВПР: СОУ',
      unit: '%',
      procedure: 'vpr',
      dims: ['subject', 'grade'],
      better: true,
      source: ['001 1.3'],
      method: SOU_METHOD,
      family: vpr,
      measure: (rows) => mean(rows, (r) => SOU[r.mark]),
    }),
    def({
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
      family: vpr4,
      measure: (rows) => {
        const people = [...byParticipant(rows).values()].filter((l) => ['rus', 'math', 'okr'].every((s) => l.some((r) => r.subject === s)));
        return share(people, (l) => {
          const three = ['rus', 'math', 'okr'].map((s) => l.find((r) => r.subject === s)!.mark);
          return !three.includes(2) && three.reduce((a, b) => a + b, 0) >= 11;
        });
      },
    }),
  ],
  objectivity: objectivity(
    'vpr',
    vpr,
    (r) => ({ exam: r.mark, school: r.journal_mark }),
    undefined,
    ['subject', 'grade'],
    ['001 3.1–3.3', '002 3.2'],
    'отметка по журналу за предыдущую четверть',
  ),
  tasks: taskIndicators('vpr', vpr),
};
