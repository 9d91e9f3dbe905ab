/**
 * Builds the sites the crawl and browser tests look at, once per run:
 * the demo (twice, to check that builds are byte-identical) and a small
 * independent municipality under a sub-path, in awkward dialects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT, runBuild } from './build.ts';
import { independentMunicipality } from './independent.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDist: string;
    demoDist2: string;
    subDist: string;
    subData: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'msoko-sites-'));
  const must = (r: ReturnType<typeof runBuild>, what: string) => {
    if (r.status !== 0) throw new Error(`${what} failed:\n${r.stdout}\n${r.stderr}`);
  };
  const demo = join(dir, 'demo');
  must(runBuild(join(ROOT, 'data'), demo), 'demo build');
  const demo2 = join(dir, 'demo2');
  must(runBuild(join(ROOT, 'data'), demo2), 'second demo build');
  const subData = independentMunicipality();
  const sub = join(dir, 'sub');
  must(runBuild(subData, sub, { SITE_BASE: '/edu/', SITE_URL: 'https://example.org' }), 'sub-path build');
  project.provide('demoDist', demo);
  project.provide('demoDist2', demo2);
  project.provide('subDist', sub);
  project.provide('subData', subData);
  return () => rmSync(dir, { recursive: true, force: true });
}
