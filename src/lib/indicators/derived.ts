/**
 * Values computed from other values, not from rows of a results file: the
 * school index and the results against the school's conditions (spec §12),
 * and pupils' progress (§13). They are rows of the open data like any
 * indicator, with passports of their own here.
 */
import { PROCEDURE_NAMES } from './sections.ts';
import type { ProgressPair } from '../data/tables.ts';
import { aboutSubject } from '../words/subjects.ts';
import type { IndicatorId } from './registry.ts';
import type { Unit } from './types.ts';

export type DerivedId = 'context.index' | 'gia.index' | 'gia.expected' | 'gia.residual' | `progress.${string}` | `mech.${string}`;
/** Any id a row of the open data can have. */
export type ValueId = IndicatorId | DerivedId;

export interface DerivedDef {
  id: DerivedId;
  name: string;
  short: string;
  unit: Unit | 'индекс';
  /** Russian text of the method, for the passport. */
  method: string;
  /** What the interval in open data is. */
  interval: string;
}

export const CONTEXT_DERIVED: DerivedDef[] = [
  {
    id: 'context.index',
    name: 'Индекс условий работы школы',
    short: 'Индекс условий',
    unit: 'индекс',
    method:
      'Доли обучающихся по социальному паспорту школы (context.csv): родители с высшим образованием (со знаком «+»), из малоимущих, неполных и многодетных семей, с неродным русским языком, с ОВЗ, на профилактическом учёте (со знаком «−»). Каждая доля стандартизуется по школам года (среднее 0, выборочное стандартное отклонение 1), индекс — среднее стандартизованных долей, пересчитанное к среднему 100 и стандартному отклонению 15. Больше — благоприятнее условия. Доля, заполненная не для всех школ или одинаковая у всех, в индекс года не входит.',
    interval: 'нет',
  },
  {
    id: 'gia.index',
    name: 'Индекс результатов ГИА школы',
    short: 'Индекс результатов ГИА',
    unit: 'индекс',
    method:
      'Составляющие: средний тестовый балл ЕГЭ (кроме базовой математики), 100 − доля результатов ЕГЭ ниже минимума, успеваемость и качество знаний по ОГЭ — каждая по опубликованным предметам школы, с весами по числу участников. Каждая стандартизуется по школам года, индекс = 100 + 15 × среднее стандартизованных составляющих школы: 100 — типичная школа. Стандартная ошибка — складной нож (jackknife) с исключением по одному участнику.',
    interval: '± 1,96 стандартной ошибки',
  },
  {
    id: 'gia.expected',
    name: 'Ожидаемый с учётом условий индекс результатов ГИА',
    short: 'Ожидаемый индекс',
    unit: 'индекс',
    method:
      'Прямая наименьших квадратов индекса результатов ГИА по индексу условий, построенная по остальным школам года (без этой школы), в точке индекса условий школы. Нужно не меньше 6 остальных школ.',
    interval: '± 1,96 стандартной ошибки прямой в этой точке',
  },
  {
    id: 'gia.residual',
    name: 'Отклонение результатов ГИА от ожидаемых с учётом условий',
    short: 'Отклонение от ожидаемого',
    unit: 'индекс',
    method:
      'Индекс результатов ГИА минус ожидаемый с учётом условий. Отклонение считается настоящим («выше» или «ниже ожидаемого»), если |отклонение| / √(se² + se_fit²) > 1,96.',
    interval: '± 1,96 · √(se² + se_fit²)',
  },
];

const CONTEXT_IDS = new Set<string>(CONTEXT_DERIVED.map((d) => d.id));
/**
 * Whether a value is not an indicator of the registry computed from participants' results: derived from
 * other values, or a mechanism's count (§15). Neither makes a year of a school's results.
 */
export const isDerived = (id: string) => CONTEXT_IDS.has(id) || id.startsWith('progress.') || id.startsWith('mech.');

/** «ОГЭ по русскому языку → ЕГЭ по русскому языку»: what a pair of procedures links, for titles and passports. */
export function pairTitle(p: ProgressPair, subject: (code: string) => string): string {
  const part = (proc: ProgressPair['from_procedure'], code: string, grade?: number) =>
    `${PROCEDURE_NAMES[proc]}${proc === 'vpr' && grade ? ` (${grade} класс)` : ''} ${aboutSubject(subject(code))}`;
  return `${part(p.from_procedure, p.from_subject, p.from_grade)} → ${part(p.to_procedure, p.to_subject)}`;
}

/** The passports of pupils' progress (spec §13): two rows per pair of procedures. */
export function progressDerived(pairs: readonly ProgressPair[], subject: (code: string) => string): DerivedDef[] {
  return pairs.flatMap((p) => {
    const what = pairTitle(p, subject);
    const score = (proc: string) => (proc === 'ege' ? 'тестовый балл' : 'первичный балл');
    return [
      {
        id: `progress.${p.id}` as const,
        name: `Прогресс учащихся: ${what}`,
        short: 'Прогресс учащихся',
        unit: 'балл' as const,
        method: `Результаты одного обучающегося связываются по обезличенному коду (student_id): ${score(p.from_procedure)} начальной процедуры и через ${p.lag === 1 ? 'год' : `${p.lag} года`} ${score(p.to_procedure)} итоговой (формы ЕГЭ или ОГЭ, не ГВЭ; ЕГЭ — выпускники текущего года). По всем связанным учащимся муниципалитета строится прямая наименьших квадратов «итоговый балл по начальному» (нужно не меньше 30 учащихся); прогресс школы — среднее отклонение её учащихся от этой прямой, в баллах итоговой процедуры. 0 — как у учащихся муниципалитета с такими же стартовыми результатами. Школа — та, где сдана итоговая процедура.`,
        interval: 't-интервал 95 % среднего отклонения учащихся школы',
      },
      {
        id: `progress.${p.id}.linked_share` as const,
        name: `Доля учащихся, чьи результаты удалось связать: ${what}`,
        short: 'Связано результатов',
        unit: '%' as const,
        method: `Участники итоговой процедуры с баллом, для которых нашёлся результат начальной процедуры по тому же коду обучающегося, в процентах от всех участников итоговой процедуры с баллом. Публикуется для лет, в которые построена прямая прогресса.`,
        interval: 'интервал Уилсона 95 %',
      },
    ];
  });
}
