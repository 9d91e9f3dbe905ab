/**
 * A region-sized data folder of the shape real files come in, for
 * `npm run bench -- --region-site` and for anyone who wants to try the build
 * at scale: `node scripts/region-data.ts DIR`. 1 001 schools and 501
 * kindergartens, three years, about 1,4 million participant rows: ЕГЭ in every
 * subject of the demo (base maths with its primary score and mark) in
 * Windows-1251 with «;» and Russian headers, ОГЭ in every subject of the demo in
 * UTF-8 with BOM and task columns, ВПР grades 4–8 in every subject of the demo
 * tab-separated with task columns, the olympiad's three stages, diagnostics
 * with decimal commas; essays, graduates, monitoring, the mechanisms' values
 * of schools and kindergartens (pooled municipal shares) and the schools'
 * social passports (context.csv) leaning on their results. Seeded: the same
 * folder every time.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomLcg, randomNormal } from 'd3';
import { clamp } from './demo/random.ts';
import { markOf, OGE as DEMO_OGE, VPR as DEMO_VPR } from './demo/scales.ts';

const ROOT = join(import.meta.dirname, '..');

/** Windows-1251, as Excel on a Russian Windows saves CSV. */
function cp1251(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1251');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(dec.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => map.get(ch) ?? 63));
}

type Scale = [number, number, number, number];
const only = (all: Record<string, Scale>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, all[k]]));

/**
 * ОГЭ and ВПР scales of the generated data: every ОГЭ subject of the demo, and ВПР grades 4–8 in every subject of
 * the demo — a real municipality has them all, and the budget the bench guards must be the one a region needs.
 */
export const OGE = DEMO_OGE;
export const VPR = only(
  DEMO_VPR,
  Object.keys(DEMO_VPR).filter((k) => Number(k.split(' ')[0]) <= 8),
);
/** Every ЕГЭ subject of the demo, as shown in Russian in the file (the reader takes names as codes). */
const EGE_SUBJECTS = [
  'Русский язык',
  'Математика (профильный уровень)',
  'Математика (базовый уровень)',
  'Физика',
  'Химия',
  'Информатика',
  'Биология',
  'История',
  'География',
  'Обществознание',
  'Литература',
  'Английский язык',
];
const EGE_ELECTIVES = EGE_SUBJECTS.slice(3);
const OGE_ELECTIVES = Object.keys(DEMO_OGE).filter((k) => k !== 'rus' && k !== 'math');
const OLYMPIAD_SUBJECTS = ['rus', 'math', 'bio', 'hist', 'eng', 'soc', 'phys', 'chem', 'geo', 'lit'];

const OGE_MATH_TASKS = 25;
const VPR_MATH_TASKS = 12;

/** A data folder for a region: the shipped reference books and a site.yaml naming it. */
export function regionFolder(dir: string): void {
  mkdirSync(join(dir, 'reference'), { recursive: true });
  for (const f of ['subjects.csv', 'scales.csv', 'ege-marks.csv']) copyFileSync(join(ROOT, 'data/reference', f), join(dir, 'reference', f));
  writeFileSync(
    join(dir, 'site.yaml'),
    'municipality:\n  name: Регион для замера\n  genitive: региона для замера\n  region: Регион\ndepartment:\n  name: Министерство образования\nimc:\n  name: Центр оценки качества образования\n',
  );
}

export function regionData(dir: string, opts: { schools?: number; years?: number[] } = {}): number {
  const schools = opts.schools ?? 1001;
  const years = opts.years ?? [2023, 2024, 2025];
  const rnd = randomLcg(20261123);
  const normal = randomNormal.source(rnd)(0, 1);
  // The passports draw from a stream of their own, so that the participants' files stay as they were.
  const ctxRnd = randomLcg(20261201);
  const ctxNormal = randomNormal.source(ctxRnd)(0, 1);
  regionFolder(dir);
  const ids = Array.from({ length: schools }, (_, i) => String(100000 + i));
  // A kindergarten for every two schools: the preschool indicators of the mechanisms are given for each.
  const gardens = Array.from({ length: Math.ceil(schools / 2) }, (_, i) => String(300000 + i));
  writeFileSync(
    join(dir, 'schools.csv'),
    cp1251(
      'Код ОО;Краткое наименование;Тип\r\n' +
        ids.map((id, i) => `${id};Школа № ${i + 1};${i % 7 === 0 ? 'гимназия' : 'СОШ'}`).join('\r\n') +
        '\r\n' +
        gardens.map((id, i) => `${id};Детский сад № ${i + 1};ДОУ`).join('\r\n') +
        '\r\n',
    ),
  );
  const tasks = ['year,procedure,subject,grade,task,max_score,level,skill'];
  for (const y of years) {
    for (let t = 1; t <= OGE_MATH_TASKS; t++)
      tasks.push(`${y},oge,math,,${t},${t > 19 ? 2 : 1},${t > 19 ? 'повышенный' : 'базовый'},Умение ${t}`);
    for (const g of [4, 5])
      for (let t = 1; t <= VPR_MATH_TASKS; t++)
        tasks.push(`${y},vpr,math,${g},${t},${t > 10 ? 2 : 1},${t > 10 ? 'повышенный' : 'базовый'},Умение ${t}`);
  }
  writeFileSync(join(dir, 'reference', 'tasks.csv'), tasks.join('\n') + '\n');
  const ogeMathTasks = Array.from({ length: OGE_MATH_TASKS }, (_, i) => `Задание ${i + 1}`);
  const vprMathTasks = Array.from({ length: VPR_MATH_TASKS }, (_, i) => `task_${i + 1}`);
  let rows = 0;
  let pid = 0;
  for (const y of years) {
    const out = join(dir, 'results', String(y));
    mkdirSync(out, { recursive: true });
    const ege = ['Код участника;Код ОО;Предмет;Тестовый балл;Отметка в аттестате;Первичный балл;Отметка'];
    const oge = [['participant_id', 'school_id', 'subject', 'primary_score', 'mark', 'school_mark', ...ogeMathTasks].join(',')];
    const vpr = [
      ['Код участника', 'Код ОО', 'Предмет', 'Параллель', 'Первичный балл', 'Отметка', 'Отметка по журналу', ...vprMathTasks].join('\t'),
    ];
    const diag = ['Код участника;Код ОО;Работа;Класс;Первичный балл;Максимальный балл;Минимальный балл'];
    const essay = ['participant_id,school_id,result,attempt'];
    const grads = ['school_id,grade,students,certificates,not_continuing'];
    const mon = ['school_id,period,grade,students,no_fail,good'];
    const passport = ['Код ОО;Обучающихся;Хотя бы один родитель с высшим образованием;Из малоимущих семей;Русский язык не родной;С ОВЗ'];
    const olymp = ['Код участника;Код ОО;Предмет;Класс;Этап;Статус;Балл'];
    const mech = ['indicator,school_id,numerator,denominator,value,comment'];
    for (const g of gardens) {
      const teachers = 8 + Math.floor(rnd() * 30);
      mech.push(`doo_teachers_higher_ed,${g},${Math.round(teachers * (0.4 + 0.3 * rnd()))},${teachers},,`);
      mech.push(`doo_teachers_category,${g},${Math.round(teachers * (0.5 + 0.3 * rnd()))},${teachers},,`);
    }
    mech.push(`parent_consultation_centres,,,,${20 + Math.floor(rnd() * 10)},`, 'intersectoral_documents,,,,да,');
    for (const s of ids) {
      const str = normal() * 0.4;
      // Conditions explain part of a school's strength: about half of its spread.
      const c = 1.2 * str + 0.6 * ctxNormal();
      const students = 400 + Math.round(600 * ctxRnd());
      const count = (share: number) => Math.round((students * clamp(share, 0.5, 95)) / 100);
      passport.push([s, students, count(48 + 14 * c), count(11 - 5 * c), count(5 - 3.5 * c), count(3 - c)].join(';'));
      mech.push(`children_in_clubs,${s},${Math.round(students * (0.5 + 0.2 * rnd()))},${students},,`);
      mech.push(`contest_participants,${s},${Math.round(students * (0.15 + 0.1 * rnd()))},${students},,`);
      for (let k = 0; k < 20; k++) {
        const p = `E${++pid}`;
        const pick = () => EGE_ELECTIVES[Math.floor(rnd() * EGE_ELECTIVES.length)];
        const electives = [...new Set([pick(), pick()])];
        for (const subj of [
          'Русский язык',
          rnd() < 0.6 ? 'Математика (профильный уровень)' : 'Математика (базовый уровень)',
          ...electives,
        ]) {
          const schoolMark = clamp(4 + str + normal() * 0.7, 2, 5);
          if (subj.includes('базовый')) {
            // Base maths has a primary score (0–21) and a mark, no test score.
            const primary = clamp(14 + 4 * (str + normal()), 0, 21);
            ege.push(`${p};${s};${subj};;${schoolMark};${primary};${primary >= 17 ? 5 : primary >= 12 ? 4 : primary >= 7 ? 3 : 2}`);
          } else ege.push(`${p};${s};${subj};${clamp(62 + 14 * (str + normal()), 0, 100)};${schoolMark};;`);
        }
        essay.push(`${p},${s},${rnd() < 0.97 ? 'зачёт' : 'незачёт'},1`);
      }
      for (let k = 0; k < 40; k++) {
        const p = `O${++pid}`;
        const pick = () => OGE_ELECTIVES[Math.floor(rnd() * OGE_ELECTIVES.length)];
        for (const subj of ['rus', 'math', ...new Set([pick(), pick()])]) {
          const sc = OGE[subj];
          const v = clamp(sc[0] * (0.6 + 0.15 * (str + normal())), 0, sc[0]);
          const m = markOf(v, sc);
          const t =
            subj === 'math'
              ? Array.from({ length: OGE_MATH_TASKS }, (_, i) =>
                  String(rnd() < v / sc[0] ? (i > 18 ? clamp(rnd() * 2 + 0.3, 0, 2) : 1) : 0),
                )
              : Array(OGE_MATH_TASKS).fill('');
          oge.push([p, s, subj, v, m, clamp(m + normal() * 0.6, 2, 5), ...t].join(','));
        }
      }
      for (const [gs, sc] of Object.entries(VPR)) {
        const [g, subj] = gs.split(' ');
        for (let k = 0; k < 16; k++) {
          const v = clamp(sc[0] * (0.6 + 0.15 * (str + normal())), 0, sc[0]);
          const m = markOf(v, sc);
          const t =
            subj === 'math' && (g === '4' || g === '5')
              ? Array.from({ length: VPR_MATH_TASKS }, (_, i) => String(rnd() < v / sc[0] ? (i > 9 ? clamp(rnd() * 2 + 0.3, 0, 2) : 1) : 0))
              : Array(VPR_MATH_TASKS).fill('');
          vpr.push([`V${++pid}`, s, subj, g, v, m, clamp(m + normal() * 0.6, 2, 5), ...t].join('\t'));
        }
      }
      // The olympiad: a school stage in every subject, the strongest go on to the municipal and regional ones.
      for (let k = 0; k < 30; k++) {
        const p = `L${++pid}`;
        const subj = OLYMPIAD_SUBJECTS[Math.floor(rnd() * OLYMPIAD_SUBJECTS.length)];
        const grade = 5 + Math.floor(rnd() * 7);
        const a = str + normal();
        const status = (x: number, win: number, prize: number) => (x > win ? 'победитель' : x > prize ? 'призёр' : 'участник');
        olymp.push(`${p};${s};${subj};${grade};школьный;${status(a, 1.3, 0.9)};${clamp(50 + a * 15, 0, 100)}`);
        if (grade >= 7 && a > 1) olymp.push(`${p};${s};${subj};${grade};муниципальный;${status(a, 2, 1.5)};${clamp(45 + a * 15, 0, 100)}`);
        if (grade >= 9 && a > 1.6)
          olymp.push(`${p};${s};${subj};${grade};региональный;${status(a, 2.6, 2.1)};${clamp(40 + a * 15, 0, 100)}`);
      }
      for (let k = 0; k < 10; k++)
        diag.push(
          `D${++pid};${s};fg-mat;8;${(clamp(12 + 4 * (str + normal()), 0, 19) + (rnd() < 0.5 ? 0.5 : 0)).toFixed(1).replace('.', ',')};20;7`,
        );
      grads.push(`${s},9,45,${44 - (rnd() < 0.3 ? 1 : 0)},${rnd() < 0.2 ? 1 : 0}`, `${s},11,20,20,`);
      for (const period of ['1 полугодие', '2 полугодие'])
        for (let g = 2; g <= 11; g++)
          mon.push(`${s},${period},${g},50,${49 - (rnd() < 0.3 ? 1 : 0)},${clamp(25 + 10 * str + normal() * 3, 0, 48)}`);
    }
    writeFileSync(join(out, 'ege.csv'), cp1251(ege.join('\r\n') + '\r\n'));
    writeFileSync(join(out, 'oge.csv'), '\ufeff' + oge.join('\n') + '\n');
    writeFileSync(join(out, 'vpr.csv'), vpr.join('\n') + '\n');
    writeFileSync(join(out, 'diagnostics.csv'), cp1251(diag.join('\r\n') + '\r\n'));
    writeFileSync(join(out, 'essay.csv'), essay.join('\n') + '\n');
    writeFileSync(join(out, 'graduates.csv'), grads.join('\n') + '\n');
    writeFileSync(join(out, 'monitoring.csv'), mon.join('\n') + '\n');
    writeFileSync(join(out, 'context.csv'), cp1251(passport.join('\r\n') + '\r\n'));
    writeFileSync(join(out, 'olympiad.csv'), cp1251(olymp.join('\r\n') + '\r\n'));
    writeFileSync(join(out, 'mechanisms.csv'), mech.join('\n') + '\n');
    rows += ege.length + oge.length + vpr.length + diag.length + essay.length + olymp.length - 6;
  }
  return rows;
}

if (import.meta.main) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Укажите папку: node scripts/region-data.ts ПАПКА');
    process.exit(1);
  }
  console.log(`Данные региона записаны в ${dir}: ${regionData(dir).toLocaleString('ru-RU')} строк участников.`);
}
