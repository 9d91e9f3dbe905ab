/** Runs the real build (scripts/build.ts) as a user would, into a folder of the test's choosing. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface BuildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export const ROOT = join(import.meta.dirname, '..', '..');

export function runBuild(
  dataDir: string,
  outDir: string,
  env: Record<string, string> = {},
  script = 'build.ts',
  args: string[] = [],
): BuildRun {
  const r = spawnSync(process.execPath, ['--max-old-space-size=1200', join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, MSOKO_DATA_DIR: dataDir, MSOKO_OUT_DIR: outDir, SOURCE_DATE_EPOCH: '1795392000', ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
