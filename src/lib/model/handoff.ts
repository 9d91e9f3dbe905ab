/**
 * How the pages get the model, and the one place that touches globalThis.
 *
 * Why globalThis: the render stage of the build (scripts/render-site.ts) computes the model
 * once, then runs Astro in the same process. Astro bundles the pages and
 * everything they import into chunks of its own, so the page code holds its
 * own copies of these modules: a module variable set by the build script is
 * not the one the pages read. A global symbol is the only thing both copies
 * share; the model (a million values for a region) cannot be serialised into
 * a Vite module instead.
 */
import { buildModel, type Model } from './build.ts';

const KEY = Symbol.for('msoko.model');
const SHARED = Symbol.for('msoko.shared');
const slot = globalThis as { [KEY]?: Model; [SHARED]?: WeakMap<Model, Map<string, unknown>> };

/** The model of this build; computed from MSOKO_DATA_DIR (or data/) if the build script has not handed one over. */
export function getModel(): Model {
  if (!slot[KEY]) {
    const { model, log } = buildModel(process.env.MSOKO_DATA_DIR ?? 'data');
    if (log.errors.length > 0) throw new Error(`Данные содержат ошибки (${log.errors.length}); запустите npm run check-data`);
    slot[KEY] = model;
  }
  return slot[KEY]!;
}

/** Hands the computed model to the pages (the build script, before Astro renders). */
export function setModel(m: Model): void {
  slot[KEY] = m;
}

/**
 * A value computed once per model and shared by the build script and Astro's
 * copies of the modules — the catalog of charts: made once for the chart
 * files, and not a second time (with another copy of every chart in memory)
 * for the pages.
 */
export function shared<T>(m: Model, key: string, make: () => T): T {
  const all = (slot[SHARED] ??= new WeakMap());
  let mine = all.get(m);
  if (!mine) all.set(m, (mine = new Map()));
  if (!mine.has(key)) mine.set(key, make());
  return mine.get(key) as T;
}

/** Lets the model go when the build no longer needs it, so that its memory can be freed for the last stages. */
export function releaseModel(): void {
  delete slot[KEY];
}
