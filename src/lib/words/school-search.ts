/**
 * Finding a school as parents type it: «школа номер 4», «школа №4», «СОШ4», «сош 4», «4 школа», «лицей 2»,
 * «гимназии». A number is the school's number (from its name), not any digit of its address; words are matched
 * by their beginning, so Russian endings do not matter. One self-contained function, with nothing from outside
 * it: the site inlines its text into the /schools/ filter and the search page (`inlineFinder`), and the tests
 * call it as it is.
 */
export function schoolFinder() {
  // Words that say «a school» or «number» and nothing about which one.
  const NOISE = [
    'в',
    'во',
    'на',
    '№',
    'n',
    'no',
    'номер',
    'номеру',
    'номером',
    'школа',
    'школу',
    'школы',
    'школе',
    'школои',
    'школ',
    'мбоу',
    'маоу',
    'мкоу',
    'моу',
    'оу',
  ];
  const fold = (s: string): string =>
    s
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/й/g, 'и')
      .replace(/(\d)(?=\p{L})|(\p{L})(?=\d)/gu, '$1$2 ')
      .replace(/[^\p{L}\d]+/gu, ' ')
      .trim();
  const words = (s: string): string[] => (s ? s.split(' ') : []);
  const tokens = (q: string): string[] => words(fold(q)).filter((t) => NOISE.indexOf(t) < 0);
  const isNumber = (t: string): boolean => /^\d+$/.test(t);
  // «гимназии» finds «гимназия», «лицее» finds «лицей»: a long word is matched without its last two letters.
  const stem = (t: string): string => (t.length >= 5 ? t.slice(0, Math.max(4, t.length - 2)) : t);

  /** What a school is found by, as three strings for `data-` attributes: name words, its numbers, address words. */
  function key(name: string, other: string, address: string): { text: string; nums: string; addr: string } {
    const text = fold(`${name} ${other}`);
    const nums = words(fold(name)).filter(isNumber);
    return { text, nums: nums.join(' '), addr: fold(address) };
  }

  /** How well a school fits the query: 0 — not at all; more is better (its number outranks a number in its address). */
  function score(q: string, k: { text: string; nums: string; addr: string }): number {
    const name = words(k.text);
    const nums = words(k.nums);
    const addr = words(k.addr);
    let s = 1;
    for (const t of tokens(q)) {
      if (isNumber(t)) {
        if (nums.indexOf(t) >= 0) s += 4;
        else if (addr.indexOf(t) >= 0) s += 1;
        else return 0;
        continue;
      }
      const b = stem(t);
      if (name.some((w) => w === t)) s += 3;
      else if (name.some((w) => w.indexOf(b) === 0)) s += 2;
      else if (addr.some((w) => w.indexOf(b) === 0)) s += 1;
      else return 0;
    }
    return s;
  }

  /** The schools that fit, best first and otherwise in the given order. */
  function find<T extends { text: string; nums: string; addr: string }>(q: string, all: readonly T[]): T[] {
    const hits = all.map((k, i) => ({ k, i, s: score(q, k) })).filter((h) => h.s > 0);
    return hits.sort((a, b) => b.s - a.s || a.i - b.i).map((h) => h.k);
  }

  function distance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const cur = [i];
      for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
    return prev[b.length];
  }

  /** For a query that fits nothing: up to `n` schools whose names are nearest to it (a typo, a wrong number). */
  function nearest<T extends { text: string; nums: string; addr: string }>(q: string, all: readonly T[], n = 3): T[] {
    const ts = tokens(q);
    if (ts.length === 0) return [];
    const fit = (k: T): number => {
      const name = words(k.text);
      let sum = 0;
      for (const t of ts) {
        // A number counts when the school has it; a word by its letters against the nearest word of the name.
        if (isNumber(t)) sum += words(k.nums).indexOf(t) >= 0 ? 1 : 0;
        else sum += Math.max(0, ...name.map((w) => 1 - distance(t, w.slice(0, t.length + 1)) / Math.max(t.length, 3)));
      }
      return sum / ts.length;
    };
    return all
      .map((k, i) => ({ k, i, f: fit(k) }))
      .filter((h) => h.f >= 0.5)
      .sort((a, b) => b.f - a.f || a.i - b.i)
      .slice(0, n)
      .map((h) => h.k);
  }

  return { key, score, find, nearest, tokens };
}

/** The finder's source for an inline script: `var finder = (…)();` — the same code the tests run. */
export const inlineFinder = (): string => `var finder = (${schoolFinder.toString()})();`;
