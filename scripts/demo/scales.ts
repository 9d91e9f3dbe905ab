/** Scales, subjects chosen and the task catalogue of the demo (the same numbers as the shipped reference). */
import { mulberry32, normal } from './random.ts';

// --- scales (the same numbers as data/reference/scales.csv)
export const OGE: Record<string, [number, number, number, number]> = {
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
export const VPR: Record<string, [number, number, number, number]> = {
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
export const markOf = (score: number, [, m3, m4, m5]: [number, number, number, number]) =>
  score >= m5 ? 5 : score >= m4 ? 4 : score >= m3 ? 3 : 2;
export const EGE_MEAN: Record<string, number> = {
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
export const EGE_ELECTIVES = ['soc', 'soc', 'phys', 'inf', 'bio', 'chem', 'hist', 'eng', 'geo', 'lit'];
export const OGE_ELECTIVES = ['soc', 'soc', 'inf', 'inf', 'geo', 'bio', 'chem', 'phys', 'eng', 'hist'];

// --- task catalogue: ОГЭ maths 2025 (25 tasks) and ВПР maths grade 4 in 2024–2025 (12 tasks)
export const ogeMathTasks = Array.from({ length: 25 }, (_, i) => ({ task: String(i + 1), max: i < 19 ? 1 : 2 }));
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
export const vpr4MathTasks = [1, 1, 2, 1, 2, 2, 1, 1, 2, 2, 2, 3].map((max, i) => ({ task: String(i + 1), max }));
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
export const taskRows: (string | number)[][] = [['year', 'procedure', 'subject', 'grade', 'task', 'max_score', 'level', 'skill']];
ogeMathTasks.forEach((t, i) =>
  taskRows.push([2025, 'oge', 'math', '', t.task, t.max, i < 19 ? 'базовый' : i < 22 ? 'повышенный' : 'высокий', OGE_SKILLS[i]]),
);
for (const y of [2024, 2025])
  vpr4MathTasks.forEach((t, i) =>
    taskRows.push([y, 'vpr', 'math', 4, t.task, t.max, i === 11 ? 'высокий' : i >= 8 ? 'повышенный' : 'базовый', VPR4_SKILLS[i]]),
  );

/** Splits a total score into task scores that add up to it, each within its maximum. */
export function splitTasks(total: number, tasks: { max: number }[], noise: () => number = normal): number[] {
  const out = tasks.map(() => 0);
  let left = total;
  // Earlier (easier) tasks are solved first, with some noise.
  const order = tasks.map((_, i) => ({ i, key: i + noise() * 4 })).sort((a, b) => a.key - b.key);
  for (const { i } of order) {
    if (left <= 0) break;
    const give = Math.min(tasks[i].max, left);
    out[i] = give;
    left -= give;
  }
  return out;
}

// --- 2025 task catalogues of the subject analysis (spec §14), modelled on the КИМ specifications: ЕГЭ Russian
// (26 short answers and the essay, 50 points), ЕГЭ profile maths (12 short answers and 7 extended, 32 points),
// ОГЭ Russian (the summary, 7 short answers, the essay and literacy, 33 points). Drawn from a stream of their own.
const taskRnd = mulberry32(20261203);
/** A normal draw of the task stream: the demo's other numbers stay as they were. */
export const taskNoise = () => Math.sqrt(-2 * Math.log(1 - taskRnd())) * Math.cos(2 * Math.PI * taskRnd());
export const egeRusTasks = [...Array.from({ length: 26 }, () => 1), 24].map((max, i) => ({ task: String(i + 1), max }));
export const egeMathTasks = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 2, 2, 3, 4, 4].map((max, i) => ({ task: String(i + 1), max }));
export const ogeRusTasks = [7, 1, 1, 1, 1, 1, 1, 1, 9, 10].map((max, i) => ({ task: String(i + 1), max }));
/** Test score → a primary score on the task scale (a plausible stand-in for the official conversion). */
export const primaryOf = (score: number, tasks: { max: number }[]) => Math.round((score / 100) * tasks.reduce((a, t) => a + t.max, 0));
const EGE_RUS_SKILLS = [
  'Информационная обработка текста',
  'Лексическое значение слова',
  'Стилистический анализ текста',
  'Орфоэпические нормы',
  'Лексические нормы (паронимы)',
  'Лексические нормы',
  'Морфологические нормы',
  'Синтаксические нормы',
  'Правописание корней',
  'Правописание приставок',
  'Правописание суффиксов',
  'Правописание личных окончаний глаголов и суффиксов причастий',
  'Правописание НЕ и НИ',
  'Слитное, дефисное, раздельное написание слов',
  'Правописание Н и НН',
  'Пунктуация в сложносочинённом предложении и при однородных членах',
  'Знаки препинания при обособленных членах',
  'Знаки препинания при вводных словах и обращениях',
  'Знаки препинания в сложноподчинённом предложении',
  'Знаки препинания в сложном предложении с разными видами связи',
  'Пунктуационный анализ',
  'Смысловая и композиционная целостность текста',
  'Функционально-смысловые типы речи',
  'Лексическое значение слова в тексте',
  'Средства связи предложений в тексте',
  'Языковые средства выразительности',
  'Сочинение по исходному тексту',
];
const EGE_MATH_SKILLS = [
  'Планиметрия',
  'Векторы',
  'Стереометрия',
  'Начала теории вероятностей',
  'Вероятности сложных событий',
  'Простейшие уравнения',
  'Вычисления и преобразования',
  'Производная и первообразная',
  'Задачи с прикладным содержанием',
  'Текстовые задачи',
  'Графики функций',
  'Наибольшее и наименьшее значение функции',
  'Уравнения (развёрнутый ответ)',
  'Стереометрическая задача',
  'Неравенства',
  'Экономическая задача',
  'Планиметрическая задача',
  'Задача с параметром',
  'Числа и их свойства',
];
const OGE_RUS_SKILLS = [
  'Сжатое изложение',
  'Синтаксический анализ',
  'Пунктуационный анализ',
  'Синтаксический анализ словосочетания',
  'Орфографический анализ',
  'Анализ содержания текста',
  'Анализ средств выразительности',
  'Лексический анализ',
  'Сочинение-рассуждение',
  'Грамотность (орфография, пунктуация, грамматика, речь)',
];
egeRusTasks.forEach((t, i) =>
  taskRows.push([
    2025,
    'ege',
    'rus',
    '',
    t.task,
    t.max,
    i === 26 ? 'высокий' : [7, 20, 25].includes(i) ? 'повышенный' : 'базовый',
    EGE_RUS_SKILLS[i],
  ]),
);
egeMathTasks.forEach((t, i) =>
  taskRows.push([2025, 'ege', 'math_prof', '', t.task, t.max, i < 12 ? 'базовый' : i < 17 ? 'повышенный' : 'высокий', EGE_MATH_SKILLS[i]]),
);
ogeRusTasks.forEach((t, i) =>
  taskRows.push([2025, 'oge', 'rus', '', t.task, t.max, i === 0 || i === 8 ? 'повышенный' : 'базовый', OGE_RUS_SKILLS[i]]),
);
