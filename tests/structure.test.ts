/**
 * The house stays as docs/architecture.md draws it: every module of src/lib in
 * a folder of the layer table, each folder importing only the folders below it,
 * no import cycle between files, pages that only render what one view gives
 * them, and every path the map names present.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const LIB = join(ROOT, 'src', 'lib');
const DOC = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');

function sources(dir: string, ext = /\.(ts|astro)$/): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => ext.test(f))
    .map((f) => join(dir, f));
}

/** Every import of a file that points at another source file (type imports too: they tie the layers as well). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /^\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm,
  ))
    out.push(resolve(dirname(file), m[1] ?? m[2]));
  return out;
}

/** The layer table of docs/architecture.md, top first. */
const LAYERS = (() => {
  const start = DOC.indexOf('<!-- layers: top first -->');
  const rows = DOC.slice(start).split('\n\n')[0].split('\n');
  return rows.flatMap((r) => /^\| `([a-z-]+)\/` \|/.exec(r)?.[1] ?? []);
})();

const folderOf = (file: string) => relative(LIB, file).split(sep)[0];
const lib = sources(LIB, /\.ts$/);
const all = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'scripts'))];

describe('layers of src/lib', () => {
  it('are listed in docs/architecture.md, each folder of src/lib once', () => {
    const folders = readdirSync(LIB).filter((f) => statSync(join(LIB, f)).isDirectory());
    expect(LAYERS.length).toBeGreaterThan(5);
    expect([...LAYERS].sort()).toEqual([...folders].sort());
  });

  it('leave no module loose in src/lib', () => {
    expect(lib.filter((f) => !relative(LIB, f).includes(sep)).map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('import only the folders below them', () => {
    const rank = (f: string) => LAYERS.indexOf(folderOf(f));
    const up = lib.flatMap((f) =>
      imports(f)
        .filter((t) => t.startsWith(LIB + sep) && folderOf(t) !== folderOf(f) && rank(t) <= rank(f))
        .map((t) => `${relative(LIB, f)} → ${relative(LIB, t)}`),
    );
    expect(up).toEqual([]);
  });

  it('keep the site-wide model out of every chart kind', () => {
    const model = join(LIB, 'model');
    const charts = lib.filter((f) => folderOf(f) === 'charts');
    expect(charts.length).toBeGreaterThan(5);
    expect(charts.filter((f) => imports(f).some((t) => t.startsWith(model))).map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('module graph', () => {
  it('has no import cycle', () => {
    const graph = new Map(all.map((f) => [f, imports(f).filter((i) => all.includes(i))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(f)), f].map((x) => relative(ROOT, x)).join(' → '));
        return;
      }
      state.set(f, 'open');
      stack.push(f);
      for (const g of graph.get(f) ?? []) visit(g);
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of all) visit(f);
    expect(cycles).toEqual([]);
  });
});

describe('pages', () => {
  const astro = [
    ...sources(join(ROOT, 'src', 'pages'), /\.astro$/),
    ...sources(join(ROOT, 'src', 'components'), /\.astro$/),
    ...sources(join(ROOT, 'src', 'layouts'), /\.astro$/),
  ];
  const frontmatter = (f: string) => readFileSync(f, 'utf8').split(/^---$/m)[1] ?? '';
  /** Statements besides imports, comments and the Props type: what a page computes. */
  const code = (f: string) => {
    const lines = frontmatter(f)
      .replace(/^import[\s\S]*?from\s+['"][^'"]+['"];?$/gm, '')
      .replace(/^import\s+['"][^'"]+['"];?$/gm, '')
      .replace(/^interface Props[\s\S]*?^}$/gm, '')
      .replace(/^interface Props \{[^\n]*\}$/gm, '');
    return lines.split('\n').filter((l) => l.trim() && !/^\s*(\/\/|\/\*\*?|\*)/.test(l));
  };

  it('have at most 10 frontmatter lines besides imports', () => {
    const long = astro.map((f) => [relative(ROOT, f), code(f).length] as const).filter(([, n]) => n > 10);
    expect(long).toEqual([]);
  });

  it('neither filter, sort, search nor read the model: they render what a view gives them', () => {
    // Scripts that run in the reader's browser (sorting a table on request) are not the build's computation.
    const built = (f: string) => readFileSync(f, 'utf8').replace(/<script[\s\S]*?<\/script>/g, '');
    const computing = astro.filter((f) => /\.(filter|sort|find|reduce)\(|getModel|\bsite\(\)|\bm\.ix\b/.test(built(f)));
    expect(computing.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('take their view from one function of src/lib/views', () => {
    const pages = sources(join(ROOT, 'src', 'pages'), /\.astro$/);
    const without = pages.filter((f) => !/from '[./]*lib\/views\//.test(frontmatter(f)));
    expect(without.map((f) => relative(ROOT, f))).toEqual([]);
  });
});

describe('the map', () => {
  it('names only paths that exist (docs/architecture.md and the README)', () => {
    const missing: string[] = [];
    for (const doc of ['docs/architecture.md', 'README.md']) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      for (const m of text.matchAll(/`((?:src|scripts|tests|docs|templates)\/[^`\s]*)`/g)) {
        const path = m[1].replace(/[),.:;]+$/, '');
        if (/[<>*]/.test(path)) continue;
        if (!existsSync(join(ROOT, path))) missing.push(`${doc}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('and the scripts name only modules that exist, also inside the code they hand to another process', () => {
    const missing = sources(join(ROOT, 'scripts'), /\.ts$/).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/'\.\/(src\/[^']+\.ts)'/g)]
        .filter((m) => !existsSync(join(ROOT, m[1])))
        .map((m) => `${relative(ROOT, f)}: ${m[1]}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('source files', () => {
  it('are at most 300 lines each, so that each reads as one concern', () => {
    const long = all.map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length - 1] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('need no casts through unknown: row types come from the table specs, indicator types from the registry', () => {
    expect(all.filter((f) => /as unknown as/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f))).toEqual([]);
  });
});
