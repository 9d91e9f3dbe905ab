import { describe, expect, it } from 'vitest';
import { columnNames } from '../src/lib/views/tables.ts';
import { slug } from '../src/lib/charts/common.ts';
import { presentation } from '../src/lib/indicators/present.ts';
import {
  describeChange,
  describeComparison,
  describeStanding,
  formatChange,
  formatDate,
  formatNumber,
  formatPeriod,
  formatValue,
  genderOf,
  plural,
  round,
} from '../src/lib/words/format.ts';

describe('Russian number format', () => {
  it('uses a decimal comma and a thin space for thousands', () => {
    expect(formatNumber(72.5)).toBe('72,5');
    expect(formatNumber(12345.67, 2)).toBe('12\u202f345,67');
    expect(formatNumber(1234, 0)).toBe('1234');
    expect(formatNumber(-3.25, 1)).toBe('−3,3');
  });
  it('rounds half away from zero despite binary noise', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-2.675, 2)).toBe(-2.68);
    expect(round(72.125, 2)).toBe(72.13);
  });
  it('rounds as the plain rule at 12 significant digits does, near halves and far from them', () => {
    // The rule without its shortcut: every number through 12 significant digits.
    const plain = (x: number, d: number) => (Math.sign(x) * Math.round(Number((Math.abs(x) * 10 ** d).toPrecision(12)))) / 10 ** d;
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const xs: number[] = [0, -0, 0.5, -0.5, 2.5, 1e9 + 0.5, 123456789.125, NaN, Infinity];
    for (let i = 0; i < 5000; i++) {
      const k = Math.floor(rnd() * 1e6);
      // Halves and near-halves in 0–4 decimals, with binary noise both ways, and plain random numbers.
      for (const d of [0, 1, 2, 3, 4])
        xs.push((k + 0.5) / 10 ** d, (k + 0.5) / 10 ** d + 1e-12, (k + 0.4995) / 10 ** d, -(k + 0.5) / 10 ** d);
      xs.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 12));
    }
    const differ = xs.flatMap((x) => [0, 1, 2, 4].filter((d) => !Object.is(round(x, d), plain(x, d))).map((d) => [x, d]));
    expect(differ).toEqual([]);
  });
  it('puts % after a no-break space and people after the number', () => {
    expect(formatValue(12.34, '%')).toBe('12,3\u00a0%');
    expect(formatValue(4.256, 'отметка')).toBe('4,26');
    expect(formatValue(15, 'чел.')).toBe('15\u00a0чел.');
  });
  it('signs changes; shares in percentage points', () => {
    expect(formatChange(2.34, 'балл')).toBe('+2,3');
    expect(formatChange(-1.5, '%')).toBe('−1,5\u00a0п.\u00a0п.');
    expect(formatChange(0.01, 'балл')).toBe('±0,0');
  });
});

describe('plural', () => {
  it.each([
    [1, 'школа'],
    [2, 'школы'],
    [5, 'школ'],
    [11, 'школ'],
    [21, 'школа'],
    [22, 'школы'],
    [111, 'школ'],
    [104, 'школы'],
  ])('%i %s', (n, w) => {
    expect(plural(n, ['школа', 'школы', 'школ'])).toBe(w);
  });
});

describe('words for changes', () => {
  it('agrees the verb with the indicator name', () => {
    expect(genderOf('Средний балл ЕГЭ')).toBe('m');
    expect(genderOf('Доля участников')).toBe('f');
    expect(genderOf('Число участников')).toBe('n');
    expect(genderOf('Качество знаний')).toBe('n');
    expect(genderOf('Процент выполнения')).toBe('m');
    expect(describeChange(2.3, 'балл')).toBe('вырос на 2,3\u00a0балла');
    expect(describeChange(-1.04, '%', 'f')).toBe('снизилась на 1,0\u00a0п.\u00a0п.');
    expect(describeChange(0.02, 'балл', 'n')).toBe('не изменилось');
    expect(describeChange(-5, 'чел.', 'n')).toBe('снизилось на 5\u00a0человек');
  });
  it('words a change only as far as its test allows (spec §11)', () => {
    const sig = (diff: number) => ({ diff, significant: true, exact: false });
    const calm = (diff: number) => ({ diff, significant: false, exact: false });
    expect(describeComparison(sig(2.34), 'балл')).toBe('вырос на 2,3\u00a0балла за год');
    expect(describeComparison(sig(-1.5), '%', 'f', 2021)).toBe('с 2021\u00a0года снизилась на 1,5\u00a0п.\u00a0п.');
    expect(describeComparison(calm(-1.9), 'балл')).toBe('на уровне прошлого года (−1,9\u00a0балла — в пределах случайных колебаний)');
    expect(describeComparison(calm(0.3), '%', 'f', 2021)).toBe(
      'на уровне 2021\u00a0года (+0,3\u00a0п.\u00a0п. — в пределах случайных колебаний)',
    );
    // A significant change that rounds to nothing is not a rise.
    expect(describeComparison(sig(0.04), 'балл')).toBe('на уровне прошлого года');
    // Counts are exact: stated, never judged.
    expect(describeComparison({ diff: 1, significant: false, exact: true }, 'чел.')).toBe('на 1\u00a0человека больше, чем годом ранее');
    expect(describeComparison({ diff: -5, significant: false, exact: true }, 'дипл.', 'n', 2022)).toBe(
      'на 5\u00a0дипломов меньше, чем в 2022\u00a0году',
    );
    expect(describeComparison({ diff: 0, significant: false, exact: true }, 'чел.')).toBe('столько же, сколько годом ранее');
  });
  it('compares a school with the rest only when significant', () => {
    expect(describeStanding({ diff: 4, significant: true, exact: false }).word).toBe('выше');
    expect(describeStanding({ diff: -4, significant: true, exact: false }).text).toBe('ниже, чем в остальных школах муниципалитета');
    expect(describeStanding({ diff: 9, significant: false, exact: false }).word).toBe('на уровне');
    expect(describeStanding(undefined).text).toBe('');
  });
});

describe('dates', () => {
  it('writes dates and quarters in Russian', () => {
    expect(formatDate('2026-11-23')).toBe('23\u00a0ноября 2026\u00a0г.');
    expect(formatPeriod('2026-Q3')).toBe('III квартал 2026\u00a0г.');
  });
});

describe('chart ids', () => {
  it('are URL-safe, also for Cyrillic work codes', () => {
    expect(slug('ege.mean', 'math_prof', undefined, 'municipality')).toBe('ege-mean-math-prof-municipality');
    expect(slug('diag.mean_score', 'ФГ/мат', 8)).toBe('diag-mean-score-fg-mat-8');
  });
});

describe('why a value is withheld', () => {
  const v = (n: number, reason: 'small' | 'ovz' | 'empty') =>
    ({
      indicator: 'ege.mean',
      year: 2025,
      scope: 'school',
      school_id: 'A',
      subject: 'rus',
      period: '',
      task: '',
      suppressed: true,
      n,
      reason,
    }) as const;
  it('says the group size with the right form of «участник», whatever the threshold', () => {
    const p = presentation(25);
    expect(p.whyHidden(v(1, 'small'))).toBe('скрыто: в группе 1\u00a0участник — меньше порога 25');
    expect(p.whyHidden(v(3, 'small'))).toBe('скрыто: в группе 3\u00a0участника — меньше порога 25');
    expect(p.whyHidden(v(21, 'small'))).toBe('скрыто: в группе 21\u00a0участник — меньше порога 25');
    expect(p.whyHidden(v(12, 'small'))).toBe('скрыто: в группе 12\u00a0участников — меньше порога 25');
    expect(presentation(21).whyHidden(v(4, 'ovz'))).toBe('скрыто: менее 21\u00a0человека (защита персональных данных)');
    expect(p.whyHidden(v(0, 'empty'))).toBe('нет участников в группе');
  });
});

describe('column names from short names', () => {
  it('drops the prefix unless two columns would then read the same', () => {
    expect(columnNames(['ЕГЭ: средний балл', 'ЕГЭ: участники', 'ГВЭ-11: участники', '9 класс: аттестаты', '11 класс: аттестаты'])).toEqual([
      'средний балл',
      'ЕГЭ: участники',
      'ГВЭ-11: участники',
      '9 класс: аттестаты',
      '11 класс: аттестаты',
    ]);
  });
});
