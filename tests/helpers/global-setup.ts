/**
 * Builds the sites the crawl and browser tests look at, once per run: the
 * demo, a small independent municipality under a sub-path in awkward
 * dialects (tests/publish.test.ts builds it once more, and finds the same
 * site byte for byte), and the municipality of tests/context-build.test.ts.
 * The builds run at once, and with them the type check and the format check:
 * each is mostly one process, and the machine's cores are shared between
 * them. A type or format error stops the run before any test, as a failed
 * build does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, startBuild, startTool, type BuildRun } from './build.ts';
import { contextMunicipality } from './context-municipality.ts';
import { independentMunicipality } from './independent.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDist: string;
    subDist: string;
    subData: string;
    ctxDist: string;
    /** What the build of the context municipality printed (its warnings). */
    ctxLog: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'msoko-sites-'));
  const must = (r: BuildRun, what: string) => {
    if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
  };
  const [demo, sub, ctx] = ['demo', 'sub', 'ctx'].map((d) => join(dir, d));
  const subData = independentMunicipality();
  const ctxData = await contextMunicipality();
  const [types, format, a, b, c] = await Promise.all([
    startTool('typescript/bin/tsc', ['--noEmit']),
    startTool('prettier/bin/prettier.cjs', ['--check', 'src/**/*.{ts,css}', 'scripts/**/*.ts', 'tests/**/*.ts']),
    startBuild(join(ROOT, 'data'), demo),
    startBuild(subData, sub, { SITE_BASE: '/edu/', SITE_URL: 'https://example.org' }),
    startBuild(ctxData, ctx),
  ]);
  must(types, 'tsc --noEmit (types)');
  must(format, 'npm run format:check (Prettier)');
  must(a, 'demo build');
  must(b, 'sub-path build');
  must(c, 'context municipality build');
  project.provide('demoDist', demo);
  project.provide('subDist', sub);
  project.provide('subData', subData);
  project.provide('ctxDist', ctx);
  project.provide('ctxLog', c.stdout + c.stderr);
  return () => rmSync(dir, { recursive: true, force: true });
}
