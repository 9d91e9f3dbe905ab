/** The demo's schools: their strength (0 = average), the sizes of grades 4, 9 and 11, and how they change. */
import { csv, rnd } from './random.ts';

export interface DemoSchool {
  id: string;
  name: string;
  full: string;
  kind: string;
  strength: number;
  g9: number;
  g11: number;
  g4: number;
  closed?: number;
  successor?: string;
  address: string;
}
export const schools: DemoSchool[] = [
  {
    id: '101',
    name: 'Гимназия № 1',
    full: 'Муниципальное автономное общеобразовательное учреждение «Гимназия № 1»',
    kind: 'гимназия',
    strength: 1.1,
    g9: 75,
    g11: 52,
    g4: 80,
    address: 'ул. Ленина, 12',
  },
  {
    id: '102',
    name: 'Лицей № 2',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Лицей № 2»',
    kind: 'лицей',
    strength: 0.9,
    g9: 60,
    g11: 45,
    g4: 55,
    address: 'пр. Мира, 40',
  },
  {
    id: '103',
    name: 'СОШ № 3',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3»',
    kind: 'СОШ',
    strength: 0.1,
    g9: 55,
    g11: 25,
    g4: 60,
    address: 'ул. Садовая, 3',
  },
  {
    id: '104',
    name: 'СОШ № 4',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4»',
    kind: 'СОШ',
    strength: 0,
    g9: 48,
    g11: 20,
    g4: 50,
    address: 'ул. Гагарина, 18',
  },
  {
    id: '105',
    name: 'СОШ № 5',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5»',
    kind: 'СОШ',
    strength: -0.9,
    g9: 40,
    g11: 14,
    g4: 45,
    address: 'ул. Заводская, 7',
  },
  {
    id: '106',
    name: 'СОШ № 6',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6»',
    kind: 'СОШ',
    strength: -0.2,
    g9: 35,
    g11: 16,
    g4: 38,
    address: 'ул. Шахтёров, 21',
  },
  {
    id: '107',
    name: 'СОШ № 7 с УИОП',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7 с углублённым изучением отдельных предметов»',
    kind: 'СОШ',
    strength: 0.5,
    g9: 50,
    g11: 28,
    g4: 52,
    address: 'ул. Пушкина, 9',
  },
  {
    id: '108',
    name: 'ООШ № 8',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 8»',
    kind: 'ООШ',
    strength: -0.5,
    g9: 18,
    g11: 0,
    g4: 20,
    address: 'ул. Лесная, 2',
  },
  {
    id: '109',
    name: 'ООШ с. Заречное',
    full: 'Муниципальное казённое общеобразовательное учреждение «Основная общеобразовательная школа с. Заречное»',
    kind: 'ООШ',
    strength: -0.3,
    g9: 3,
    g11: 0,
    g4: 4,
    address: 'с. Заречное, ул. Школьная, 1',
  },
  {
    id: '110',
    name: 'НОШ № 10',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Начальная общеобразовательная школа № 10»',
    kind: 'НОШ',
    strength: 0.2,
    g9: 0,
    g11: 0,
    g4: 30,
    address: 'ул. Молодёжная, 5',
  },
  {
    id: '111',
    name: 'СОШ № 11',
    full: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 11»',
    kind: 'СОШ',
    strength: -0.4,
    g9: 30,
    g11: 12,
    g4: 32,
    closed: 2022,
    successor: '103',
    address: 'ул. Северная, 11',
  },
  {
    id: '112',
    name: 'Школа «Ступени» & Центр образования',
    full: 'Муниципальное автономное общеобразовательное учреждение «Центр образования „Ступени“»',
    kind: 'центр образования',
    strength: 0.3,
    g9: 28,
    g11: 15,
    g4: 26,
    address: 'ул. Набережная, 30',
  },
];

export const schoolsCsv = () =>
  csv([
    ['school_id', 'name', 'full_name', 'kind', 'address', 'website', 'lat', 'lon', 'closed', 'successor_id'],
    ...schools.map((s, i) => [
      s.id,
      s.name,
      s.full,
      s.kind,
      `г. Северогорск, ${s.address}`,
      `https://school${s.id}.example.ru`,
      (59.6 + i * 0.004).toFixed(4),
      (60.55 + i * 0.006).toFixed(4),
      s.closed,
      s.successor,
    ]),
  ]);

export const open = (s: DemoSchool, y: number) => s.closed === undefined || y <= s.closed;
/** A small yearly drift per school, so that trends and risk zones appear. */
export const drift = (s: DemoSchool, y: number) => (s.id === '105' ? -0.15 * (y - 2021) : s.id === '107' ? 0.1 * (y - 2021) : 0);
export const size = (n: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * (0.9 + 0.2 * rnd()))));
