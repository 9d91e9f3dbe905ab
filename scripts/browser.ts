/**
 * Starts headless Chromium for the browser tests and screenshots with nothing
 * installed but npm packages: on Linux the binary shipped inside
 * @sparticuz/chromium (unpacked once into node_modules/.cache), on Windows and
 * macOS the Edge or Chrome the system already has. `CHROMIUM` names another
 * binary (for example Debian's /usr/bin/chromium) when a person wants one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
/** Flags that keep a headless Chromium off the network (this project's sites need none). */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/**
 * Unpacks the packaged Chromium into a staging folder and renames it into
 * place: a run killed half-way leaves no broken binary behind, and two test
 * processes unpacking at once both end with the same complete copy.
 */
async function packagedChromium(): Promise<string> {
  const { default: Sparticuz } = await import('@sparticuz/chromium');
  const pkg = join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  const cache = join(ROOT, 'node_modules', '.cache', 'msoko-chromium');
  const final = join(cache, version);
  const exe = join(final, 'chromium');
  if (existsSync(exe)) return exe;
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, 'unpacking-'));
  // The package unpacks into os.tmpdir(), which follows TMPDIR at each call.
  const tmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await Sparticuz.executablePath();
  } finally {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  }
  try {
    renameSync(staging, final);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process was first
  }
  return exe;
}

/** How this machine starts Chromium: a path and flags, or a browser channel Playwright knows. */
export async function chromiumOptions(): Promise<LaunchOptions> {
  const own = process.env.CHROMIUM;
  if (own) return { executablePath: own, args: ['--no-sandbox', '--disable-gpu', ...QUIET] };
  if (process.platform === 'linux') {
    const { default: Sparticuz } = await import('@sparticuz/chromium');
    Sparticuz.setGraphicsMode = false;
    // Its flags are made for one page per cold start: in --single-process the
    // browser dies when the first page of a reused browser closes.
    const args = Sparticuz.args.filter((a) => a !== '--single-process');
    return { executablePath: await packagedChromium(), args: [...args, ...QUIET] };
  }
  // Windows always has Edge; on macOS Chrome is the common one.
  return { channel: process.platform === 'win32' ? 'msedge' : 'chrome', args: QUIET };
}

export async function launchChromium(): Promise<Browser> {
  const options = await chromiumOptions();
  try {
    return await chromium.launch({ headless: true, ...options });
  } catch (e) {
    throw new Error(
      `Не удалось запустить Chromium (${options.executablePath ?? options.channel}). ` +
        'Укажите путь к Chromium или Chrome в переменной окружения CHROMIUM.\n' +
        String(e),
    );
  }
}
