/** Finding a school as parents type it (issue: «школа номер 4» found olympiad reports, «СОШ4» — СОШ № 11 first). */
import { describe, expect, it } from 'vitest';
import { inlineFinder, schoolFinder } from '../src/lib/words/school-search.ts';

const f = schoolFinder();
// A municipality where digits of addresses and of other schools' numbers get in the way.
const SCHOOLS = [
  ['Гимназия № 1', 'Муниципальное автономное общеобразовательное учреждение «Гимназия № 1»', 'гимназия', 'ул. Ленина, 4'],
  ['Лицей № 2', 'МБОУ «Лицей № 2»', 'лицей', 'пр. Мира, 40'],
  ['СОШ № 4', 'Средняя общеобразовательная школа № 4', 'СОШ', 'ул. Гагарина, 18'],
  ['СОШ № 5', 'Средняя общеобразовательная школа № 5', 'СОШ', 'ул. Садовая, 7'],
  ['СОШ № 7 с УИОП', 'Средняя общеобразовательная школа № 7 с углублённым изучением отдельных предметов', 'СОШ', 'ул. Школьная, 1'],
  ['СОШ № 11', 'Средняя общеобразовательная школа № 11', 'СОШ', 'ул. Мира, 4'],
  ['ООШ № 14', 'Основная общеобразовательная школа № 14', 'ООШ', 'ул. Лесная, 2'],
  ['ООШ с. Заречное', 'Основная общеобразовательная школа с. Заречное', 'ООШ', 'с. Заречное, ул. Центральная, 4'],
  ['Школа «Ступени»', 'Частная школа «Ступени»', 'школа', 'ул. Берёзовая, 9'],
].map(([name, full, kind, address]) => ({ name, ...f.key(name, `${full} ${kind}`, address) }));

const first = (q: string) => f.find(q, SCHOOLS)[0]?.name;
const names = (q: string) => f.find(q, SCHOOLS).map((s) => s.name);

describe('a school as parents type it', () => {
  it.each([
    ['школа номер 4', 'СОШ № 4'],
    ['школа №4', 'СОШ № 4'],
    ['школа № 4', 'СОШ № 4'],
    ['школа 4', 'СОШ № 4'],
    ['СОШ4', 'СОШ № 4'],
    ['сош 4', 'СОШ № 4'],
    ['4 школа', 'СОШ № 4'],
    ['№4', 'СОШ № 4'],
    ['лицей 2', 'Лицей № 2'],
    ['лицей', 'Лицей № 2'],
    ['гимназия', 'Гимназия № 1'],
    ['гимназии', 'Гимназия № 1'],
    ['в лицее', 'Лицей № 2'],
    ['школа 7', 'СОШ № 7 с УИОП'],
    ['7', 'СОШ № 7 с УИОП'],
    ['11', 'СОШ № 11'],
    ['заречное', 'ООШ с. Заречное'],
    ['школа заречного', 'ООШ с. Заречное'],
    ['ступени', 'Школа «Ступени»'],
    ['углубленным', 'СОШ № 7 с УИОП'],
  ])('«%s» → %s first', (q, want) => expect(first(q)).toBe(want));

  it('takes a number for the school’s number, not a part of another number or of the address', () => {
    // «4» is in the addresses of Гимназия № 1, СОШ № 11 and the Заречное school, and a part of «14» and «40».
    expect(names('сош 4')).toEqual(['СОШ № 4', 'СОШ № 11']);
    expect(names('4')).toEqual(['СОШ № 4', 'Гимназия № 1', 'СОШ № 11', 'ООШ с. Заречное']);
    expect(names('1')).toEqual(['Гимназия № 1', 'СОШ № 7 с УИОП']);
  });

  it('keeps the list’s order among equally good hits, and everything for a query of only «школа»', () => {
    expect(names('сош')).toEqual(['СОШ № 4', 'СОШ № 5', 'СОШ № 7 с УИОП', 'СОШ № 11']);
    expect(names('школа')).toHaveLength(SCHOOLS.length);
    expect(names('  ')).toHaveLength(SCHOOLS.length);
  });

  it('finds nothing for a number no school has and a word no school holds', () => {
    expect(names('школа 9')).toEqual(['Школа «Ступени»']); // ул. Берёзовая, 9: an address, ranked as such
    expect(names('школа 99')).toEqual([]);
    expect(names('кадетский корпус')).toEqual([]);
  });

  it('suggests the nearest names when nothing fits: a typo, a missing letter', () => {
    expect(names('гимнозия')).toEqual([]);
    expect(f.nearest('гимнозия', SCHOOLS).map((s) => s.name)).toEqual(['Гимназия № 1']);
    expect(f.nearest('лицеи 3', SCHOOLS)[0]?.name).toBe('Лицей № 2');
    expect(f.nearest('заречье', SCHOOLS)[0]?.name).toBe('ООШ с. Заречное');
    expect(f.nearest('кадетский корпус', SCHOOLS)).toEqual([]);
  });

  it('is the same code when inlined into a page', () => {
    const inlined = new Function(`${inlineFinder()}; return finder;`)() as ReturnType<typeof schoolFinder>;
    for (const q of ['школа номер 4', 'СОШ4', 'гимназии', '7']) expect(inlined.find(q, SCHOOLS)).toEqual(f.find(q, SCHOOLS));
  });
});
