/**
 * Indicators of the management mechanisms (data format §5.6): a row per
 * indicator of the book (reference/mechanism-indicators.csv) and year, for the
 * municipality or one organisation. Administrative counts of whole
 * populations, read as given; the rows are checked against the book in
 * data/mechanism-checks.ts, where the unit of each indicator is known.
 */
import { code, ident, int, text } from '../cells.ts';
import { c, req } from '../columns.ts';
import { resultsFile, type RowsOf } from './file.ts';

export const mechanismsFile = resultsFile({
  name: 'mechanisms',
  title: 'Показатели механизмов управления (воспитание, дошкольное образование и другие)',
  what: 'По строке на показатель из справочника mechanism-indicators.csv: для муниципалитета (код ОО пуст) или для одной организации. Для процента — числитель и знаменатель, для количества — значение, для наличия — «да» или «нет».',
  spec: () => ({
    results: true,
    columns: {
      indicator: req(ident(), ['Показатель', 'Код показателя']),
      school_id: c(code(), ['Код ОО', 'Код организации', 'Код школы']),
      numerator: c(int(0), ['Числитель']),
      denominator: c(int(0), ['Знаменатель']),
      value: c(ident(), ['Значение']),
      comment: c(text(), ['Примечание', 'Комментарий']),
    },
  }),
  // Repeats are found by the indicator the row resolves to (its id or its code), in mechanism-checks.ts.
  unique: undefined,
  example: [
    { indicator: 'parents_family_clubs', numerator: 312, denominator: 1240 },
    { indicator: '1.1', value: 'да', comment: 'Межведомственная программа «Воспитание» на 2024–2026 годы' },
    { indicator: 'doo_teachers_category', school_id: '301', numerator: 9, denominator: 14 },
    { indicator: 'parent_consultation_centres', value: 4 },
  ],
});

export type MechanismRow = RowsOf<typeof mechanismsFile>;
