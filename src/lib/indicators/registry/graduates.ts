/** Graduates of grades 9 and 11; the site section. */
import type { GraduatesRow } from '../../data/tables.ts';
import { sumCount, sumShare } from '../measures.ts';
import type { Family } from '../types.ts';
import { whole, def, school } from './common.ts';

const grad9: Family<GraduatesRow> = {
  id: 'grad9',
  file: 'graduates.csv',
  rows: (y) => y.graduates?.filter((r) => r.grade === 9),
  groups: whole,
  school,
};

const grad11: Family<GraduatesRow> = {
  id: 'grad11',
  file: 'graduates.csv',
  rows: (y) => y.graduates?.filter((r) => r.grade === 11),
  groups: whole,
  school,
};

export const GRADUATES = {
  section: {
    slug: 'graduates',
    title: 'Выпускники: аттестаты и продолжение обучения',
    short: 'Выпускники',
    results: 'Данные о выпускниках',
    procedures: ['grad'],
    main: ['grad9.certificate_share', 'grad11.certificate_share'],
    by: 'none',
    intro: 'Сколько выпускников 9 и 11 классов получили аттестат, продолжили обучение, оставлены на повторное обучение.',
  } as const,
  indicators: [
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
      family: grad9,
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
      family: grad11,
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
      family: grad9,
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
      family: grad9,
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
      family: grad11,
      measure: (rows) => sumCount(rows, (r) => r.honours),
    }),
  ],
};
