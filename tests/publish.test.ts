/**
 * Publishing is atomic and exclusive: a build killed at any stage leaves the
 * published dist/ and the frozen releases as they were; two builds of one
 * folder never run at once; a checksum list lets the upload be verified. And
 * the helpers that touch the system behave where Linux's /proc and «/» are not.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { reportedPeak, treeMemory } from '../src/lib/publish/memory.ts';
import { urlPath } from '../src/lib/files/paths.ts';
import { verifyChecksums } from '../src/lib/publish/checksums.ts';
import { takeLock } from '../src/lib/publish/lock.ts';
import { recover, workspace } from '../src/lib/publish/workspace.ts';
import { ROOT } from './helpers/build.ts';
import { files } from './helpers/crawl.ts';
import { runScript } from './helpers/hostile.ts';
import { UNTIL } from './helpers/wait.ts';

/** Every file of a folder with its bytes, for «byte for byte» comparisons. */
const snapshot = (dir: string) => new Map(files(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

/** A copy of the sub-path site as the one on the server, and a copy of its data with one frozen release. */
function published(): { data: string; out: string } {
  const work = mkdtempSync(join(tmpdir(), 'msoko-publish-'));
  const data = join(work, 'data');
  const out = join(work, 'site');
  cpSync(inject('subData'), data, { recursive: true });
  cpSync(inject('subDist'), out, { recursive: true });
  mkdirSync(join(data, 'releases', 'r0'), { recursive: true });
  writeFileSync(join(data, 'releases', 'r0', 'release.json'), '{"release":"r0","date":"2022-09-01"}\n');
  writeFileSync(join(data, 'releases', 'r0', 'embeds.json.br'), brotliCompressSync('{}'));
  return { data, out };
}

/** The sub-path site's build, as the global setup ran it; `extra` for this test's own builds. */
const SUB_ENV = { SITE_BASE: '/edu/', SITE_URL: 'https://example.org', SOURCE_DATE_EPOCH: '1795392000' };

function startBuild(data: string, out: string, args: string[] = [], env: Record<string, string> = { MSOKO_RELEASE: 'r1' }): ChildProcess {
  return spawn(process.execPath, [join(ROOT, 'scripts', 'build.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, MSOKO_DATA_DIR: data, MSOKO_OUT_DIR: out, ...SUB_ENV, ...env },
    stdio: 'ignore',
  });
}

/** Waits for a condition on disk, checking often, up to the limit for a slow machine. */
async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + UNTIL.timeout * 4;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`не дождались: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const exited = (p: ChildProcess) =>
  new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));
const working = (out: string) => readdirSync(dirname(out)).filter((n) => n.startsWith(`.${basename(out)}-`));
const hasFile = (dir: string, test: (f: string) => boolean) =>
  existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => test(String(f)));

function isAlive(lock: string): boolean {
  try {
    process.kill((JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid, 0);
    return true;
  } catch {
    return false;
  }
}

// One published site through a season of accidents, in order: each step leaves what the next one must cope with.
describe('a published site, its builds killed and run twice at once', () => {
  const { data, out } = published();
  const site = snapshot(out);
  const releases = snapshot(join(data, 'releases'));

  it.each([
    ['the supervisor, while pages render', 'supervisor', (w: string) => hasFile(w, (f) => f.endsWith('index.html'))],
    ['the build itself, while PNGs are drawn', 'build', (w: string) => hasFile(`${w}-charts`, (f) => f.endsWith('.png'))],
  ])('killed with SIGKILL (%s): dist/ and data/releases/ stay byte for byte', async (_, victim, stage) => {
    const build = startBuild(data, out, ['--freeze']);
    const w = workspace(out, build.pid!).tmp;
    await until(`этап сборки (${victim})`, () => stage(w));
    if (victim === 'supervisor') process.kill(build.pid!, 'SIGKILL');
    else {
      // The supervisor holds the lock and names in it the process of the stage that runs.
      const pid = (JSON.parse(readFileSync(workspace(out, 0).lock, 'utf8')) as { worker: number }).worker;
      process.kill(pid, 'SIGKILL');
    }
    await exited(build);
    // The build process follows its supervisor out (its channel closes); the lock it held goes stale.
    await until('остановка сборки', () => !existsSync(workspace(out, 0).lock) || !isAlive(workspace(out, 0).lock));
    expect(snapshot(out)).toEqual(site);
    expect(snapshot(join(data, 'releases'))).toEqual(releases);
  });

  it('the next build leaves no working folder; a second one started beside it stops with a Russian message; its site is, byte for byte, the one the same data gave before', async () => {
    // The data as the global setup built them: without the frozen release added here.
    rmSync(join(data, 'releases'), { recursive: true });
    const first = startBuild(data, out, [], {});
    await until('первая сборка взяла папку', () => existsSync(workspace(out, 0).lock));
    const second = await runScript('build.ts', { MSOKO_DATA_DIR: data, MSOKO_OUT_DIR: out });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/уже собирает другая сборка \(процесс \d+/);
    await exited(first);
    expect(first.exitCode).toBe(0);
    expect(working(out)).toEqual([]);
    expect(verifyChecksums(out)).toEqual({ changed: [], missing: [], extra: [] });
    // Another folder, another time, the same data: the same site.
    const before = inject('subDist');
    expect(files(out)).toEqual(files(before));
    expect(files(out).filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(before, f))))).toEqual([]);
  });
});

describe('the lock and the leftovers', () => {
  it('takes over a lock whose process is gone, and refuses one whose process runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msoko-lock-'));
    const path = join(dir, '.dist.lock');
    const host = 'this-host';
    writeFileSync(path, JSON.stringify({ pid: 2 ** 22 + 12345, host, started: '2026-01-01T00:00:00Z' }));
    const mine = takeLock(path, { pid: process.pid, host, started: '' });
    expect('release' in mine).toBe(true);
    const other = takeLock(path, { pid: 1, host, started: '' });
    expect(other).toEqual({ holder: { pid: process.pid, host, started: '' } });
    if ('release' in mine) mine.release();
    expect(existsSync(path)).toBe(false);
  });
  it('puts the old site back when a swap was cut off between its two renames', () => {
    const dir = mkdtempSync(join(tmpdir(), 'msoko-swap-'));
    const out = join(dir, 'dist');
    mkdirSync(join(dir, '.dist-old-4242'));
    writeFileSync(join(dir, '.dist-old-4242', 'index.html'), 'прежний сайт');
    mkdirSync(join(dir, '.dist-tmp-4242-charts'), { recursive: true });
    const done = recover(workspace(out, 99));
    expect(done).toHaveLength(2);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('прежний сайт');
    expect(readdirSync(dir)).toEqual(['dist']);
  });
});

describe('SHA256SUMS', () => {
  it('lists every file of the built site, and `npm run verify` finds a changed one', async () => {
    const out = mkdtempSync(join(tmpdir(), 'msoko-sums-'));
    cpSync(inject('subDist'), out, { recursive: true });
    const lines = readFileSync(join(out, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(files(out).length - 1);
    expect(lines.every((l) => /^[0-9a-f]{64} {2}[^\\]+$/.test(l))).toBe(true);
    expect((await runScript('verify.ts', {}, [out])).code).toBe(0);
    writeFileSync(join(out, 'index.html'), 'подменённая страница');
    const bad = await runScript('verify.ts', {}, [out]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('изменён: index.html');
  });
});

describe('without Linux', () => {
  it('memory: no /proc means no tree reading, and the build’s own report of its peak is used', () => {
    expect(treeMemory(process.pid, () => undefined)).toBeUndefined();
    expect(reportedPeak('Сайт собран в dist за 30,2 с (графиков: 347; пиковая память сборки 1\u202f543 МБ).')).toBe(1543 * 1024 * 1024);
    const proc: Record<string, string> = {
      '/proc/self/status': 'VmRSS:\t1 kB',
      '/proc/10/status': 'VmRSS:\t2048 kB',
      '/proc/10/task/10/children': '11 ',
      '/proc/11/status': 'VmRSS:\t1024 kB',
    };
    expect(treeMemory(10, (p) => proc[p])).toEqual([2048 * 1024, 1024 * 1024]);
  });
  it('paths: a Windows relative path becomes the URL path the page is served at', () => {
    expect(urlPath('schools\\105\\index.html', '\\')).toBe('schools/105/index.html');
    expect(urlPath('schools/105/index.html', '/')).toBe('schools/105/index.html');
  });
});
