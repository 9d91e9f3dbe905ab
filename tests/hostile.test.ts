/**
 * Hostile and broken inputs, as an ИМЦ employee or a broken export makes
 * them (tests/fixtures/hostile/). Every case goes through `checkData`, the
 * function `npm run check-data` and `npm run build` both start with: a
 * Russian message naming the file, the row and the column, and no exception
 * — or the input accepted as the data guide says, and the site's charts and
 * open data made from it. Then one spawned run for each way a command can
 * end: stopped by bad data, crashed, out of memory (tests/build-errors.test.ts),
 * stopped by another build's lock (tests/publish.test.ts), and the largest
 * input within the time a person waits.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkData } from '../src/lib/model/check.ts';
import { catalog } from '../src/lib/figures/catalog.ts';
import { openDataFiles } from '../src/lib/opendata/write.ts';
import { digest } from './helpers/crawl.ts';
import { caseData, hostileCases, runScript, type HostileCase, type Run } from './helpers/hostile.ts';
import { BUILD_TIMEOUT } from './helpers/build.ts';

const cases = hostileCases();
/** Made at run time and 50 MB: spawned below, where the time a command takes is what is checked. */
const SPAWNED_ONLY = new Set(['random-rows-50mb']);

/** A published site standing in for the one on the server: a build that stops must not touch it. */
function publishedSite(): string {
  // In a folder of its own: the build writes build-error.log beside the site.
  const dir = join(mkdtempSync(join(tmpdir(), 'msoko-published-')), 'dist');
  mkdirSync(join(dir, 'opendata'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>прежний сайт</title>');
  writeFileSync(join(dir, 'opendata', 'indicators.csv'), 'indicator,year\n');
  return dir;
}

/** What a person must never see: a stack trace or an untranslated exception. */
const STACK = /^\s+at .+:\d+:\d+\)?$|^(?:Type|Reference|Range|Syntax)?Error: /m;

function expectSaid(run: Run, patterns: string[], what: string) {
  expect(run.killed, `${what} did not finish within ${BUILD_TIMEOUT / 60_000} min`).toBe(false);
  expect(run.output, `${what}: a stack trace`).not.toMatch(STACK);
  for (const p of patterns) expect(run.output, what).toMatch(new RegExp(p, 'm'));
}

describe('the corpus of hostile inputs', () => {
  it('has at least 40 cases, each saying what it is', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect(c.what, c.name).toBeTruthy();
      expect(['error', 'accepted'], c.name).toContain(c.verdict);
      if (c.verdict === 'error') expect(c.messages.length, c.name).toBeGreaterThan(0);
    }
  });
});

describe.each(cases.filter((c) => !SPAWNED_ONLY.has(c.name)))('$name: $what', (c: HostileCase) => {
  it(c.verdict === 'error' ? 'is refused with its message, every error naming its file' : 'is accepted as the guide says', () => {
    const data = caseData(c, inject('subData'));
    try {
      const { log, lines, model } = checkData(data, { SOURCE_DATE_EPOCH: '1795392000' });
      const text = lines.join('\n');
      for (const p of c.messages) expect(text, c.name).toMatch(new RegExp(p, 'm'));
      for (const a of c.absent ?? []) expect(text, `${c.name}: a message quotes «${a}»`).not.toContain(a);
      if (c.verdict === 'error') {
        expect(log.errors.length, text).toBeGreaterThan(0);
        for (const line of lines.filter((l) => l.startsWith('ОШИБКА:'))) expect(line).toMatch(/^ОШИБКА: data\/\S/);
      } else {
        expect(log.errors, text).toEqual([]);
        // What the site makes of the data without Astro: every chart and the open data.
        expect(catalog(model).all.size).toBeGreaterThan(0);
        expect(openDataFiles(model).get('indicators.csv')).toMatch(/^indicator,year,/);
      }
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

/** Both commands on a case's data, as a person runs them, with a published site standing by. */
async function spawnedCase(name: string, env: Record<string, string> = {}) {
  const c = cases.find((x) => x.name === name) ?? { name, what: 'good data', verdict: 'accepted', messages: [] };
  const data = caseData(c, inject('subData'));
  const out = publishedSite();
  const before = digest(out);
  const all = { MSOKO_DATA_DIR: data, MSOKO_OUT_DIR: out, ...env };
  const [check, build] = await Promise.all([runScript('check-data.ts', all, [data]), runScript('build.ts', all)]);
  const log = join(dirname(out), 'build-error.log');
  return {
    c,
    check,
    build,
    unchanged: digest(out) === before,
    log: existsSync(log) ? readFileSync(log, 'utf8') : undefined,
    done: () => [data, dirname(out)].forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}

describe('a command, run as a person runs it', () => {
  /** Both commands stop with exit code 1, each saying what it must, and the published site stays. */
  const stops = async (name: string, check: string[], build: string[]) => {
    const r = await spawnedCase(name);
    try {
      expectSaid(r.check, [...r.c.messages, ...check], 'check-data');
      expectSaid(r.build, [...r.c.messages, ...build], 'build');
      expect([r.check.code, r.build.code]).toEqual([1, 1]);
      expect(r.unchanged, 'dist/ changed').toBe(true);
    } finally {
      r.done();
    }
  };
  it(
    'stops on bad data with its message and exit code 1, and leaves dist/ as it was',
    () => stops('personal-data-column', ['Найдено 1 ошибка'], ['Сборка остановлена: 1 ошибка в данных', 'не изменена']),
    BUILD_TIMEOUT,
  );

  it(
    'reads a 50 MB file of random rows, stops with its messages and leaves dist/ as it was',
    () => stops('random-rows-50mb', [], []),
    BUILD_TIMEOUT,
  );

  it(
    'says in Russian that the program failed, at which stage, and leaves dist/ as it was when the build crashes',
    async () => {
      const fault = join(import.meta.dirname, 'fixtures', 'faults', 'crash-in-charts.mjs');
      const r = await spawnedCase('good-data', { NODE_OPTIONS: `--import=${fault}` });
      try {
        expectSaid(
          r.build,
          [
            'Сборка прервалась: внутренняя ошибка программы сборки на этапе «графики и карточки страниц»',
            'не изменена',
            'build-error\\.log',
          ],
          'build',
        );
        expect(r.build.code).toBe(1);
        expect(r.check.code, r.check.output).toBe(0);
        expect(r.unchanged, 'dist/ changed').toBe(true);
        // The stack trace is for the developers, in the log beside the site.
        expect(r.log).toMatch(/an injected fault/);
      } finally {
        r.done();
      }
    },
    BUILD_TIMEOUT,
  );
});
