/**
 * The schools' social passport (data format §5.5): a row per school and year,
 * counts of pupils in each condition. Only an index made of them is published
 * (indicators spec §12); the counts themselves stay in the data.
 */
import { int } from '../cells.ts';
import { c, req, schoolId } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

/** The conditions counted, their Russian names, and which way they lean: `+` a resource, `−` a disadvantage. */
export const CONTEXT_VARIABLES = [
  { key: 'higher_ed_parents', name: 'хотя бы один родитель с высшим образованием', alias: 'Хотя бы один родитель с высшим образованием', sign: 1 },
  { key: 'low_income', name: 'из малоимущих семей', alias: 'Из малоимущих семей', sign: -1 },
  { key: 'single_parent', name: 'из неполных семей', alias: 'Из неполных семей', sign: -1 },
  { key: 'large_family', name: 'из многодетных семей', alias: 'Из многодетных семей', sign: -1 },
  { key: 'non_native', name: 'русский язык не родной', alias: 'Русский язык не родной', sign: -1 },
  { key: 'ovz', name: 'с ограниченными возможностями здоровья', alias: 'С ОВЗ', sign: -1 },
  { key: 'registered', name: 'на профилактическом учёте', alias: 'На профилактическом учёте', sign: -1 },
] as const;

export type ContextVariable = (typeof CONTEXT_VARIABLES)[number]['key'];

const count = (alias: string) => c(int(0), [alias]);

export const contextFile = resultsFile({
  name: 'context',
  title: 'Условия работы школ (социальный паспорт)',
  what: 'По строке на школу: число обучающихся и сколько из них в каждой группе (по социальному паспорту школы на конец учебного года). На сайте публикуется только индекс условий, а не эти числа.',
  spec: () => ({
    results: true,
    columns: {
      school_id: schoolId(),
      students: req(int(1), ['Обучающихся', 'Обучающиеся', 'Всего обучающихся']),
      higher_ed_parents: count(CONTEXT_VARIABLES[0].alias),
      low_income: count(CONTEXT_VARIABLES[1].alias),
      single_parent: count(CONTEXT_VARIABLES[2].alias),
      large_family: count(CONTEXT_VARIABLES[3].alias),
      non_native: count(CONTEXT_VARIABLES[4].alias),
      ovz: count(CONTEXT_VARIABLES[5].alias),
      registered: count(CONTEXT_VARIABLES[6].alias),
    },
  }),
  unique: { columns: ['school_id'], what: 'эта школа' },
  example: [{ school_id: '101', students: 820, higher_ed_parents: 510, low_income: 40, single_parent: 150, large_family: 90, non_native: 12, ovz: 18, registered: 4 }],
});

export type ContextRow = RowsOf<typeof contextFile>;
