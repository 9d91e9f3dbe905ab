/** Runs the real build (scripts/build.ts) as a user would, into a folder of the test's choosing. */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * How long a test may wait for a build: the demo builds in about 40 s here, and a CI machine may be five times
 * slower or share its cores with other builds. A test never fails because a build was slow, only when it hangs.
 */
export const BUILD_TIMEOUT = 600_000;

const command = (dataDir: string, outDir: string, env: Record<string, string>, script: string, args: string[]) =>
  [
    process.execPath,
    ['--max-old-space-size=1200', join(ROOT, 'scripts', script), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, MSOKO_DATA_DIR: dataDir, MSOKO_OUT_DIR: outDir, SOURCE_DATE_EPOCH: '1795392000', ...env },
    },
  ] as const;

export function runBuild(
  dataDir: string,
  outDir: string,
  env: Record<string, string> = {},
  script = 'build.ts',
  args: string[] = [],
): BuildRun {
  const [exe, argv, opts] = command(dataDir, outDir, env, script, args);
  const r = spawnSync(exe, argv, { ...opts, encoding: 'utf8', timeout: BUILD_TIMEOUT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking: builds that do not depend on each other run side by side on the machine's cores. */
export function startBuild(dataDir: string, outDir: string, env: Record<string, string> = {}): Promise<BuildRun> {
  const [exe, argv, opts] = command(dataDir, outDir, env, 'build.ts', []);
  return started(exe, [...argv], opts);
}

/** A Node program of the project's tools (tsc, Prettier), without blocking. */
export const startTool = (script: string, args: string[]) =>
  started(process.execPath, [join(ROOT, 'node_modules', script), ...args], { cwd: ROOT, env: process.env });

function started(exe: string, argv: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<BuildRun> {
  return new Promise((done) => {
    const child = spawn(exe, argv, opts);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stdout, stderr });
    });
  });
}
