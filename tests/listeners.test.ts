/** linkedom's nodes get their listeners' map on first use (src/lib/charts/listeners.ts, scripts/dom-hooks.ts). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyListeners } from '../src/lib/charts/listeners.ts';

const require = createRequire(import.meta.url);
const linkedom = join(require.resolve('linkedom'), '..', '..');

describe('the lighter DOM of the charts', () => {
  it('applies to the installed linkedom, both builds (an upgrade that changed its source fails here)', () => {
    for (const build of ['esm', 'cjs']) {
      const source = readFileSync(join(linkedom, build, 'interface', 'event-target.js'), 'utf8');
      const lazy = lazyListeners(source);
      expect(source).toContain('wm.set(this, new Map);');
      expect(lazy, build).not.toContain('wm.set(this, new Map);');
      expect(lazy).toContain('if (!map) wm.set(this, (map = new Map));');
    }
  });
  it('leaves a source it does not know as it is', () => {
    const other = 'class DOMEventTarget {\n  constructor() {\n    this.listeners = new Map;\n  }\n}\n';
    expect(lazyListeners(other)).toBe(other);
  });
  it('keeps events working in a stage loaded with the hook: listeners added, called once, removed, and none on a new node', () => {
    const script = `
      import { parseHTML } from 'linkedom';
      const { document } = parseHTML('<!doctype html><html><body></body></html>');
      const calls = [];
      const a = document.createElement('div');
      const b = document.createElementNS('http://www.w3.org/2000/svg', 'g');
      a.appendChild(b);
      document.body.appendChild(a);
      // A node that never listened: removing and dispatching must not throw.
      b.removeEventListener('click', () => {});
      const once = () => calls.push('once');
      const on = (e) => calls.push(e.type + ':' + (e.currentTarget === a ? 'a' : '?'));
      a.addEventListener('click', once, { once: true });
      a.addEventListener('click', on);
      b.dispatchEvent(new document.defaultView.Event('click', { bubbles: true }));
      b.dispatchEvent(new document.defaultView.Event('click', { bubbles: true }));
      a.removeEventListener('click', on);
      b.dispatchEvent(new document.defaultView.Event('click', { bubbles: true }));
      console.log(JSON.stringify({ calls, lazy: !String(document.defaultView.EventTarget).includes('wm.set(this, new Map)') }));
    `;
    const hooks = join(import.meta.dirname, '..', 'scripts', 'dom-hooks.ts');
    const out = execFileSync(process.execPath, ['--import', hooks, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual({ calls: ['once', 'click:a', 'click:a'], lazy: true });
  });
});
