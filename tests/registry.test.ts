/** Every indicator of the registry has a hand-computed assertion somewhere in the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { INDICATORS, PROCEDURES } from '../src/lib/indicators/registry.ts';

it('names every indicator id in an assertion of a test file', () => {
  const dir = import.meta.dirname;
  const text = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && f !== 'registry.test.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  // An id counts when a test quotes it, or builds it from its procedure as `${p}.<suffix>`.
  const quoted = (id: string) => text.includes(`'${id}'`) || text.includes(`\`\${p}.${id.split('.')[1]}\``);
  expect(INDICATORS.map((d) => d.id).filter((id) => !quoted(id))).toEqual([]);
});

it("keeps each procedure's indicators in its own module: each is shown by that module's section", () => {
  const stray = PROCEDURES.flatMap((p) =>
    [...p.indicators, ...('objectivity' in p ? p.objectivity : []), ...('tasks' in p ? p.tasks : [])]
      .filter((d) => !(p.section.procedures as readonly string[]).includes(d.procedure))
      .map((d) => `${p.section.slug}: ${d.id}`),
  );
  expect(stray).toEqual([]);
  // …and every indicator of the registry comes from exactly one module.
  expect(
    PROCEDURES.reduce(
      (n, p) => n + p.indicators.length + ('objectivity' in p ? p.objectivity.length : 0) + ('tasks' in p ? p.tasks.length : 0),
      0,
    ),
  ).toBe(INDICATORS.length);
});
