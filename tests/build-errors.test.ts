import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkData } from '../src/lib/model/check.ts';
import { runBuild } from './helpers/build.ts';
import { digest } from './helpers/crawl.ts';
import { toCp1251 } from './helpers/fixture.ts';

describe('a build with bad data', () => {
  const good = inject('subData');
  const broken = (edit: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'msoko-broken-'));
    cpSync(good, dir, { recursive: true });
    edit(dir);
    return dir;
  };
  const ege = (dir: string) => join(dir, 'results/2022/ege.csv');
  const cases: [string, (dir: string) => void, RegExp[]][] = [
    [
      'a personal-data column',
      (d) => writeFileSync(ege(d), toCp1251('Код участника;ФИО;Код ОО;Предмет;Тестовый балл\r\n1;Иванов;01;Русский язык;70\r\n')),
      [/data\/results\/2022\/ege\.csv, строка 1, столбец «ФИО»/],
    ],
    [
      'an out-of-range score',
      (d) =>
        writeFileSync(ege(d), toCp1251('Код участника;Код ОО;Предмет;Тестовый балл\r\n1;01;Русский язык;70\r\n2;01;Русский язык;170\r\n')),
      [/data\/results\/2022\/ege\.csv, строка 3, столбец «Тестовый балл»: .*Найдено: «170»/],
    ],
    [
      'an unknown school',
      (d) => writeFileSync(ege(d), toCp1251('Код участника;Код ОО;Предмет;Тестовый балл\r\n1;001;Русский язык;70\r\n')),
      [/data\/results\/2022\/ege\.csv, строка 2, столбец «Код ОО»: Школы с таким кодом нет/],
    ],
    [
      'a duplicate row',
      (d) =>
        writeFileSync(ege(d), toCp1251('Код участника;Код ОО;Предмет;Тестовый балл\r\n1;01;Русский язык;70\r\n1;01;Русский язык;70\r\n')),
      [/data\/results\/2022\/ege\.csv, строка 3: Повторная строка/],
    ],
    [
      'two files at once',
      (d) => {
        writeFileSync(ege(d), toCp1251('Код участника;Код ОО;Предмет;Тестовый балл\r\n1;01;Русский язык;-1\r\n'));
        writeFileSync(
          join(d, 'results/2022/oge.csv'),
          toCp1251('Код участника;Код ОО;Предмет;Первичный балл;Отметка\r\n1;01;Математика;10;7\r\n'),
        );
      },
      [/ege\.csv, строка 2/, /oge\.csv, строка 2, столбец «Отметка»/],
    ],
  ];
  // Both commands start with checkData, and a spawned run of each proves they stop before writing
  // (tests/hostile.test.ts): here each broken file is read in-process, the way they read it.
  it.each(cases)('refuses %s, naming file and line, and stops the build before it writes', (_, edit, messages) => {
    const data = broken(edit);
    try {
      const { log, lines } = checkData(data, { SOURCE_DATE_EPOCH: '1795392000' });
      expect(log.errors.length).toBeGreaterThan(0);
      for (const m of messages) expect(lines.join('\n')).toMatch(m);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('a build that runs out of memory', () => {
  it('ends with a Russian message naming the stage and the data, no stack trace, and dist/ byte-identical', () => {
    const out = mkdtempSync(join(tmpdir(), 'msoko-oom-'));
    const dist = join(out, 'dist');
    cpSync(inject('subDist'), dist, { recursive: true });
    const before = digest(dist);
    // A tiny heap: the build cannot even finish reading.
    const r = runBuild(inject('subData'), dist, { MSOKO_HEAP_MB: '24' });
    expect(r.status).toBe(2);
    const text = r.stdout + r.stderr;
    expect(r.stderr).toMatch(/Сборка прервалась: не хватило памяти \(предел — 24 МБ\) на этапе «[^»]+»/);
    expect(r.stderr).toContain('не изменена');
    expect(r.stderr).toContain('build-error.log');
    expect(text).not.toMatch(/FATAL ERROR|heap out of memory|^\s+at /m);
    expect(digest(dist)).toBe(before);
    expect(readFileSync(join(out, 'build-error.log'), 'utf8')).toMatch(/heap/);
    rmSync(out, { recursive: true, force: true });
  });
});
