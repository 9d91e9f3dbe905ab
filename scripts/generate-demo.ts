/**
 * Generates the demo municipality in data/ from a fixed seed, so the demo can
 * be regenerated identically: `npm run demo-data`. The roadmap text
 * (data/roadmap/2026-2027.csv) is a transcription of a real document and is
 * not generated; its execution reports are.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DATA = process.argv[2] ?? 'data';
// The shipped reference data (src/lib/data/reference/) is copied in, for the ИМЦ to see and edit.
for (const f of ['subjects.csv', 'scales.csv', 'ege-marks.csv']) {
  mkdirSync(join(DATA, 'reference'), { recursive: true });
  copyFileSync(join('src/lib/data/reference', f), join(DATA, 'reference', f));
}
const YEARS = [2021, 2022, 2023, 2024, 2025];

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20260523);
const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
const chance = (p: number) => rnd() < p;

function csv(rows: (string | number | undefined)[][]): string {
  return (
    rows
      .map((r) =>
        r
          .map((v) => {
            const s = v === undefined ? '' : String(v);
            return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(','),
      )
      .join('\n') + '\n'
  );
}
function write(rel: string, content: string) {
  const path = join(DATA, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

// --- schools: strength (0 = average), sizes of grades 9 and 11, and the grades taught
interface DemoSchool {
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
const schools: DemoSchool[] = [
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

write(
  'schools.csv',
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
  ]),
);

const open = (s: DemoSchool, y: number) => s.closed === undefined || y <= s.closed;
/** A small yearly drift per school, so that trends and risk zones appear. */
const drift = (s: DemoSchool, y: number) => (s.id === '105' ? -0.15 * (y - 2021) : s.id === '107' ? 0.1 * (y - 2021) : 0);
const size = (n: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * (0.9 + 0.2 * rnd()))));

// --- scales (the same numbers as data/reference/scales.csv)
const OGE: Record<string, [number, number, number, number]> = {
  rus: [33, 15, 22, 29],
  math: [31, 8, 15, 22],
  phys: [45, 11, 22, 34],
  chem: [40, 10, 20, 31],
  bio: [48, 13, 24, 37],
  geo: [31, 12, 19, 25],
  soc: [37, 14, 24, 32],
  inf: [19, 5, 11, 17],
  hist: [37, 11, 19, 28],
  eng: [68, 29, 46, 58],
};
const VPR: Record<string, [number, number, number, number]> = {
  '4 rus': [38, 14, 24, 33],
  '4 math': [20, 6, 10, 15],
  '4 okr': [32, 8, 18, 26],
  '5 rus': [45, 18, 29, 38],
  '5 math': [20, 7, 11, 15],
  '6 rus': [51, 25, 34, 43],
  '6 math': [20, 6, 10, 14],
  '7 rus': [47, 20, 29, 38],
  '7 math': [19, 6, 12, 16],
  '8 rus': [51, 25, 35, 44],
  '8 math': [25, 7, 13, 19],
};
const markOf = (score: number, [, m3, m4, m5]: [number, number, number, number]) =>
  score >= m5 ? 5 : score >= m4 ? 4 : score >= m3 ? 3 : 2;
const EGE_MEAN: Record<string, number> = {
  rus: 67,
  math_prof: 54,
  phys: 53,
  chem: 54,
  inf: 59,
  bio: 51,
  hist: 55,
  geo: 57,
  soc: 55,
  lit: 60,
  eng: 65,
};
const EGE_ELECTIVES = ['soc', 'soc', 'phys', 'inf', 'bio', 'chem', 'hist', 'eng', 'geo', 'lit'];
const OGE_ELECTIVES = ['soc', 'soc', 'inf', 'inf', 'geo', 'bio', 'chem', 'phys', 'eng', 'hist'];

// --- task catalogue: ОГЭ maths 2025 (25 tasks) and ВПР maths grade 4 in 2024–2025 (12 tasks)
const ogeMathTasks = Array.from({ length: 25 }, (_, i) => ({ task: String(i + 1), max: i < 19 ? 1 : 2 }));
const OGE_SKILLS = [
  'Практико-ориентированная задача: чтение плана местности',
  'Практико-ориентированная задача: площади и расстояния',
  'Практико-ориентированная задача: расчёт по плану',
  'Практико-ориентированная задача: тарифы и стоимость',
  'Практико-ориентированная задача: проценты в реальной ситуации',
  'Действия с обыкновенными и десятичными дробями',
  'Числовая прямая, сравнение чисел',
  'Степени и корни, преобразование выражений',
  'Решение линейных и квадратных уравнений',
  'Классическая вероятность',
  'Графики функций: соответствие формулы и графика',
  'Расчёты по формулам',
  'Решение неравенств и их систем',
  'Арифметическая и геометрическая прогрессии',
  'Треугольники: углы и стороны',
  'Окружность, вписанные и центральные углы',
  'Площади фигур',
  'Фигуры на клетчатой бумаге',
  'Анализ геометрических утверждений',
  'Алгебраические выражения, уравнения, неравенства (развёрнутый ответ)',
  'Текстовая задача на движение или работу (развёрнутый ответ)',
  'Функции и их графики (развёрнутый ответ)',
  'Геометрическая задача на вычисление (развёрнутый ответ)',
  'Геометрическая задача на доказательство (развёрнутый ответ)',
  'Геометрическая задача повышенной сложности (развёрнутый ответ)',
];
const vpr4MathTasks = [1, 1, 2, 1, 2, 2, 1, 1, 2, 2, 2, 3].map((max, i) => ({ task: String(i + 1), max }));
const VPR4_SKILLS = [
  'Выполнять арифметические действия с числами',
  'Вычислять значение числового выражения',
  'Решать задачи в 3–4 действия',
  'Работать с величинами: время',
  'Вычислять периметр и площадь прямоугольника',
  'Читать и интерпретировать таблицы и диаграммы',
  'Выполнять письменные вычисления',
  'Решать текстовые задачи на покупки',
  'Интерпретировать информацию, полученную при проведении несложных исследований',
  'Распознавать и изображать геометрические фигуры',
  'Описывать взаимное расположение предметов в пространстве',
  'Решать логические задачи повышенной сложности',
];
const taskRows: (string | number)[][] = [['year', 'procedure', 'subject', 'grade', 'task', 'max_score', 'level', 'skill']];
ogeMathTasks.forEach((t, i) =>
  taskRows.push([2025, 'oge', 'math', '', t.task, t.max, i < 19 ? 'базовый' : i < 22 ? 'повышенный' : 'высокий', OGE_SKILLS[i]]),
);
for (const y of [2024, 2025])
  vpr4MathTasks.forEach((t, i) =>
    taskRows.push([y, 'vpr', 'math', 4, t.task, t.max, i === 11 ? 'высокий' : i >= 8 ? 'повышенный' : 'базовый', VPR4_SKILLS[i]]),
  );
write('reference/tasks.csv', csv(taskRows));

/** Splits a total score into task scores that add up to it, each within its maximum. */
function splitTasks(total: number, tasks: { max: number }[]): number[] {
  const out = tasks.map(() => 0);
  let left = total;
  // Earlier (easier) tasks are solved first, with some noise.
  const order = tasks.map((_, i) => ({ i, key: i + normal() * 4 })).sort((a, b) => a.key - b.key);
  for (const { i } of order) {
    if (left <= 0) break;
    const give = Math.min(tasks[i].max, left);
    out[i] = give;
    left -= give;
  }
  return out;
}

let pid = 0;
const nextId = (y: number) => `${y}-${String(++pid).padStart(6, '0')}`;

for (const y of YEARS) {
  pid = 0;
  const ege: (string | number | undefined)[][] = [
    [
      'participant_id',
      'school_id',
      'subject',
      'form',
      'category',
      'test_score',
      'primary_score',
      'mark',
      'school_mark',
      'medal_candidate',
      'ovz',
    ],
  ];
  const oge: (string | number | undefined)[][] = [
    [
      'participant_id',
      'school_id',
      'subject',
      'form',
      'primary_score',
      'mark',
      'school_mark',
      'ovz',
      ...(y === 2025 ? ogeMathTasks.map((t) => `task_${t.task}`) : []),
    ],
  ];
  const vpr: (string | number | undefined)[][] = [
    [
      'participant_id',
      'school_id',
      'subject',
      'grade',
      'class',
      'primary_score',
      'mark',
      'journal_mark',
      ...(y >= 2024 ? vpr4MathTasks.map((t) => `task_${t.task}`) : []),
    ],
  ];
  const diag: (string | number | undefined)[][] = [
    ['participant_id', 'school_id', 'work', 'work_name', 'grade', 'subject', 'primary_score', 'max_score', 'min_score'],
  ];
  const olymp: (string | number | undefined)[][] = [['participant_id', 'school_id', 'subject', 'grade', 'stage', 'status', 'score']];
  const essay: (string | number | undefined)[][] = [['participant_id', 'school_id', 'result', 'attempt']];
  const interview: (string | number | undefined)[][] = [['participant_id', 'school_id', 'result', 'attempt']];
  const grads: (string | number | undefined)[][] = [
    [
      'school_id',
      'grade',
      'students',
      'admitted',
      'certificates',
      'honours',
      'repeat',
      'continued_school',
      'continued_spo',
      'not_continuing',
    ],
  ];
  const mon: (string | number | undefined)[][] = [
    ['school_id', 'period', 'grade', 'students', 'no_fail', 'good', 'excellent', 'problem_subjects'],
  ];

  for (const s of schools) {
    if (!open(s, y)) continue;
    const str = s.strength + drift(s, y);
    // ГИА-11
    const n11 = size(s.g11);
    for (let k = 0; k < n11; k++) {
      const id = nextId(y);
      const ability = str + normal() * 0.9;
      const ovz = chance(0.03);
      const gve = ovz && chance(0.6);
      const medal = ability > 1.3 && chance(0.7);
      const subjects = ['rus', y === 2021 || ability > -0.2 ? 'math_prof' : 'math_base'];
      if (y === 2021 && ability < -0.6) subjects.pop(); // в 2021 году ЕГЭ по математике сдавали только поступающие в вузы
      const nElect = y === 2021 ? 2 : ability > 0 ? 2 : chance(0.5) ? 1 : 0;
      while (subjects.length < 2 + nElect) {
        const e = pick(EGE_ELECTIVES);
        if (!subjects.includes(e)) subjects.push(e);
      }
      for (const subj of subjects) {
        const schoolMark = clamp(3.9 + ability * 0.7 + normal() * 0.4, 3, 5);
        if (gve) {
          if (subj !== 'rus' && !subj.startsWith('math')) continue;
          const mark = clamp(3.4 + ability * 0.6 + normal() * 0.6, 2, 5);
          ege.push([id, s.id, subj === 'rus' ? 'rus' : 'math', 'ГВЭ', 'ВТГ', undefined, undefined, mark, schoolMark, undefined, 1]);
          continue;
        }
        if (subj === 'math_base') {
          const primary = clamp(14 + ability * 3 + normal() * 3, 0, 21);
          const mark = primary >= 17 ? 5 : primary >= 12 ? 4 : primary >= 7 ? 3 : 2;
          ege.push([id, s.id, subj, 'ЕГЭ', 'ВТГ', undefined, primary, mark, schoolMark, medal ? 1 : undefined, ovz ? 1 : undefined]);
          continue;
        }
        const score = clamp(EGE_MEAN[subj] + ability * 9 + normal() * 9, 0, 100);
        ege.push([id, s.id, subj, 'ЕГЭ', 'ВТГ', score, undefined, undefined, schoolMark, medal ? 1 : undefined, ovz ? 1 : undefined]);
      }
      essay.push([id, s.id, chance(0.97 + ability * 0.01) ? 'зачёт' : 'незачёт', 1]);
    }
    // ЕГЭ выпускников прошлых лет: counted apart, never in indicators.
    if (s.g11 > 20)
      for (let k = 0; k < 2; k++)
        ege.push([
          nextId(y),
          s.id,
          'rus',
          'ЕГЭ',
          'ВПЛ',
          clamp(60 + normal() * 15, 0, 100),
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
    // retakes of the essay for those who failed
    for (const row of essay.slice(1))
      if (row[1] === s.id && row[2] === 'незачёт' && row[3] === 1 && chance(0.9))
        essay.push([row[0], s.id, chance(0.8) ? 'зачёт' : 'незачёт', 2]);

    // ГИА-9
    const n9 = size(s.g9);
    let fails9 = 0;
    for (let k = 0; k < n9; k++) {
      const id = nextId(y);
      const ability = str + normal() * 0.9;
      const ovz = chance(0.04);
      const gve = ovz && chance(0.6);
      const subjects = ['rus', 'math'];
      if (y > 2021)
        while (subjects.length < 4) {
          const e = pick(OGE_ELECTIVES);
          if (!subjects.includes(e)) subjects.push(e);
        }
      let failed = false;
      for (const subj of subjects) {
        const schoolMark = clamp(3.8 + ability * 0.7 + normal() * 0.45 + (s.id === '105' ? 0.5 : 0), 3, 5);
        if (gve) {
          if (subj !== 'rus' && subj !== 'math') continue;
          oge.push([id, s.id, subj, 'ГВЭ', undefined, clamp(3.5 + ability * 0.5 + normal() * 0.6, 2, 5), schoolMark, 1]);
          continue;
        }
        const sc = OGE[subj];
        const primary = clamp(sc[0] * (0.6 + ability * 0.14 + normal() * 0.14), 0, sc[0]);
        const mark = markOf(primary, sc);
        if (mark === 2) failed = true;
        const tasks = y === 2025 && subj === 'math' ? splitTasks(primary, ogeMathTasks) : [];
        oge.push([
          id,
          s.id,
          subj,
          'ОГЭ',
          primary,
          mark,
          schoolMark,
          ovz ? 1 : undefined,
          ...(y === 2025 ? (subj === 'math' ? tasks : ogeMathTasks.map(() => undefined)) : []),
        ]);
      }
      if (failed) fails9++;
      interview.push([id, s.id, chance(0.985) ? 'зачёт' : 'незачёт', 1]);
    }
    for (const row of interview.slice(1))
      if (row[1] === s.id && row[2] === 'незачёт' && row[3] === 1) interview.push([row[0], s.id, 'зачёт', 2]);

    // graduates
    if (n9 > 0) {
      const cert = n9 - Math.round(fails9 * 0.4);
      const cont = Math.round(cert * (s.g11 > 0 ? 0.5 : 0));
      const spo = cert - cont - Math.min(cert - cont, Math.round(rnd() * 2));
      grads.push([s.id, 9, n9, n9, cert, Math.max(0, Math.round(n9 * 0.05 * (1 + str))), n9 - cert, cont, spo, cert - cont - spo]);
    }
    if (n11 > 0)
      grads.push([
        s.id,
        11,
        n11,
        n11,
        n11 - (chance(0.2) ? 1 : 0),
        Math.max(0, Math.round(n11 * (0.06 + 0.04 * str))),
        undefined,
        undefined,
        undefined,
        undefined,
      ]);

    // ВПР, grades 4–8
    for (const g of [4, 5, 6, 7, 8]) {
      const nG = g === 4 ? size(s.g4) : s.g9 === 0 ? 0 : size(s.g9);
      const letters = nG > 30 ? ['А', 'Б'] : ['А'];
      for (let k = 0; k < nG; k++) {
        const id = nextId(y);
        const ability = str + normal() * 0.9;
        const klass = `${g}${letters[k % letters.length]}`;
        for (const subj of g === 4 ? ['rus', 'math', 'okr'] : ['rus', 'math']) {
          const sc = VPR[`${g} ${subj}`];
          // School 105 grades ВПР generously in 2024–2025: the objectivity rule flags it.
          const inflated = s.id === '105' && y >= 2024 && g === 5 ? 1.2 : 0;
          const primary = clamp(sc[0] * (0.58 + ability * 0.13 + normal() * 0.12) + inflated * sc[0] * 0.1, 0, sc[0]);
          const mark = markOf(primary, sc);
          const journal = clamp(mark + 0.2 + normal() * 0.6 + (s.id === '105' && g !== 5 ? 0.8 : 0), 2, 5);
          const tasks =
            y >= 2024 && g === 4 && subj === 'math'
              ? splitTasks(primary, vpr4MathTasks)
              : y >= 2024
                ? vpr4MathTasks.map(() => undefined)
                : [];
          vpr.push([id, s.id, subj, g, klass, primary, mark, journal, ...tasks]);
        }
      }
    }

    // diagnostic work: функциональная грамотность, grade 8, 2023–2025
    if (y >= 2023 && s.g9 > 0) {
      for (let k = 0; k < size(s.g9); k++)
        diag.push([
          nextId(y),
          s.id,
          'fg-mat',
          'Функциональная грамотность: математическая',
          8,
          undefined,
          clamp(11 + str * 3 + normal() * 3.5, 0, 20),
          20,
          7,
        ]);
    }

    // olympiad: school stage for grades 5–11, some go on
    const pool = Math.round((s.g4 + s.g9 + s.g11) * 0.8);
    for (let k = 0; k < pool; k++) {
      const id = nextId(y);
      const ability = str + normal();
      const grade = 5 + Math.floor(rnd() * 7);
      for (const subj of [pick(['rus', 'math', 'bio', 'hist', 'eng', 'soc', 'phys', 'chem', 'geo', 'lit'])]) {
        olymp.push([
          id,
          s.id,
          subj,
          grade,
          'школьный',
          ability > 1.3 ? 'победитель' : ability > 0.9 ? 'призёр' : 'участник',
          clamp(50 + ability * 15, 0, 100),
        ]);
        if (grade >= 7 && ability > 1.0) {
          const m = ability + normal() * 0.5;
          olymp.push([
            id,
            s.id,
            subj,
            grade,
            'муниципальный',
            m > 2 ? 'победитель' : m > 1.5 ? 'призёр' : 'участник',
            clamp(45 + m * 15, 0, 100),
          ]);
          if (grade >= 9 && m > 1.6) {
            const r = m + normal() * 0.5;
            olymp.push([
              id,
              s.id,
              subj,
              grade,
              'региональный',
              r > 2.6 ? 'победитель' : r > 2.1 ? 'призёр' : 'участник',
              clamp(40 + r * 15, 0, 100),
            ]);
          }
        }
      }
    }

    // internal monitoring, grades 2–11 that the school teaches
    const topGrade = s.g11 > 0 ? 11 : s.g9 > 0 ? 9 : 4;
    for (const period of ['1 полугодие', '2 полугодие'] as const) {
      for (let g = 2; g <= topGrade; g++) {
        const n = size(g <= 4 ? s.g4 : g <= 9 ? s.g9 : s.g11);
        const failing = Math.min(n, Math.max(0, Math.round(n * (0.03 - str * 0.02 + normal() * 0.01))));
        const good = Math.min(n - failing, Math.round(n * (0.45 + str * 0.12 + normal() * 0.05)));
        mon.push([
          s.id,
          period,
          g,
          n,
          n - failing,
          good,
          Math.round(good * 0.2),
          failing > 2 ? pick(['математика', 'русский язык', 'физика', 'химия', 'английский язык']) : undefined,
        ]);
      }
    }
  }

  const dir = `results/${y}`;
  write(`${dir}/ege.csv`, csv(ege));
  write(`${dir}/oge.csv`, csv(oge));
  write(`${dir}/vpr.csv`, csv(vpr));
  if (diag.length > 1) write(`${dir}/diagnostics.csv`, csv(diag));
  write(`${dir}/olympiad.csv`, csv(olymp));
  write(`${dir}/essay.csv`, csv(essay));
  write(`${dir}/interview.csv`, csv(interview));
  write(`${dir}/graduates.csv`, csv(grads));
  write(`${dir}/monitoring.csv`, csv(mon));
}

// Regional values for comparison (invented for the demo, near the municipal ones).
const region: (string | number)[][] = [['indicator', 'year', 'subject', 'grade', 'value']];
for (const y of YEARS) {
  region.push(['ege.mean', y, 'rus', '', (69.5 + (y - 2021) * 0.4).toFixed(1)]);
  region.push(['ege.mean', y, 'math_prof', '', (56 + (y - 2021) * 0.5).toFixed(1)]);
  region.push(['ege.below_min_share', y, 'rus', '', '1.2']);
  region.push(['oge.mean_mark', y, 'rus', '', '3.9']);
  region.push(['oge.mean_mark', y, 'math', '', (3.6 + (y - 2021) * 0.03).toFixed(2)]);
  region.push(['oge.fail_share', y, 'math', '', '6.5']);
  region.push(['vpr.mean_mark', y, 'rus', 4, '3.9']);
  region.push(['vpr.mean_mark', y, 'math', 4, '4.0']);
}
write('region.csv', csv(region));

write(
  'targets.csv',
  csv([
    ['indicator', 'year', 'subject', 'grade', 'target', 'direction', 'source'],
    ['ege.mean', 2026, 'rus', '', 72, '≥', 'Дорожная карта 2026–2027, п. 1.19'],
    ['ege.mean', 2026, 'math_prof', '', 60, '≥', 'Дорожная карта 2026–2027, п. 1.19'],
    ['ege.below_min_share', 2026, 'rus', '', 0.5, '≤', 'Дорожная карта 2026–2027, п. 1.19'],
    ['oge.fail_share', 2026, 'math', '', 4, '≤', 'Дорожная карта 2026–2027, п. 1.19'],
    ['vpr.quality_share', 2026, 'rus', 4, 60, '≥', 'Дорожная карта 2026–2027, п. 1.10'],
    ['interview.pass_share', 2026, '', '', 100, '≥', 'Дорожная карта 2026–2027, п. 1.12'],
    ['olymp.regional_share', 2026, '', '', 20, '≥', 'Дорожная карта 2026–2027, п. 1.20'],
  ]),
);

// Execution reports of the roadmap: quarterly, by the 5th of the next month.
const reports: (string | number)[][] = [['item', 'period', 'status', 'note', 'evidence', 'reported']];
const done = ['1.1', '1.2', '1.3', '1.5', '1.6', '1.4'];
for (const it of done) reports.push([it, '2026-Q2', 'выполнено', 'Выполнено в срок', `Приказ № ${100 + done.indexOf(it)}`, '2026-07-03']);
reports.push([
  '1.4',
  '2026-Q3',
  'выполнено',
  'План методической службы на 2026/27 учебный год утверждён',
  'Годовой план МКУ ИМЦ',
  '2026-10-05',
]);
reports.push(['1.7', '2026-Q3', 'выполняется', 'Заседание перенесено на октябрь из-за отпусков', '', '2026-10-05']);
reports.push(['1.7', '2026-Q4', 'выполнено', 'Проведено 14.10.2026', 'Протокол № 3', '2026-11-05']);
reports.push([
  '1.19',
  '2026-Q3',
  'выполнено',
  'Справка по итогам ГИА-2026 подготовлена',
  'Информационно-аналитическая справка',
  '2026-10-05',
]);
reports.push(['1.10', '2026-Q4', 'выполняется', 'ВПР проводятся по графику', '', '2026-11-05']);
reports.push(['1.9', '2026-Q3', 'выполняется', 'Созданы 6 городских методических объединений', '', '2026-10-05']);
reports.push(['2.1', '2026-Q3', 'не выполнено', 'Программа не разработана: нет специалиста', '', '2026-10-05']);
reports.push(['3.4', '2026-Q3', 'перенесено', 'Перенесено на 2027 год', '', '2026-10-05']);
reports.push(['4.4', '2026-Q4', 'выполняется', 'Конкурс «Учитель года» объявлен', 'Приказ УСП', '2026-11-05']);
write('roadmap/2026-2027.reports.csv', csv(reports));
console.log(`demo data written to ${DATA}/`);
