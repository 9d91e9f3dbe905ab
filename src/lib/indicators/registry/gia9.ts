/** ГИА-9: ОГЭ and ГВЭ-9. */
import type { OgeRow } from '../../data/tables.ts';
import * as F from '../families.ts';
import { byParticipant, mean, participants, share } from '../measures.ts';
import type { IndicatorDef } from '../types.ts';
import { def, SOU, SOU_METHOD } from './common.ts';

export const INDICATORS_GIA9: IndicatorDef[] = [
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
];
