/**
 * Hostile and broken inputs, as an ИМЦ employee or a broken export makes
 * them (tests/fixtures/hostile/): `npm run check-data` and `npm run build`
 * each give a Russian message naming the file, the row and the column, no
 * stack trace, within 60 s, and the published dist/ stays byte for byte —
 * or the input is accepted as the data guide says.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { files } from './helpers/crawl.ts';
import { caseData, hostileCases, runScript, type Run } from './helpers/hostile.ts';

const cases = hostileCases();

/** A fingerprint of a folder: every file's path and content. */
const digest = (dir: string) =>
  createHash('sha256')
    .update(
      files(dir)
        .map(
          (f) =>
            `${f}\n${createHash('sha256')
              .update(readFileSync(join(dir, f)))
              .digest('hex')}`,
        )
        .join('\n'),
    )
    .digest('hex');

/** A published site standing in for the one on the server: a build that stops must not touch it. */
function publishedSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'msoko-published-'));
  mkdirSync(join(dir, 'opendata'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>прежний сайт</title>');
  writeFileSync(join(dir, 'opendata', 'indicators.csv'), 'indicator,year\n');
  return dir;
}

/** What a person must never see: a stack trace or an untranslated exception. */
const STACK = /^\s+at .+:\d+:\d+\)?$|^(?:Type|Reference|Range|Syntax)?Error: /m;

function expectSaid(run: Run, patterns: string[], what: string) {
  expect(run.killed, `${what} did not finish within 60 s`).toBe(false);
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

describe.concurrent.each(cases)('$name: $what', (c) => {
  it(
    c.verdict === 'error' ? 'stops both commands with its message and leaves dist/ as it was' : 'is accepted as the guide says',
    async () => {
      const good = inject('subData');
      const data = caseData(c, good);
      const out = publishedSite();
      const before = digest(out);
      try {
        const env = { MSOKO_DATA_DIR: data, MSOKO_OUT_DIR: out };
        const [check, build] = await Promise.all([runScript('check-data.ts', env, [data]), runScript('build.ts', env)]);
        expectSaid(check, c.messages, 'check-data');
        expectSaid(build, c.messages, 'build');
        if (c.verdict === 'error') {
          expect(check.code, check.output).toBe(1);
          expect(build.code, build.output).toBe(1);
          // Every error line says which file it is about.
          for (const line of build.output.split('\n').filter((l) => l.startsWith('ОШИБКА:'))) expect(line).toMatch(/^ОШИБКА: data\/\S/);
          expect(digest(out), 'dist/ changed').toBe(before);
        } else {
          expect(check.code, check.output).toBe(0);
          expect(build.code, build.output).toBe(0);
          expect(build.output).toMatch(/Сайт собран/);
        }
      } finally {
        rmSync(data, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }
    },
    // Each command is stopped at 60 s (runScript) and that is what is asserted; the test itself waits a little longer for both.
    90_000,
  );
});
