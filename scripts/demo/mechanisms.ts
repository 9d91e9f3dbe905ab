/**
 * The demo's mechanisms (data format §5.6): the upbringing indicators of the
 * regulation's table for 2021–2025 and four kindergartens with preschool
 * quality indicators from 2023. A stream of its own, so every earlier draw of
 * the demo stays as it was; counts add up (a part never exceeds its whole).
 */
import { csv, mulberry32, type Rows } from './random.ts';
import { open, schools } from './schools.ts';
import { YEARS } from './years.ts';

const rnd = mulberry32(20261204);
const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
/** `share` of `whole` (0–1), a little noisy, never above the whole. */
const part = (whole: number, share: number) => Math.max(0, Math.min(whole, Math.round(whole * Math.min(1, share * between(0.92, 1.08)))));

export const KINDERGARTENS = [
  {
    id: '301',
    name: 'Детский сад № 1 «Солнышко»',
    full: 'Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 1 „Солнышко“»',
    kind: 'ДОУ',
    address: 'г. Северогорск, ул. Ленина, 20',
    children: 180,
    teachers: 16,
  },
  {
    id: '302',
    name: 'Детский сад № 5 «Берёзка»',
    full: 'Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5 „Берёзка“»',
    kind: 'детский сад',
    address: 'г. Северогорск, ул. Садовая, 11',
    children: 140,
    teachers: 12,
  },
  {
    id: '303',
    name: 'Детский сад № 8 «Ромашка»',
    full: 'Муниципальное автономное дошкольное образовательное учреждение «Детский сад № 8 „Ромашка“»',
    kind: 'ДОУ',
    address: 'г. Северогорск, пр. Мира, 7',
    children: 220,
    teachers: 19,
  },
  // A village kindergarten: its staff is under the privacy threshold, so its staff shares are withheld.
  {
    id: '304',
    name: 'Детский сад с. Луговое',
    full: 'Муниципальное казённое дошкольное образовательное учреждение «Детский сад с. Луговое»',
    kind: 'ДОУ',
    address: 'Северогорский городской округ, с. Луговое, ул. Школьная, 2',
    children: 34,
    teachers: 4,
  },
];

/** Rows to add under the schools of schools.csv (the register keeps kindergartens too). */
export const kindergartenRows = () =>
  csv(
    KINDERGARTENS.map((k, i) => [
      k.id,
      k.name,
      k.full,
      k.kind,
      k.address,
      `https://ds${k.id}.example.ru`,
      (59.59 - i * 0.004).toFixed(4),
      (60.54 - i * 0.006).toFixed(4),
      undefined,
      undefined,
    ]),
  );

/** One year's mechanisms.csv. */
export function mechanismsCsv(year: number): string {
  const t = year - YEARS[0];
  const rows: Rows = [['indicator', 'school_id', 'numerator', 'denominator', 'value', 'comment']];
  const share = (id: string, whole: number, p: number, school = '') => rows.push([id, school, part(whole, p), whole, undefined, undefined]);
  const value = (id: string, v: string | number, comment?: string) => rows.push([id, '', undefined, undefined, v, comment]);
  // Municipal rows: what the department counts itself.
  value(
    'intersectoral_documents',
    t >= 1 ? 'да' : 'нет',
    t >= 1 ? 'Межведомственная программа «Воспитание и социализация» на 2022–2026 годы' : undefined,
  );
  value('coordination_councils', 'да');
  share('partner_institutions', 24 + (t > 2 ? 1 : 0), 0.45 + 0.06 * t);
  share('partnership_organisations', 12, 0.5 + 0.1 * t);
  value('parent_consultation_centres', 2 + Math.floor(t * 0.8));
  share('parent_education_programmes', 12, 0.6 + 0.08 * t);
  share('prevention_closed', 40 - t * 3, 0.4 + 0.04 * t);
  value('children_without_care', 15 - t - Math.round(rnd()));
  share('organisations_in_projects', 12, 0.55 + 0.08 * t);
  share('satisfied_with_institutions', 600 + Math.round(rnd() * 80), 0.68 + 0.03 * t);
  value('youth_associations', 6 + t);
  share('institutions_infrastructure', 24, 0.3 + 0.05 * t);
  share('schools_infrastructure', 12, 0.42 + 0.08 * t);
  share('clubs_at_institutions', 9400 + t * 40, 0.21 + 0.01 * t);
  // Each school's forms: the municipal shares of these are pooled from them.
  for (const s of schools) {
    if (!open(s, year)) continue;
    const students = Math.round((s.g4 * 4 + s.g9 * 5 + s.g11 * 2) * between(0.95, 1.05));
    const families = Math.round(students * 0.85);
    const lift = 0.015 * t + 0.03 * s.strength;
    share('parents_family_clubs', families, 0.22 + lift, s.id);
    share('parents_governance', families, 0.06 + lift / 3, s.id);
    share('children_in_projects', students, 0.35 + lift, s.id);
    share('children_in_associations', students, 0.18 + lift, s.id);
    share('children_in_clubs', students, 0.62 + lift, s.id);
    share('contest_participants', students, 0.4 + lift, s.id);
    share('clubs_at_schools', students, 0.48 + lift, s.id);
  }
  // Teachers' participation is only known for the municipality as a whole.
  share('teachers_in_projects', 520, 0.3 + 0.05 * t);
  // Preschool quality monitoring began in 2023.
  if (year >= 2023)
    for (const k of KINDERGARTENS) {
      const u = year - 2023;
      share('doo_teachers_higher_ed', k.teachers, 0.55 + 0.03 * u, k.id);
      share('doo_teachers_category', k.teachers, 0.5 + 0.05 * u, k.id);
      share('doo_teachers_training', k.teachers, 0.75 + 0.07 * u, k.id);
      rows.push(['doo_environment', k.id, undefined, undefined, k.children > 100 || u > 1 ? 'да' : 'нет', undefined]);
      rows.push(['doo_programme', k.id, undefined, undefined, 'да', undefined]);
      share('doo_parents_involved', Math.round(k.children * 0.9), 0.55 + 0.05 * u, k.id);
      share('doo_parents_satisfied', Math.round(k.children * 0.6), 0.82 + 0.02 * u, k.id);
    }
  return csv(rows);
}
