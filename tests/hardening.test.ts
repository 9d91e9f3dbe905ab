/**
 * Hostile data meets the reading and the writing: codes are data, never paths; personal data typed into free
 * text is found and hidden; links run nothing; the report texts carry no scripts; every page gets a policy
 * that runs only the site's own scripts.
 */
import { reportText } from '../src/lib/views/routes/reports.ts';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { code, hint } from '../src/lib/data/cells.ts';
import { loadData } from '../src/lib/data/load.ts';
import { makeData, SCHOOLS } from './helpers/fixture.ts';
import { isPersonalHeader } from '../src/lib/data/header.ts';
import { formatIssue, IssueLog } from '../src/lib/data/issues.ts';
import { issueLines } from '../src/lib/data/report.ts';
import { personalIn, redactPersonal } from '../src/lib/data/personal.ts';
import { checkReportTexts, badLink } from '../src/lib/data/texts.ts';
import { inside, writeInside } from '../src/lib/files/inside.ts';
import { commandLine } from '../src/lib/publish/args.ts';
import { policy, withPolicy } from '../src/lib/publish/csp.ts';
import { createHash } from 'node:crypto';

describe('codes', () => {
  it.each(['105', 'sch-12', 'СОШ_5', '01.2', 'a'.repeat(64)])('takes %j', (c) => expect(code().read(c)).toBe(c));
  it.each(['../../public/favicon', '..', '.hidden', 'a/b', 'a\\b', 'a b', 'x'.repeat(65), 'CON', 'nul.txt', 'a\0b', '%2e%2e'])(
    'refuses %j',
    (c) => expect(code().read(c)).toBeUndefined(),
  );
});

describe('writing inside the output folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'msoko-inside-'));
  it('writes a site path under the folder, a leading slash included', () => {
    writeInside(root, '/reports/2025/index.html', 'x');
    expect(readFileSync(join(root, 'reports/2025/index.html'), 'utf8')).toBe('x');
  });
  it.each(['../escape.svg', 'a/../../escape.svg', '.', ''])('refuses %j and writes nothing', (rel) => {
    expect(() => writeInside(root, rel, 'x')).toThrow(/вне папки/);
    expect(existsSync(join(root, '..', 'escape.svg'))).toBe(false);
  });
  it('allows a name that only starts with two dots', () => expect(inside(root, '..a/b.txt')).toBe(join(root, '..a', 'b.txt')));
});

describe('personal data in free text', () => {
  it.each([
    ['тел. +7 912 345-67-89', 'номер телефона'],
    ['звонить 8(912)3456789', 'номер телефона'],
    ['СНИЛС 112-233-445 95', 'СНИЛС'],
    ['паспорт 45 10 123456', 'номер паспорта'],
    ['пишите ivanova.a@mail.example', 'адрес электронной почты'],
  ])('finds %j as %s and hides it', (text, kind) => {
    expect(personalIn(text)).toBe(kind);
    expect(redactPersonal(text)).toContain('[скрыто]');
    expect(personalIn(redactPersonal(text))).toBeUndefined();
  });
  it.each([
    'Справка за 2025 год, 123456 рублей',
    'СНИЛС 112-233-445 96',
    'ИНН 7700000000',
    'пункт 1.2.3, срок 01.09.2025',
    'выполнено на 95 %',
  ])('leaves %j alone (a wrong checksum, an organisation’s ИНН, dates)', (text) => expect(personalIn(text)).toBeUndefined());
  it('lets the organisation’s own contacts through', () =>
    expect(personalIn('ИМЦ: 8 (415) 123-45-67', ['8 (415) 123-45-67'])).toBeUndefined());
});

describe('personal headers', () => {
  it.each(['Ф.И.О', 'Ф. И. О.', 'ФИО ученика', 'ФИО_участника', 'Ученик', 'Обучающийся', 'Телефон родителя', 'Фамилия', 'e-mail'])(
    '%j is personal',
    (h) => expect(isPersonalHeader(h)).toBe(true),
  );
  it.each(['Код участника', 'Код обучающегося', 'Класс', 'Число учеников', 'Тестовый балл', 'Отметка'])('%j is not', (h) =>
    expect(isPersonalHeader(h)).toBe(false),
  );
});

describe('the report texts', () => {
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '&#106;avascript:x'])(
    'refuses the link %j',
    (l) => expect(badLink(l)).toBeDefined(),
  );
  it.each(['https://example.ru', 'http://x.ru/a?b=c', 'mailto:imc@example.ru', '/methodology/', '#x', '../2024/'])(
    'takes the link %j',
    (l) => expect(badLink(l)).toBeUndefined(),
  );
  it('names the file and the line of a script, a handler and a javascript: link', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msoko-mdx-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, '2025.mdx'),
      [
        '### Текст',
        '',
        'Обычный абзац со [ссылкой](https://example.ru).',
        '[x](javascript:alert(1))',
        '<script>alert(1)</script>',
        '<img src="a.png" onerror="alert(1)" />',
        '<a href="javascript:alert(2)">y</a>',
      ].join('\n'),
    );
    const log = new IssueLog();
    checkReportTexts(dir, 'src/content/reports', log);
    expect(log.errors.map((e) => `${e.file}:${e.line}`).sort()).toEqual([
      'src/content/reports/2025.mdx:4',
      'src/content/reports/2025.mdx:5',
      'src/content/reports/2025.mdx:6',
      'src/content/reports/2025.mdx:7',
    ]);
    expect(log.errors.every((e) => e.project)).toBe(true);
  });
  it('takes a year’s text from the data folder before the project’s, and no other year’s', () => {
    const own = { '/d/data/reports/2025.mdx': 'data' };
    const shipped = { '/p/src/content/reports/2025.mdx': 'project', '/p/src/content/reports/2024.mdx': 'old' };
    expect(reportText(2025, own, shipped)).toBe('data');
    expect(reportText(2024, own, shipped)).toBe('old');
    expect(reportText(2023, own, shipped)).toBeUndefined();
    expect(reportText(25, { '/d/data/reports/2025.mdx': 'x' })).toBeUndefined();
  });
  it('passes the demo report texts', () => {
    const log = new IssueLog();
    checkReportTexts(join(import.meta.dirname, '..', 'data', 'reports'), 'reports', log, false);
    expect(log.errors).toEqual([]);
  });
  it('stops an import, an export and an expression, which MDX would run at build time, and keeps comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msoko-mdx-'));
    writeFileSync(
      join(dir, '2026.mdx'),
      [
        '{/* комментарий */}',
        "import fs from 'node:fs'",
        'export const x = 1',
        'Текст {process.exit(1)}',
        'Обычный текст со скобкой \\{1\\}.',
      ].join('\n'),
    );
    const log = new IssueLog();
    checkReportTexts(dir, 'reports', log, false);
    expect(log.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['reports/2026.mdx:2', 'reports/2026.mdx:3', 'reports/2026.mdx:4']);
    expect(log.errors.some((e) => e.project)).toBe(false);
    expect(log.errors[2].message).toContain('Фигурная скобка в тексте пишется как \\{');
  });
});

describe('the Content-Security-Policy', () => {
  const page =
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>x</title><script data-site>a()</script></head><body><script>evil()</script></body></html>';
  it('comes right after the charset and hashes only the site’s own scripts', () => {
    const out = withPolicy(page);
    expect(out).toMatch(/^<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="/);
    const own = `'sha256-${createHash('sha256').update('a()').digest('base64')}'`;
    const evil = `'sha256-${createHash('sha256').update('evil()').digest('base64')}'`;
    expect(out).toContain(own);
    expect(out).not.toContain(evil);
    expect(out).not.toMatch(/unsafe-inline'[^;]*;[^"]*script-src|script-src[^;]*unsafe-inline/);
  });
  it('is added once', () => expect(withPolicy(withPolicy(page))).toBe(withPolicy(page)));
  it('forbids plugins and foreign scripts', () => {
    expect(policy([])).toContain("object-src 'none'");
    expect(policy([])).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
  });
});

describe('the order of messages', () => {
  it('lists errors by file, then row, whatever order the checks found them in', () => {
    const lines = issueLines([
      { level: 'error', file: 'results/2025/oge.csv', line: 9, message: 'б' },
      { level: 'error', file: 'results/2025/ege.csv', line: 30, message: 'в' },
      { level: 'error', file: 'results/2025/ege.csv', line: 4, message: 'а' },
    ]);
    expect(lines.map((l) => l.replace(/^ОШИБКА: data\/results\/2025\//, ''))).toEqual([
      'ege.csv, строка 4: а',
      'ege.csv, строка 30: в',
      'oge.csv, строка 9: б',
    ]);
  });
});

describe('a code Excel turned into a date', () => {
  it('is refused with a hint to format the column as text', () => {
    expect(code().read('2026-04-01')).toBeUndefined();
    expect(code().read('01.04.2026')).toBeUndefined();
    expect(hint('2026-04-01', code())).toMatch(/Excel превращает коды вида «1\.4»[^]*«Текстовый»/);
    expect(code().read('01.2')).toBe('01.2');
  });
  it('says so for a workbook’s date cell in the school code column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('ege');
    ws.addRow(['participant_id', 'school_id', 'subject', 'test_score']);
    ws.addRow(['1', new Date(Date.UTC(2026, 3, 1)), 'rus', 70]);
    const { log } = loadData(makeData({ 'schools.csv': SCHOOLS, 'results/2025/ege.xlsx': Buffer.from(await wb.xlsx.writeBuffer()) }));
    expect(log.errors.map(formatIssue).join('\n')).toMatch(
      /столбец B «school_id»: Значение не подходит\. Похоже на дату: Excel превращает коды[^]*Найдено: «2026-04-01»/,
    );
  });
});

describe('the command line of a build', () => {
  it('takes a release label and --freeze, and answers anything else before the build starts', () => {
    expect(commandLine([])).toEqual({ freeze: false, label: undefined });
    expect(commandLine(['--freeze', '2026-2'])).toEqual({ freeze: true, label: '2026-2' });
    const data = commandLine(['--data', '/tmp/region']);
    expect('error' in data && data.error).toMatch(/^Сборка не знает параметра «--data»\. .*MSOKO_DATA_DIR/);
    const path = commandLine(['/tmp/region']);
    expect('error' in path && path.error).toMatch(/^Метка выпуска из командной строки «\/tmp\/region» не подходит: .*MSOKO_DATA_DIR/);
    expect('error' in commandLine(['2025', '2026'])).toBe(true);
  });
});
