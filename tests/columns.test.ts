/** Word tables laid out from their content (documents/columns.ts): no header word broken, intervals whole, short tables never landscape. */
import { describe, expect, it } from 'vitest';
import { holdIntervals, LANDSCAPE_TWIPS, layoutTable, PORTRAIT_TWIPS } from '../src/lib/publish/documents/columns.ts';

const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);

describe('a Word table from its content', () => {
  it('holds an interval on one line: a non-breaking space before the bracket, a non-breaking hyphen inside', () => {
    expect(holdIntervals('59,1 (55,1–63,1)')).toBe('59,1\u00a0(55,1\u201163,1)');
    expect(holdIntervals('−1,2 (−3,4–0,5) и 2 (1–3)')).toBe('−1,2\u00a0(−3,4\u20110,5) и 2\u00a0(1\u20113)');
    expect(holdIntervals('ЕГЭ (2021–2025)')).toBe('ЕГЭ\u00a0(2021\u20112025)');
  });

  it('fits a narrow table on a portrait page, widest columns where the text is longest', () => {
    const l = layoutTable([
      ['Школа', 'Средний балл', 'Участников'],
      ['Средняя общеобразовательная школа № 3', '59,1\u00a0(55,1\u201163,1)', '45'],
    ]);
    expect(l.landscape).toBe(false);
    expect(l.size).toBe(24);
    expect(sum(l.columns)).toBeLessThanOrEqual(PORTRAIT_TWIPS);
    expect(l.columns[0]).toBeGreaterThan(l.columns[2]);
  });

  it('gives a long table of many columns a landscape page and sets it smaller rather than break «успеваемость»', () => {
    const head = [
      'Школа',
      'Биология',
      'Математика (базовый уровень)',
      'успеваемость',
      'Обществознание',
      'Информатика',
      'Литература',
      'География',
      'История',
    ];
    const rows = Array.from({ length: 12 }, (_, i) => [`Школа № ${i}`, ...head.slice(1).map(() => '59,1\u00a0(55,1\u201163,1)')]);
    const l = layoutTable([head, ...rows]);
    expect(l.landscape).toBe(true);
    expect(sum(l.columns)).toBeLessThanOrEqual(LANDSCAPE_TWIPS);
    // Every column at least as wide as its longest word (wider in bold) plus the cell's margins.
    const words = (s: string) => Math.max(...s.split(' ').map((w) => [...w].length));
    head.forEach((h, i) => expect(l.columns[i], h).toBeGreaterThanOrEqual(Math.ceil(words(h) * 6.6 * l.size * 1.12) + 230));
  });

  it('never gives one row a landscape page: it is transposed', () => {
    const head = ['Год', 'Участников', 'Средний балл', 'Доля «2»', 'Доля «4» и «5»', 'Успеваемость', 'Качество знаний', 'Высокобалльники'];
    const l = layoutTable([
      head,
      ['2025', '1 234', '59,1\u00a0(55,1\u201163,1)', '3,1\u00a0(2,0\u20114,5)', '61,2\u00a0(58,0\u201164,3)', '96,9', '61,2', '12'],
    ]);
    expect(l.landscape).toBe(false);
    expect(l.transposed).toBe(true);
    expect(l.cells[1]).toEqual(['Участников', '1 234']);
  });
});
