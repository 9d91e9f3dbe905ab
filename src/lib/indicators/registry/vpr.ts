/** ВПР. */
import type { VprRow } from '../../data/tables.ts';
import * as F from '../families.ts';
import { byParticipant, mean, participants, share } from '../measures.ts';
import type { IndicatorDef } from '../types.ts';
import { def, SOU, SOU_METHOD } from './common.ts';

export const INDICATORS_VPR: IndicatorDef[] = [
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
];
