/**
 * Loaded before a build stage's own modules (`--import`, scripts/build.ts): linkedom's nodes get their map of
 * event listeners on first use, not each at birth (src/lib/charts/listeners.ts says why).
 */
import { registerHooks } from 'node:module';
import { EVENT_TARGET, lazyListeners } from '../src/lib/charts/listeners.ts';

registerHooks({
  load(url, context, nextLoad) {
    const loaded = nextLoad(url, context);
    if (!EVENT_TARGET.test(url) || loaded.source === undefined) return loaded;
    const text = typeof loaded.source === 'string' ? loaded.source : Buffer.from(loaded.source as ArrayBuffer).toString('utf8');
    return { ...loaded, source: lazyListeners(text) };
  },
});
