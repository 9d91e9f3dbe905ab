/**
 * The season as an ИМЦ lives it (issue: data in stages, corrections that work as printed, messages a person
 * can act on): each message checked by its exact text, on a small data folder.
 */
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/lib/data/load.ts';
import { formatIssue } from '../src/lib/data/issues.ts';
import { issueLines, slipsLine } from '../src/lib/data/report.ts';
import { checkData } from '../src/lib/model/check.ts';
import { pendingNote, yearOf, yearParts } from '../src/lib/model/years.ts';
import { SECTIONS } from '../src/lib/indicators/sections.ts';
import { csv, makeData, SITE_YAML } from './helpers/fixture.ts';

const SCHOOLS = 'school_id,name\n110,Начальная школа № 10\n117,Лицей № 17\n120,СОШ № 20\n';
const egeRows = (year: number, school: string, n: number, from = 60) =>
  Array.from({ length: n }, (_, i) => [`${year}-${school}-${i}`, `S-${school}-${i}`, school, 'rus', from + i]);
const EGE_HEAD = ['participant_id', 'student_id', 'school_id', 'subject', 'test_score'];
const vpr = (year: number) =>
  csv([
    ['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark'],
    ...Array.from({ length: 6 }, (_, i) => [`${year}-v-${i}`, '110', 'rus', 4, 20 + i, 4]),
  ]);
const messages = (dir: string) => loadData(dir).log.items.map(formatIssue);

describe('a header close to a known one', () => {
  it('is one error with the suggestion in the file’s words, and no error per row for the column it left out', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': csv([
        ['Код участника', 'Код ОО', 'Предмет', 'Балл ЕГЭ (тестовый)'],
        ...egeRows(2025, '117', 5).map((r) => [r[0], r[2], r[3], r[4]]),
      ]),
    });
    const found = messages(dir).filter((m) => m.includes('results/2025/ege.csv'));
    expect(found).toEqual([
      'data/results/2025/ege.csv, строка 1, столбец «Балл ЕГЭ (тестовый)»: Столбец не распознан: возможно, «Тестовый балл»? Исправьте заголовок столбца так, как он назван в шаблоне. Найдено: «Балл ЕГЭ (тестовый)». Ожидалось: «Тестовый балл».',
    ]);
  });
  it('names the missing columns as the file names its others: Russian for a Russian header', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': csv([
        ['Код участника', 'Предмет', 'Тестовый балл'],
        ['1', 'rus', 70],
      ]),
    });
    expect(messages(dir).find((m) => m.includes('Нет обязательного'))).toBe(
      'data/results/2025/ege.csv, строка 1: Нет обязательного столбца «Код ОО» (или «school_id»). Найдено: «Код участника | Предмет | Тестовый балл». Ожидалось: столбец «Код ОО».',
    );
  });
  it('leaves a column with nothing like it out with a warning listing the columns still missing, in the file’s words', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': csv([
        ['Код участника', 'Код ОО', 'Предмет', 'Тестовый балл', 'Примечание'],
        ['1', '117', 'rus', 70, 'x'],
      ]),
    });
    const m = messages(dir).find((x) => x.includes('Неизвестный столбец'))!;
    expect(m).toMatch(
      /^data\/results\/2025\/ege\.csv, строка 1, столбец «Примечание»: Неизвестный столбец пропущен\. Найдено: «Примечание»\. Ожидалось: один из столбцов: «Форма», «Категория», «Первичный балл»/,
    );
    expect(m).not.toMatch(/test_score|school_id/);
  });
});

describe('a school code not in the register', () => {
  const base = {
    'schools.csv': SCHOOLS,
    'results/2024/ege.csv': csv([EGE_HEAD, ...egeRows(2024, '117', 5), ...egeRows(2024, '120', 5)]),
  };
  it('suggests a school with results in that file, not the nearest code of a primary school', () => {
    const dir = makeData({
      ...base,
      'results/2024/vpr.csv': vpr(2024),
      'results/2025/ege.csv': csv([EGE_HEAD, ['2025-x', 'S-new', '170', 'rus', 70]]),
    });
    expect(messages(dir).find((m) => m.includes('Школы с таким кодом'))).toBe(
      'data/results/2025/ege.csv, строка 2, столбец «school_id»: Школы с таким кодом нет в реестре schools.csv. Возможно, имелся в виду код «120» («СОШ № 20»: у этой школы есть результаты в этом файле). Найдено: «170». Ожидалось: код ОО из data/schools.csv.',
    );
  });
  it('suggests the school where the same pupil’s code appears in the other files', () => {
    const dir = makeData({ ...base, 'results/2025/ege.csv': csv([EGE_HEAD, ['2025-x', 'S-117-3', '170', 'rus', 70]]) });
    expect(messages(dir).find((m) => m.includes('Школы с таким кодом'))).toContain(
      'Возможно, имелся в виду код «117» («Лицей № 17»): этот же участник есть в других файлах с этим кодом школы.',
    );
  });
});

describe('personal data', () => {
  const snils = ['112-233-445 95', '123-456-789 64'];
  it('is refused in participant codes as in pupil codes, naming the column, never the value', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': csv([EGE_HEAD, ...snils.map((s, i) => [s, `S-${i}`, '117', 'rus', 70 + i])]),
    });
    const m = messages(dir).filter((x) => x.includes('персональные данные'));
    expect(m).toEqual([
      'data/results/2025/ege.csv, строка 2, столбец «participant_id»: Коды участников похожи на СНИЛС (2 из 2: строки 2, 3). Это персональные данные: такие файлы не обрабатываются. Замените их обезличенными кодами, которые ИМЦ присваивает сам и хранит у себя, или уберите столбец. Найдено: «значение вида СНИЛС». Ожидалось: обезличенный код участника, например A-0001.',
    ]);
    expect(m.join()).not.toContain('112-233');
  });
  it('is refused in a column the person added', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'results/2025/ege.csv': csv([[...EGE_HEAD, 'Доп'], ...egeRows(2025, '117', 2).map((r, i) => [...r, snils[i]])]),
    });
    expect(messages(dir).filter((x) => x.includes('персональные данные'))).toEqual([
      'data/results/2025/ege.csv, строка 2, столбец «Доп»: Значения столбца похожи на СНИЛС (2 из 2: строки 2, 3). Это персональные данные: такие файлы не обрабатываются. Замените их обезличенными кодами, которые ИМЦ присваивает сам и хранит у себя, или уберите столбец. Найдено: «значение вида СНИЛС». Ожидалось: столбец без персональных данных.',
    ]);
  });
});

describe('slips and repeated warnings', () => {
  const copied = csv([EGE_HEAD, ...egeRows(2024, '117', 12)]);
  const files = { 'schools.csv': SCHOOLS, 'results/2024/ege.csv': copied, 'results/2025/ege.csv': copied };
  it('a file of another year is not «в порядке»: the last line says the data need a look and names the file', () => {
    const { log } = checkData(makeData(files), {});
    expect(log.errors).toEqual([]);
    expect(slipsLine(log.items)).toBe(
      'Данные нужно проверить: похоже, в них файл другого года или копия прошлогоднего — data/results/2025/ege.csv (подробности — в предупреждениях выше и в отчёте о сборке). Если всё верно, сайт можно собирать; чтобы такие случаи останавливали сборку, задайте в site.yaml plausibility: strict: true.',
    );
  });
  it('with plausibility.strict the slip stops the build', () => {
    const dir = makeData({ ...files, 'site.yaml': `${SITE_YAML}plausibility:\n  strict: true\n` });
    const { log } = checkData(dir, {});
    expect(log.errors.map((e) => e.file)).toContain('results/2025/ege.csv');
    expect(slipsLine(log.items)).toMatch(/Сборка такие данные не публикует \(plausibility\.strict: true в site\.yaml\)\.$/);
  });
  it('repeats of a warning are one line with their count and rows', () => {
    const items = [18, 19, 25].map((line) => ({
      level: 'warning' as const,
      file: 'roadmap/r.csv',
      line,
      column: 'Сроки',
      message: 'Пункт без даты срока.',
      found: `x${line}`,
    }));
    expect(issueLines(items)).toEqual([
      'Предупреждение: data/roadmap/r.csv, столбец «Сроки»: в 3\u00a0строках (18, 19, 25): Пункт без даты срока.',
    ]);
  });
});

describe('a site.yaml with a YAML error', () => {
  it('names the line, and brings no warning the error itself caused', () => {
    const dir = makeData({
      'schools.csv': SCHOOLS,
      'site.yaml': `${SITE_YAML}corrections:\n  - date: 2026-07-15, release: 2026, text: исправлено: балл\n`,
    });
    const { log } = checkData(dir, {});
    expect(log.warnings.filter((w) => w.file === 'site.yaml')).toEqual([]);
    // The line of the pasted one-line entry, after the settings above it.
    expect(log.errors[0]).toMatchObject({ file: 'site.yaml', line: SITE_YAML.split('\n').length + 1 });
    expect(formatIssue(log.errors[0])).toMatch(/^data\/site\.yaml, строка \d+: Ошибка разметки YAML/);
  });
});

describe('a year in stages', () => {
  // 2026 has ЕГЭ only; ВПР stop at 2025.
  const dir = makeData({
    'schools.csv': SCHOOLS,
    'results/2025/ege.csv': csv([EGE_HEAD, ...egeRows(2025, '117', 6)]),
    'results/2025/vpr.csv': vpr(2025),
    'results/2026/ege.csv': csv([EGE_HEAD, ...egeRows(2026, '117', 6, 62)]),
  });
  const { model, log } = checkData(dir, {});
  const vprSection = SECTIONS.find((s) => s.slug === 'vpr')!;
  const egeSection = SECTIONS.find((s) => s.slug === 'ege')!;
  it('shows each section its own latest year, and says the newer one is not yet published', () => {
    expect([yearOf(model, egeSection), yearOf(model, vprSection)]).toEqual([2026, 2025]);
    expect(pendingNote(model, vprSection)).toBe('Результаты ВПР 2026 года ещё не опубликованы — показаны данные 2025 года.');
    expect(pendingNote(model, egeSection)).toBeUndefined();
  });
  it('tells which procedures of the year are in', () => {
    const parts = yearParts(model, 2026);
    expect([parts.published.map((s) => s.slug), parts.pending.map((s) => s.slug)]).toEqual([['ege'], ['vpr']]);
  });
  it('warns once for a file of last year missing now, as a stage, not an error', () => {
    expect(log.items.filter((i) => i.file === 'results/2026/vpr.csv').map(formatIssue)).toEqual([
      'data/results/2026/vpr.csv: Нет файла «ВПР» 2026 года, а в 2025 году он был (6\u00a0строк). Если результаты ещё не пришли — всё в порядке: сайт покажет по этой процедуре 2025 год и скажет, что 2026 год ещё не опубликован. Когда придут — положите файл в папку results/2026 и соберите сайт снова.',
    ]);
  });
});
