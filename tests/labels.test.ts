import { describe, expect, it } from 'vitest';
import { whyNotes } from '../src/lib/charts/common.ts';
import { leftLabels, textWidth, WIDE, WIDTH } from '../src/lib/charts/render.ts';

describe('labels on the left of a chart (issue 39: never cut where two lines hold them)', () => {
  it('keeps a label whole on one line where it fits, and wraps a longer one at a space on a phone', () => {
    const { names, lines } = leftLabels(['Химия', 'Русский язык, 5 класс'], WIDTH);
    // «5 класс» stays together: the break goes before the number.
    expect(names).toEqual(['Химия', 'Русский язык,\n5\u00a0класс']);
    expect(lines).toBe(2);
  });
  it('writes the same labels on one line in the wide drawing, maths levels in short words', () => {
    const { names, lines, margin } = leftLabels(['Русский язык, 5 класс', 'Математика (профильный уровень)'], WIDE);
    expect(names).toEqual(['Русский язык, 5\u00a0класс', 'Математика (профиль)']);
    expect(lines).toBe(1);
    // The widest line decides the margin, by width, not by letters: «Математика (профиль)» has fewer.
    expect(margin).toBe(12 + textWidth('Математика (профиль)'));
    expect(textWidth('Математика (профиль)')).toBeGreaterThan(textWidth('Русский язык, 5\u00a0класс'));
  });
  it('keeps «№ 5» together and cuts only what a third line would need, with «…»', () => {
    const { names } = leftLabels(['Средняя общеобразовательная школа № 5 с углублённым изучением'], WIDTH);
    const [first, second] = names[0].split('\n');
    expect(first).toBe('Средняя');
    expect(second.endsWith('…')).toBe(true);
    expect(textWidth(second)).toBeLessThanOrEqual(155);
  });
  it('keeps two labels cut alike on rows of their own', () => {
    const long = 'Муниципальное бюджетное общеобразовательное учреждение';
    const { names } = leftLabels([`${long} А`, `${long} Б`], WIDTH);
    expect(new Set(names).size).toBe(2);
  });
});

describe('the width of a label', () => {
  it('is never less than Chromium sets it in DejaVu Sans at 14 px, and not much more', () => {
    // Measured with a canvas in Chromium, the font this machine sets «PT Sans, Segoe UI, Arial, sans-serif» in.
    for (const [text, measured] of [
      ['Окружающий мир,', 138.5],
      ['ООШ № 10', 78.3],
      ['Школа «Ступени» &', 148.7],
      ['ЖЩШЮЫ', 72.8],
      ['Информатика', 102.5],
    ] as const) {
      expect(textWidth(text)).toBeGreaterThanOrEqual(measured);
      expect(textWidth(text)).toBeLessThan(measured * 1.1);
    }
  });
});

describe('notes of withheld years', () => {
  it('says a reason once for all its years, each other reason apart', () => {
    expect(
      whyNotes([{ year: 2022, why: 'в группе 3 участника' }, { year: 2023 }, { year: 2024, why: 'скрыто' }, { year: 2025, why: 'скрыто' }]),
    ).toEqual(['2022: в группе 3 участника', '2024 и 2025: скрыто']);
    expect(whyNotes([{ year: 2025 }])).toEqual([]);
  });
});
