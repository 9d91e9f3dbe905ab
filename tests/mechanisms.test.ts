/** The mechanisms' indicators (data format §5.6, indicators spec §15) on a small municipality written by hand. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/issues.ts';
import { buildModel } from '../src/lib/model/build.ts';
import { setModel } from '../src/lib/model/handoff.ts';
import { openDataFiles } from '../src/lib/opendata/write.ts';
import { mechanismFacts } from '../src/lib/reports/mechanisms.ts';
import { mechanismSeries } from '../src/lib/figures/mechanisms.ts';
import { kindergartenPage, kindergartensPage, mechanismPage, schoolMechanisms } from '../src/lib/views/routes/mechanisms.ts';
import { schoolsPage } from '../src/lib/views/routes/schools.ts';
import { factChange, factText, toneOf, direction } from '../src/lib/words/facts.ts';
import { isKindergarten } from '../src/lib/data/mechanisms.ts';
import { describeChange } from '../src/lib/releases/changes.ts';
import { csv, makeData, toCp1251 } from './helpers/fixture.ts';
import { toWorkbook } from './helpers/workbook.ts';

const SCHOOLS = csv([
  ['school_id', 'name', 'kind'],
  ['A', 'Школа А', 'СОШ'],
  ['B', 'Школа Б', 'гимназия'],
  ['K1', 'Детский сад № 1', 'ДОУ'],
  ['K2', 'Детский сад № 2 (малый)', 'детский сад'],
]);
// An indicator the ИМЦ adds to the book, by the mechanism's Russian name.
const BOOK = csv([
  ['id', 'mechanism', 'code', 'name', 'unit', 'better', 'level', 'method', 'source'],
  [
    'volunteers',
    'Организация воспитания',
    '3.9',
    'Доля обучающихся-волонтёров',
    'процент',
    'выше',
    'муниципалитет|организация',
    'Волонтёры / обучающиеся × 100',
    'Муниципальная программа',
  ],
]);
/** mechanisms.csv as Excel on a Russian Windows saves it: Windows-1251, «;», Russian headers. */
const excel = (rows: (string | number | undefined)[][]) =>
  toCp1251(
    ['Показатель;Код ОО;Числитель;Знаменатель;Значение;Примечание', ...rows.map((r) => r.map((c) => c ?? '').join(';'))].join('\r\n') +
      '\r\n',
  );
const FILES = {
  'schools.csv': SCHOOLS,
  'reference/mechanism-indicators.csv': BOOK,
  'results/2024/mechanisms.csv': excel([
    ['volunteers', '', 30, 180],
    ['2.1', '', '', '', 3],
    ['Д1.2', 'K1', 8, 12],
    ['Д1.2', 'K2', 2, 4],
    ['1.1', '', '', '', 'нет'],
  ]),
  'results/2025/mechanisms.csv': excel([
    ['volunteers', 'A', 30, 120],
    ['volunteers', 'B', 10, 80],
    ['parent_consultation_centres', '', '', '', 4, 'Открыт центр при СОШ № 3'],
    ['doo_teachers_category', 'K1', 9, 12],
    ['doo_teachers_category', 'K2', 2, 4],
    // At the threshold exactly (5 teachers) a share is published.
    ['doo_teachers_higher_ed', 'K1', 3, 5],
    ['doo_teachers_higher_ed', 'K2', 1, 4],
    ['intersectoral_documents', '', '', '', 'да'],
    ['children_without_care', '', '', '', 11],
  ]),
};
const env = { SOURCE_DATE_EPOCH: '1790000000' };

describe('values of the mechanisms (§15) in open data', () => {
  const { model, log } = buildModel(makeData(FILES), env);
  expect(log.errors.map(formatIssue)).toEqual([]);
  const rows = Papa.parse<Record<string, string>>(openDataFiles(model).get('indicators.csv')!, { header: true }).data;
  const row = (id: string, year: number, school = '') =>
    rows.find((r) => r.indicator === `mech.${id}` && r.year === String(year) && r.school_id === school);

  it('a percentage from its counts, for the municipality given directly', () => {
    // 30 / 180 = 16,666…
    expect(row('volunteers', 2024)).toMatchObject({
      scope: 'municipality',
      value: '16.67',
      numerator: '30',
      denominator: '180',
      suppressed: '0',
      ci_low: '',
      ci_high: '',
    });
  });
  it('the pooled municipal share where only organisations are given: Σ numerators / Σ denominators, not the mean of shares', () => {
    // (30 + 10) / (120 + 80) = 20 %; the mean of 25 % and 12,5 % would be 18,75 %.
    expect(row('volunteers', 2025)).toMatchObject({ value: '20.00', numerator: '40', denominator: '200' });
    expect(row('volunteers', 2025, 'A')).toMatchObject({ scope: 'school', value: '25.00', numerator: '30', denominator: '120' });
    expect(model.mechanismPooled.has('mech.volunteers|2025')).toBe(true);
    expect(model.mechanismPooled.has('mech.volunteers|2024')).toBe(false);
    const meta = JSON.parse(openDataFiles(model).get('meta.json')!);
    expect(meta.indicators.find((i: { id: string }) => i.id === 'mech.volunteers')).toMatchObject({
      unit: 'процент',
      code: '3.9',
      mechanism: 'Организация воспитания',
      pooled_years: [2025],
    });
  });
  it('withholds a small kindergarten’s share but counts it in the municipal one', () => {
    // K2: 2 of 4 teachers, under the threshold of 5 — every number of the row is empty.
    expect(row('doo_teachers_category', 2025, 'K2')).toMatchObject({ value: '', numerator: '', denominator: '', suppressed: '1' });
    // (9 + 2) / (12 + 4) = 68,75 %.
    expect(row('doo_teachers_category', 2025)).toMatchObject({ value: '68.75', numerator: '11', denominator: '16', suppressed: '0' });
    // K1 is the pooled share minus K2: withheld too (secondary suppression, §0), so that K2's 2 of 4 cannot be worked out.
    expect(row('doo_teachers_category', 2025, 'K1')).toMatchObject({ value: '', numerator: '', suppressed: '2' });
    expect(row('doo_teachers_higher_ed', 2025, 'K1')).toMatchObject({ value: '', numerator: '', denominator: '', suppressed: '2' });
    expect(row('doo_teachers_higher_ed', 2025, 'K2')).toMatchObject({ suppressed: '1', value: '' });
  });
  it('counts and presence as values, by code or id', () => {
    expect(row('parent_consultation_centres', 2024)).toMatchObject({ value: '3.00', numerator: '', denominator: '' });
    expect(row('parent_consultation_centres', 2025)!.value).toBe('4.00');
    expect(row('intersectoral_documents', 2024)!.value).toBe('0.00');
    expect(row('intersectoral_documents', 2025)!.value).toBe('1.00');
  });
  it('keeps kindergartens out of the schools and in a list of their own, in the open register', () => {
    expect(model.data.schools.map((s) => s.school_id)).toEqual(['A', 'B']);
    expect(model.data.kindergartens.map((s) => s.school_id)).toEqual(['K1', 'K2']);
    expect(openDataFiles(model).get('schools.csv')).toContain('K2,Детский сад № 2 (малый)');
    setModel(model);
    expect(JSON.stringify(schoolsPage())).not.toContain('Детский сад');
    expect(kindergartensPage().list.map((k) => k.name)).toEqual(['Детский сад № 1', 'Детский сад № 2 (малый)']);
  });
  it('describes changes as facts with both values and counts, never with sampling words', () => {
    setModel(model);
    const page = mechanismPage({ n: 7 });
    const v = page.measured.find((i) => i.anchor === 'volunteers')!;
    expect(v.latest).toBe('20,0\u00a0% (40 из 200)');
    expect(v.change).toBe('в 2024 году было 16,7\u00a0% (30 из 180): на 3,3\u00a0п.\u00a0п. больше');
    expect(v.tone).toBe('up');
    expect(v.pooled).toMatch(/сложено из значений всех организаций/);
    const centres = page.measured.find((i) => i.anchor === 'parent_consultation_centres')!;
    expect(centres.change).toBe('в 2024 году было 3: на 1 больше');
    // «Лучше — ниже», and one year only: no change, no colour.
    expect(page.measured.find((i) => i.anchor === 'children_without_care')!.tone).toBeUndefined();
    const text = JSON.stringify(page) + JSON.stringify(mechanismFacts(model, 2025));
    expect(text).not.toMatch(/случайн|значим|доверительн[а-я]* интервал \(/);
    expect(page.measured.map((i) => i.anchor)).toEqual(expect.arrayContaining(['intersectoral_documents', 'volunteers']));
    // Organisations in name order, the withheld one with why.
    const doo = mechanismPage({ n: 8 }).measured.find((i) => i.anchor === 'doo_teachers_category')!;
    expect(doo.orgs!.rows.map((r) => [r[0].text, r[1].text, r[1].why])).toEqual([
      ['Детский сад № 1', '—', 'скрыто, чтобы по другим числам нельзя было вычислить значение маленькой группы'],
      ['Детский сад № 2 (малый)', '—', 'в группе меньше 5 человек'],
    ]);
  });
  it('a kindergarten’s page: its indicators by year beside the municipality', () => {
    setModel(model);
    const k = kindergartenPage({ school: model.data.kindergartens[0] });
    expect(k.indicators.map((i) => i.name)).toEqual([
      'Д1.1. Доля педагогов с высшим педагогическим образованием',
      'Д1.2. Доля педагогов с первой или высшей квалификационной категорией',
    ]);
    expect(k.indicators[1].rows.map((r) => r.map((c) => c.text))).toEqual([
      // The pooled share minus the small kindergarten's would be this one's: withheld with its own reason (§0).
      ['2024', '—', '62,5\u00a0% (10 из 16)'],
      ['2025', '—', '68,8\u00a0% (11 из 16)'],
    ]);
  });
  it('a school’s page: its own values of the latest year beside the municipality', () => {
    const t = schoolMechanisms(model, 'A', (p) => p)!;
    expect(t.year).toBe(2025);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['3.9. Доля обучающихся-волонтёров', '25,0\u00a0% (30 из 120)', '20,0\u00a0% (40 из 200)'],
    ]);
    expect(t.rows[0][0].href).toBe('/mechanisms/upbringing/#volunteers');
  });
  it('the report’s trends list the year’s facts by mechanism', () => {
    const facts = mechanismFacts(model, 2025);
    expect(facts.map((f) => f.n)).toEqual([7, 8]);
    expect(facts[0].summary).toBe('4\u00a0показателя за 2025 год; по сравнению с прошлым годом к лучшему изменились 3, к худшему — 0.');
    expect(facts[0].lines).toContain(
      '3.9. Доля обучающихся-волонтёров: 20,0\u00a0% (40 из 200); в 2024 году было 16,7\u00a0% (30 из 180): на 3,3\u00a0п.\u00a0п. больше (сумма по организациям).',
    );
  });
  it('reads mechanisms.xlsx with a title row just as the CSV', async () => {
    const { 'results/2025/mechanisms.csv': csv2025, ...rest } = FILES;
    const book = await toWorkbook(csv2025, { sheet: 'Показатели', title: ['Показатели воспитания и дошкольного образования, 2025 год'] });
    const fromBook = buildModel(makeData({ ...rest, 'results/2025/mechanisms.xlsx': book }), env);
    expect(fromBook.log.errors.map(formatIssue)).toEqual([]);
    const mech = (t: string) => t.split('\n').filter((l) => l.startsWith('mech.'));
    expect(mech(openDataFiles(fromBook.model).get('indicators.csv')!)).toEqual(mech(openDataFiles(model).get('indicators.csv')!));
  });
  it('a region’s organisations are not listed on the mechanism’s page, only counted in its value', () => {
    const ids = Array.from({ length: 151 }, (_, i) => `S${i}`);
    const big = buildModel(
      makeData({
        'schools.csv': csv([['school_id', 'name'], ...ids.map((id) => [id, `Школа ${id}`])]),
        'reference/mechanism-indicators.csv': BOOK,
        'results/2025/mechanisms.csv': csv([
          ['indicator', 'school_id', 'numerator', 'denominator'],
          ...ids.map((id) => ['volunteers', id, 1, 10]),
        ]),
      }),
      env,
    ).model;
    setModel(big);
    const v = mechanismPage({ n: 7 }).measured.find((i) => i.anchor === 'volunteers')!;
    expect(v.orgs).toBeUndefined();
    expect(v.orgsElsewhere).toEqual({ year: 2025, href: '/opendata/' });
    expect(v.latest).toBe('10,0\u00a0% (151 из 1510)');
  });
  it('a target on mech.<id>: reached or not', () => {
    const m2 = buildModel(
      makeData({ ...FILES, 'targets.csv': 'indicator,year,target,direction\nmech.volunteers,2025,25,не менее\n' }),
      env,
    ).model;
    setModel(m2);
    expect(mechanismPage({ n: 7 }).measured.find((i) => i.anchor === 'volunteers')!.targets).toEqual([
      'Цель: не менее 25,0\u00a0% к 2025 году — не достигнута (20,0\u00a0% (40 из 200)).',
    ]);
    expect(
      mechanismSeries(
        m2,
        m2.data.mechanismBook.find((b) => b.id === 'volunteers')!,
      ).map((y) => y.year),
    ).toEqual([2024, 2025]);
  });
});

describe('facts in words', () => {
  it('names a corrected mechanism value by its book', () => {
    const names = {
      subject: (c: string) => c,
      school: (id: string) => (id === 'A' ? 'Школа А' : id),
      pairs: [],
      book: [{ id: 'volunteers', name: 'Доля обучающихся-волонтёров' }],
      today: '2026-12-03',
    };
    const v = {
      indicator: 'mech.volunteers',
      year: 2024,
      school_id: 'A',
      subject: '',
      grade: '',
      period: '',
      task: '',
      old: '25.00',
      new: '24.17',
    };
    expect(describeChange(v, names)).toBe('Доля обучающихся-волонтёров, Школа А, 2024: 25,00 → 24,17');
  });
  it('states both values and counts; tone by «better», none without it', () => {
    expect(factText({ value: 31.666, numerator: 38, denominator: 120 }, 'процент')).toBe('31,7\u00a0% (38 из 120)');
    expect(factChange({ value: 25 }, { value: 25 }, 'процент', 2024)).toBe('в 2024 году было 25,0\u00a0% — столько же');
    expect(factChange({ value: 1 }, { value: 0 }, 'наличие', 2024)).toBe('в 2024 году было: нет');
    expect(factChange({ value: 1 }, { value: 1 }, 'наличие', 2024)).toBe('как и в 2024 году');
    expect(toneOf(direction({ value: 9 }, { value: 11 }, 'количество'), 'ниже')).toBe('up');
    expect(toneOf(direction({ value: 9 }, { value: 11 }, 'количество'), undefined)).toBeUndefined();
    // A change that rounds to nothing on the page is no change.
    expect(direction({ value: 20.01 }, { value: 20.02 }, 'процент')).toBe('same');
  });
  it('knows kindergartens by their kind', () => {
    expect(['ДОУ', 'МБДОУ', 'детский сад', 'Детский сад комбинированного вида'].map(isKindergarten)).toEqual([true, true, true, true]);
    expect(['СОШ', 'гимназия', 'лицей', 'ООШ', 'НОШ', 'школа-сад', undefined].map(isKindergarten)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('bad mechanisms.csv: each error in Russian, naming file, row and column', () => {
  const errors = (rows: (string | number | undefined)[][], extra: Record<string, string> = {}) =>
    loadData(makeData({ ...FILES, ...extra, 'results/2025/mechanisms.csv': excel(rows) })).log.errors.map(formatIssue);
  it('an indicator not in the book, with the closest id or code', () => {
    expect(errors([['volunters', 'A', 1, 2]])).toEqual([
      expect.stringMatching(
        /^data\/results\/2025\/mechanisms\.csv, строка 2, столбец «Показатель»: Показателя нет в справочнике reference\/mechanism-indicators\.csv\. Возможно, имелся в виду «volunteers» \(3\.9 — Доля обучающихся-волонтёров\)\..*Найдено: «volunters»/,
      ),
    ]);
    expect(errors([['Д1.7', 'K1', 1, 2]])[0]).toMatch(/Возможно, имелся в виду «doo_teachers_\w+» \(Д1\.\d/);
  });
  it('a numerator above its denominator', () => {
    expect(errors([['volunteers', 'A', 130, 120]])).toEqual([
      expect.stringMatching(
        /строка 2, столбец «Числитель»: Числитель больше знаменателя \(130 из 120\)\..*Найдено: «130»\. Ожидалось: не больше 120/,
      ),
    ]);
  });
  it('a value outside its unit', () => {
    expect(errors([['volunteers', '', '', '', '120']])).toEqual([
      expect.stringMatching(/строка 2, столбец «Значение»: Процент должен быть числом от 0 до 100\./),
    ]);
    expect(errors([['2.1', '', '', '', '-3']])).toEqual([
      expect.stringMatching(/строка 2, столбец «Значение»: Количество должно быть числом не меньше 0\./),
    ]);
    expect(errors([['1.1', '', '', '', 'частично']])).toEqual([
      expect.stringMatching(/столбец «Значение»: Наличие записывается словами «да» или «нет»\..*Найдено: «частично»/),
    ]);
  });
  it('asks about a percentage written as a fraction among larger ones (Excel keeps «91,7 %» as 0,917), not about one with its sign', () => {
    const rows = [
      ['volunteers', 'A', '', '', '45,2'],
      ['volunteers', 'B', '', '', '0,917'],
      ['volunteers', '', '', '', '0,5 %'],
    ];
    expect(errors(rows).filter((e) => !e.includes('числителя'))).toEqual([
      expect.stringMatching(
        /строка 3, столбец «Значение»: Показатель «volunteers»: процент записан как 0,917, а в других строках этого показателя — больше 1 \(например, 45,2\)\. .*впишите 91,7; .*«0,917 %»\..*Найдено: «0,917»/,
      ),
    ]);
    // All at most 1: nothing to compare with, so nothing is asked; and 1,0 beside 45,2 is asked too.
    expect(
      errors([
        ['volunteers', 'A', '', '', '0,4'],
        ['volunteers', 'B', '', '', '0,9'],
      ]),
    ).toEqual([]);
    expect(
      errors([
        ['volunteers', 'A', '', '', '45'],
        ['volunteers', 'B', '', '', '1'],
      ]),
    ).toHaveLength(1);
  });
  it('an organisation not in the register', () => {
    expect(errors([['volunteers', 'C', 1, 10]])).toEqual([
      expect.stringMatching(/строка 2, столбец «Код ОО»: Организации с таким кодом нет в реестре schools\.csv\..*Найдено: «C»/),
    ]);
  });
  it('a municipal-only indicator for an organisation', () => {
    expect(errors([['2.1', 'A', '', '', 2]])).toEqual([
      expect.stringMatching(
        /строка 2, столбец «Код ОО»: Показатель «Количество консультационных центров для родителей по вопросам воспитания» задаётся только для муниципалитета: оставьте код ОО пустым\./,
      ),
    ]);
  });
  it('a duplicate row, also when once by id and once by code', () => {
    expect(
      errors([
        ['volunteers', 'A', 1, 10],
        ['3.9', 'A', 2, 10],
      ]),
    ).toEqual([
      expect.stringMatching(
        /строка 3, столбец «Показатель»: Повторная строка: показатель «volunteers» для «Школа А» уже есть в строке 2\./,
      ),
    ]);
  });
  it('a kindergarten’s code in a school results file', () => {
    const e = loadData(
      makeData({ ...FILES, 'results/2025/ege.csv': 'participant_id,school_id,subject,test_score\nP1,K1,rus,70\n' }),
    ).log.errors.map(formatIssue);
    expect(e).toEqual([expect.stringMatching(/ege\.csv, строка 2, столбец «school_id»: Это код детского сада «Детский сад № 1»/)]);
  });
  it('an unknown mech.<id> in targets.csv', () => {
    const e = loadData(makeData({ ...FILES, 'targets.csv': 'indicator,year,target,direction\nmech.volunter,2025,25,≥\n' })).log.errors.map(
      formatIssue,
    );
    expect(e).toEqual([
      expect.stringMatching(
        /targets\.csv, строка 2, столбец «indicator»: Показателя механизмов нет в справочнике .* Возможно, имелся в виду «volunteers»/,
      ),
    ]);
  });
  it('warns when the municipal share cannot be pooled: an organisation is missing', () => {
    const { log } = loadData(makeData({ ...FILES, 'results/2025/mechanisms.csv': excel([['volunteers', 'A', 30, 120]]) }));
    expect(log.errors).toEqual([]);
    expect(log.warnings.map(formatIssue)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Показатель «volunteers» дан не для всех организаций \(нет 1\sорганизации: Школа Б\), поэтому муниципальное значение 2025 года не рассчитано/,
        ),
      ]),
    );
  });
  it('a build with a broken mechanisms.csv writes nothing: checked by the same check as the build', () => {
    const { log } = buildModel(makeData({ ...FILES, 'results/2025/mechanisms.csv': excel([['volunteers', 'A', 130, 120]]) }), env);
    expect(log.errors.length).toBe(1);
  });
});
