/**
 * A municipality that is not the demo: 10 schools over three years, its
 * social passport in three shapes (Russian headers in Windows-1251 with «;»,
 * English headers in UTF-8, a workbook with a title row). Built once per test
 * run by the global setup; tests/context-build.test.ts holds it
 * against an independent implementation of §9 and §12.
 */
import { randomLcg, randomNormal } from 'd3';
import { csv, makeData, toCp1251 } from './fixture.ts';
import { toWorkbook } from './workbook.ts';

export const YEARS = [2023, 2024, 2025];
export const MIN_SCORE: Record<string, number> = { rus: 24, math_prof: 27 };
export const SCHOOLS = Array.from({ length: 10 }, (_, i) => `K${String(i + 1).padStart(2, '0')}`);
/** K10 is a basic school: ОГЭ only. */
const WITH_EGE = SCHOOLS.slice(0, 9);

export interface Pupil {
  id: string;
  school: string;
  ege?: { subject: string; score: number }[];
  oge?: number; // the ОГЭ maths mark
}
export interface Passport {
  school: string;
  students: number;
  counts: Record<string, number | undefined>;
}

/** A seeded municipality: pupils' results and passports both lean on the school's hidden conditions. */
function municipality() {
  const rnd = randomLcg(20261201);
  const normal = randomNormal.source(rnd)(0, 1);
  const cond = new Map(SCHOOLS.map((s) => [s, normal()]));
  const quality = new Map(SCHOOLS.map((s) => [s, 0.6 * cond.get(s)! + 0.5 * normal()]));
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  const pupils = new Map<number, Pupil[]>();
  const passports = new Map<number, Passport[]>();
  for (const year of YEARS) {
    const list: Pupil[] = [];
    SCHOOLS.forEach((school, i) => {
      const q = quality.get(school)!;
      if (WITH_EGE.includes(school))
        for (let k = 0; k < 8 + ((i * 3 + year) % 9); k++)
          list.push({
            id: `${year}-${school}-e${k}`,
            school,
            ege: [
              { subject: 'rus', score: clamp(56 + 12 * q + 16 * normal(), 0, 100) },
              { subject: 'math_prof', score: clamp(48 + 12 * q + 18 * normal(), 0, 100) },
            ],
          });
      for (let k = 0; k < 12 + ((i * 5 + year) % 11); k++) {
        const p = clamp(15 + 5 * q + 6 * normal(), 0, 31);
        list.push({ id: `${year}-${school}-o${k}`, school, oge: p >= 22 ? 5 : p >= 15 ? 4 : p >= 8 ? 3 : 2 });
      }
    });
    pupils.set(year, list);
    passports.set(
      year,
      SCHOOLS.map((school) => {
        const c = cond.get(school)!;
        const students = 300 + Math.round(600 * rnd());
        const share = (m: number, slope: number) => Math.min(0.95, Math.max(0.005, m + slope * c + 0.03 * normal()));
        const n = (m: number, slope: number) => Math.round(students * share(m, slope));
        return {
          school,
          students,
          counts: {
            higher_ed_parents: n(0.45, 0.12),
            low_income: n(0.15, -0.05),
            non_native: n(0.08, -0.03),
            // 2025: «С ОВЗ» left empty at K04 — the variable stays out of that year's index.
            ovz: year === 2025 && school === 'K04' ? undefined : n(0.04, -0.01),
            single_parent: year === 2024 ? n(0.2, -0.04) : undefined,
          },
        };
      }),
    );
  }
  return { pupils, passports };
}

export const { pupils, passports } = municipality();

export async function contextMunicipality(): Promise<string> {
  const files: Record<string, string | Uint8Array> = {
    'schools.csv': csv([['school_id', 'name'], ...SCHOOLS.map((s, i) => [s, i === 9 ? `ООШ № ${i + 1}` : `СОШ № ${i + 1}`])]),
  };
  for (const year of YEARS) {
    const list = pupils.get(year)!;
    files[`results/${year}/ege.csv`] = csv([
      ['participant_id', 'school_id', 'subject', 'test_score'],
      ...list.flatMap((p) => (p.ege ?? []).map((e) => [p.id, p.school, e.subject, e.score])),
    ]);
    files[`results/${year}/oge.csv`] = csv([
      ['participant_id', 'school_id', 'subject', 'primary_score', 'mark'],
      ...list.filter((p) => p.oge).map((p) => [p.id, p.school, 'math', p.oge! * 5, p.oge!]),
    ]);
  }
  const rows = (year: number, keys: string[]) =>
    passports.get(year)!.map((r) => [r.school, r.students, ...keys.map((k) => r.counts[k] ?? '')]);
  // 2023: as Excel on a Russian Windows saves CSV.
  const ru = [
    'Код ОО',
    'Обучающихся',
    'Хотя бы один родитель с высшим образованием',
    'Из малоимущих семей',
    'Русский язык не родной',
    'С ОВЗ',
  ];
  const keys23 = ['higher_ed_parents', 'low_income', 'non_native', 'ovz'];
  files['results/2023/context.csv'] = toCp1251([ru, ...rows(2023, keys23)].map((r) => r.join(';')).join('\r\n') + '\r\n');
  // 2024: English headers, UTF-8 with a BOM, one more condition.
  const keys24 = ['higher_ed_parents', 'low_income', 'non_native', 'ovz', 'single_parent'];
  files['results/2024/context.csv'] = '\ufeff' + csv([['school_id', 'students', ...keys24], ...rows(2024, keys24)]);
  // 2025: a workbook with a title row over the table.
  const book = await toWorkbook(csv([ru, ...rows(2025, keys23)]), { title: ['Социальный паспорт школ, 2025'] });
  files['results/2025/context.xlsx'] = book;
  return makeData(files);
}
