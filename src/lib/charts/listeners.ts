/**
 * linkedom, the DOM that Plot draws into at build time, gives every node it makes a Map of event listeners in one
 * module-wide WeakMap, at once. No chart listens to anything: a region's 6 400 charts made millions of such
 * entries for the collector to clear (Plot's school chart: 1,4 ms with them, 0,7 ms without). `lazyListeners` rewrites linkedom's event target to make a node's map when a listener is first
 * added; scripts/dom-hooks.ts applies it as the module loads. The same DOM otherwise, events included.
 */

/** linkedom's source → the same with the map made on first use (0.18: the constructor, add and remove). */
const EDITS: [string, string][] = [
  ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {}'],
  [
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));\n',
  ],
  ['    const map = wm.get(this);\n    if (map.has(type)) {', '    const map = wm.get(this);\n    if (map && map.has(type)) {'],
];

/** The module to rewrite, in either of linkedom's builds. */
export const EVENT_TARGET = /\/linkedom\/(esm|cjs)\/interface\/event-target\.js$/;

/** All edits or none: a linkedom whose source has changed is used as it is (tests/listeners.test.ts then fails). */
export function lazyListeners(source: string): string {
  if (!EDITS.every(([from]) => source.split(from).length === 2)) return source;
  return EDITS.reduce((s, [from, to]) => s.replace(from, to), source);
}
