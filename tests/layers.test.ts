/** The layers stay clean: no module of src/ or scripts/ imports itself back through others. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|astro)$/.test(f))
    .map((f) => join(dir, f));
}

/** Every import of a file that points at another source file (type imports too: they tie the layers as well). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) out.push(resolve(dirname(file), m[1]));
  return out;
}

describe('module graph', () => {
  it('has no import cycle', () => {
    const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];
    const graph = new Map(files.map((f) => [f, imports(f).filter((i) => files.includes(i))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push(
          stack
            .slice(stack.indexOf(f))
            .concat(f)
            .map((x) => relative(ROOT, x))
            .join(' → '),
        );
        return;
      }
      state.set(f, 'open');
      stack.push(f);
      for (const g of graph.get(f) ?? []) visit(g);
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) visit(f);
    expect(cycles).toEqual([]);
  });
});

describe('source files', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];

  it('are at most 300 lines each, so that each reads as one concern', () => {
    const long = files.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('need no casts through unknown: row types come from the table specs, indicator types from the registry', () => {
    const casts = files.filter((f) => /as unknown as/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(casts).toEqual([]);
  });
});
