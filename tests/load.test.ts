import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/lib/data/issues.ts';
import { loadData } from '../src/lib/data/load.ts';
import { csv, makeData, SCHOOLS, toCp1251 } from './helpers/fixture.ts';

const errors = (dir: string) => loadData(dir).log.errors;

describe('reading every dialect', () => {
  it('reads a Windows-1251 file with ;, decimal commas, Russian headers and subject names', () => {
    const ege =
      'Код участника;Код ОО;Предмет;Категория;Тестовый балл;Форма\r\n1;A;Русский язык;ВТГ;72;ЕГЭ\r\n2;A;Математика профильная;ВТГ;64;\r\n';
    const diag = 'Код участника;Код ОО;Работа;Класс;Первичный балл;Максимальный балл;Минимальный балл\r\n1;A;fg;8;12,5;20;7\r\n';
    const dir = makeData({
      'schools.csv': toCp1251('Код ОО;Краткое наименование;Закрыта с\r\nA;Школа «А»;\r\nB;Школа Б;2023\r\n'),
      'results/2025/ege.csv': toCp1251(ege),
      'results/2025/diagnostics.csv': toCp1251(diag),
    });
    const { data, log } = loadData(dir);
    expect(log.errors).toEqual([]);
    expect(data.schools.map((s) => [s.school_id, s.name, s.closed])).toEqual([
      ['A', 'Школа «А»', undefined],
      ['B', 'Школа Б', 2023],
    ]);
    const rows = data.years.get(2025)!.ege!;
    expect(rows.map((r) => [r.subject, r.test_score, r.form, r.category])).toEqual([
      ['rus', 72, 'ЕГЭ', 'ВТГ'],
      ['math_prof', 64, 'ЕГЭ', 'ВТГ'],
    ]);
    expect(data.years.get(2025)!.diagnostics![0].primary_score).toBe(12.5);
    expect(data.sources.find((s) => s.path === 'results/2025/ege.csv')?.encoding).toBe('windows-1251');
  });

  it('reads UTF-8 with BOM, tabs, booleans in every spelling and ё/е in headers', () => {
    const oge =
      '\ufeffКод участника\tКод школы\tПредмет\tПервичный балл\tОценка\tОВЗ\n1\tA\tрусский\t30\t5\tда\n2\tA\tmath\t20\t4\t+\n3\tA\tmath\t5\t2\t\n4\tA\tРусский язык\t16\t3\tнет\n';
    const dir = makeData({ 'schools.csv': SCHOOLS, 'results/2024/oge.csv': oge });
    const { data, log } = loadData(dir);
    expect(log.errors).toEqual([]);
    expect(data.years.get(2024)!.oge!.map((r) => [r.subject, r.ovz ?? false, r.form])).toEqual([
      ['rus', true, 'ОГЭ'],
      ['math', true, 'ОГЭ'],
      ['math', false, 'ОГЭ'],
      ['rus', false, 'ОГЭ'],
    ]);
  });

  it('takes «Класс» with letters as the class when a grade column is present, and as the grade otherwise', () => {
    const a = 'participant_id,school_id,subject,Параллель,Класс,primary_score,mark\n1,A,rus,4,4А,30,4\n';
    const b = 'participant_id,school_id,subject,Класс,primary_score,mark\n1,A,rus,4,30,4\n';
    const da = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/vpr.csv': a })).data.years.get(2025)!.vpr![0];
    const db = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/vpr.csv': b })).data.years.get(2025)!.vpr![0];
    expect([da.grade, da.class]).toEqual([4, '4А']);
    expect([db.grade, db.class]).toEqual([4, undefined]);
  });

  it('reads task columns as `task_3_1` and «Задание 3.1»', () => {
    const v = 'participant_id,school_id,subject,grade,primary_score,mark,task_1,Задание 2.1\n1,A,math,4,3,2,1,2\n';
    const tasks =
      'year,procedure,subject,grade,task,max_score,level,skill\n2025,vpr,math,4,1,1,базовый,x\n2025,vpr,math,4,2.1,2,повышенный,y\n';
    const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/vpr.csv': v, 'reference/tasks.csv': tasks }));
    expect(log.errors).toEqual([]);
    expect(data.years.get(2025)!.vpr![0].tasks).toEqual({ '1': 1, '2.1': 2 });
  });
});

describe('files from Excel that are not what they seem', () => {
  it('reads «Текст в Юникоде» (UTF-16 with a BOM, tabs)', () => {
    const text = 'participant_id\tschool_id\tresult\n1\tA\tзачёт\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/essay.csv': bytes }));
    expect(log.errors).toEqual([]);
    expect(data.years.get(2025)!.essay![0]).toMatchObject({ participant_id: '1', result: 'зачёт', attempt: 1 });
  });
  it('says so when an Excel workbook is saved under a .csv name', () => {
    const e = errors(makeData({ 'schools.csv': SCHOOLS, 'results/2025/essay.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }));
    expect(e).toHaveLength(1);
    expect(e[0].file).toBe('results/2025/essay.csv');
    expect(e[0].message).toContain('книга Excel');
  });
});

describe('errors name the file, the line and the column, in Russian', () => {
  const ege = (rows: string[][]) => csv([['participant_id', 'school_id', 'subject', 'test_score'], ...rows]);

  it('refuses a personal-data column before reading any row', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': 'participant_id,ФИО,school_id,subject,test_score\n1,Иванов Иван,A,rus,abc\n',
    });
    const e = errors(dir);
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: 'results/2025/ege.csv', line: 1, column: 'ФИО' });
    expect(formatIssue(e[0])).toContain('персональные данные');
  });

  it('reports an out-of-range score with what was found and expected', () => {
    const e = errors(
      makeData({
        'schools.csv': SCHOOLS,
        'results/2025/ege.csv': ege([
          ['1', 'A', 'rus', '70'],
          ['2', 'A', 'rus', '101'],
        ]),
      }),
    );
    expect(e).toHaveLength(1);
    expect(formatIssue(e[0])).toBe(
      'data/results/2025/ege.csv, строка 3, столбец «test_score»: Значение не подходит. Найдено: «101». Ожидалось: целое число от 0 до 100.',
    );
  });

  it('reports an unknown school and suggests the closest code', () => {
    const dir = makeData({
      'schools.csv': 'school_id,name\nS101,Гимназия\nS102,Лицей\n',
      'results/2025/ege.csv': ege([['1', 'S1O1', 'rus', '70']]),
    });
    const e = errors(dir);
    expect(e[0]).toMatchObject({ file: 'results/2025/ege.csv', line: 2, column: 'school_id', found: 'S1O1' });
    expect(e[0].message).toContain('«S101»');
  });

  it('takes a letter typed for a digit as the digit in its hint', () => {
    const dir = makeData({
      'schools.csv': 'school_id,name\n101,Гимназия\n103,СОШ\n',
      'results/2025/ege.csv': ege([['1', '10З', 'rus', '70']]),
    });
    expect(errors(dir)[0].message).toContain('«103»');
  });

  it('reports a duplicate participant and subject with the line of the first one', () => {
    const e = errors(
      makeData({
        'schools.csv': SCHOOLS,
        'results/2025/ege.csv': ege([
          ['1', 'A', 'rus', '70'],
          ['2', 'A', 'rus', '60'],
          ['1', 'A', 'Русский язык', '71'],
        ]),
      }),
    );
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: 'results/2025/ege.csv', line: 4 });
    expect(e[0].message).toContain('строке 2');
  });

  it('reports errors of two files in one run', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': ege([['1', 'A', 'rus', '-5']]),
      'results/2025/oge.csv': csv([
        ['participant_id', 'school_id', 'subject', 'primary_score', 'mark'],
        ['1', 'A', 'Химмия', '10', '3'],
      ]),
    });
    const files = errors(dir).map((i) => `${i.file}:${i.line}`);
    expect(files).toEqual(['results/2025/ege.csv:2', 'results/2025/oge.csv:2']);
  });

  it('names a missing required column', () => {
    const e = errors(
      makeData({
        'schools.csv': SCHOOLS,
        'results/2025/oge.csv': csv([
          ['participant_id', 'school_id', 'subject', 'primary_score'],
          ['1', 'A', 'rus', '20'],
        ]),
      }),
    );
    expect(e[0]).toMatchObject({ file: 'results/2025/oge.csv', line: 1 });
    expect(e[0].message).toContain('«mark»');
  });

  it('uses the shipped reference data when the data folder has none, and adds rows of its own', () => {
    const noRef = loadData(
      makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.csv': ege([['1', 'A', 'rus', '70']]) }, { reference: false }),
    );
    expect(noRef.log.errors).toEqual([]);
    expect(noRef.data.scales.some((x) => x.year === 2025 && x.subject === 'rus')).toBe(true);
    const oneRow = 'year,procedure,subject,grade,max_score,min_score\n2030,ege,rus,,100,24\n';
    const added = loadData(
      makeData(
        { 'schools.csv': SCHOOLS, 'reference/scales.csv': oneRow, 'results/2030/ege.csv': ege([['1', 'A', 'rus', '70']]) },
        { reference: false },
      ),
    );
    expect(added.log.errors).toEqual([]);
    expect(added.data.scales.filter((x) => x.subject === 'rus' && x.procedure === 'ege').map((x) => x.year)).toContain(2021);
  });

  it('names all missing task descriptions of a work in one message', () => {
    const v =
      'participant_id,school_id,subject,grade,primary_score,mark,task_1,task_2,task_3\n1,A,math,4,3,2,1,1,1\n2,A,math,4,3,2,1,1,1\n';
    const e = errors(makeData({ 'schools.csv': SCHOOLS, 'results/2025/vpr.csv': v }));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ file: 'reference/tasks.csv' });
    expect(e[0].message).toContain('заданий 1, 2, 3 (2025, vpr, math, 4 класс)');
    expect(e[0].message).toContain('data/results/2025/vpr.csv, строка 2');
  });

  it('names the reference row to add when a year is missing from scales.csv', () => {
    const e = errors(makeData({ 'schools.csv': SCHOOLS, 'results/2030/ege.csv': ege([['1', 'A', 'rus', '70']]) }));
    expect(e[0].file).toBe('reference/scales.csv');
    expect(e[0].message).toContain('2030');
    expect(e[0].expected).toContain('2030,ege,rus');
  });

  it('reports counts that exceed the number of graduates', () => {
    const g = csv([
      ['school_id', 'grade', 'students', 'certificates'],
      ['A', '9', '20', '21'],
    ]);
    const e = errors(makeData({ 'schools.csv': SCHOOLS, 'results/2025/graduates.csv': g }));
    expect(e[0]).toMatchObject({ file: 'results/2025/graduates.csv', line: 2, column: 'certificates', found: '21' });
  });

  it('warns, without stopping, when a mark does not match the scale', () => {
    const o = csv([
      ['participant_id', 'school_id', 'subject', 'primary_score', 'mark'],
      ['1', 'A', 'rus', '30', '3'],
    ]);
    const { log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/oge.csv': o }));
    expect(log.errors).toEqual([]);
    expect(log.warnings[0]).toMatchObject({ file: 'results/2025/oge.csv', line: 2, column: 'mark', found: '3' });
  });

  it('reports a broken site.yaml key', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'site.yaml':
        'municipality:\n  name: X\n  genitive: X\n  region: X\ndepartment:\n  name: D\nimc:\n  name: I\nprivacy:\n  min_group: пять\n',
    });
    expect(errors(dir)[0]).toMatchObject({ file: 'site.yaml', column: 'privacy.min_group' });
  });

  it('reads a roadmap as the document has it: «;», Windows-1251, section headings as rows', () => {
    const rm =
      [
        '№ п/п;Основные направления деятельности;Сроки реализации;Ответственные исполнители',
        '1.;Мониторинг качества обучения - уровень образовательной подготовки обучающихся (внешняя оценка);;',
        '1.1.;Анализ результатов ОГЭ-9 с учетом количества обучающихся, оставленных на повторное обучение;По итогам учебного года;управление образования, общеобразовательные организации',
        '1.2.;Анализ результатов ОГЭ в ОО с высокими и с низкими результатами ОГЭ;июль 2022;управление образования',
        '2.;Мониторинг качества преподавания;;',
        '2.1.;Мониторинг профессиональных дефицитов;;управление образования',
      ].join('\r\n') + '\r\n';
    const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'roadmap/2021-2022.csv': toCp1251(rm) }));
    expect(data.roadmaps[0].items.map((i) => [i.item, i.section])).toEqual([
      ['1.1', 'Мониторинг качества обучения - уровень образовательной подготовки обучающихся (внешняя оценка)'],
      ['1.2', 'Мониторинг качества обучения - уровень образовательной подготовки обучающихся (внешняя оценка)'],
      ['2.1', 'Мониторинг качества преподавания'],
    ]);
    expect(log.errors).toHaveLength(1);
    expect(formatIssue(log.errors[0])).toContain('data/roadmap/2021-2022.csv, строка 6, столбец «Сроки реализации»: Пустое значение');
  });

  it('accepts every canonical name of a roadmap and checks report items', () => {
    const rm = csv([
      ['item', 'section', 'direction', 'title', 'responsible', 'deadline'],
      ['1.1', 'Раздел', 'Самоопределение и профессиональная', 'Мероприятие', 'ИМЦ', 'Май 2026'],
    ]);
    const rep = csv([
      ['item', 'period', 'status'],
      ['1.2', '2026-Q2', 'выполнено'],
    ]);
    const { data, log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'roadmap/2026.csv': rm, 'roadmap/2026.reports.csv': rep }));
    expect(data.roadmaps[0].items[0].direction).toBe(4);
    expect(log.errors[0]).toMatchObject({ file: 'roadmap/2026.reports.csv', line: 2, column: 'item', found: '1.2' });
  });
});

describe('risk settings in site.yaml', () => {
  const yaml = (risks: string) =>
    `municipality:\n  name: Р\n  genitive: Р\n  region: Р\ndepartment:\n  name: О\nimc:\n  name: И\nrisks:\n${risks}`;
  it('rejects a false discovery rate outside 0…1 in Russian, naming the key and what is expected', () => {
    const [e] = errors(makeData({ 'schools.csv': SCHOOLS, 'site.yaml': yaml('  fdr: 1.5\n') }));
    const text = formatIssue(e);
    expect(text).toContain('risks.fdr');
    expect(text).toMatch(/Слишком большое значение/);
    expect(text).toContain('например 0.1');
    expect(text).toContain('1.5');
  });
  it('names a retired key (the old ВПР thresholds) and says what replaced it', () => {
    const [e] = errors(makeData({ 'schools.csv': SCHOOLS, 'site.yaml': yaml('  raised_share: 25\n') }));
    const text = formatIssue(e);
    expect(text).toContain('raised_share');
    expect(text).toContain('objectivity_gap');
  });
  it('accepts the new keys', () => {
    expect(
      errors(makeData({ 'schools.csv': SCHOOLS, 'site.yaml': yaml('  fdr: 0.05\n  min_effect: 0.3\n  objectivity_gap: 15\n') })),
    ).toEqual([]);
  });
});
