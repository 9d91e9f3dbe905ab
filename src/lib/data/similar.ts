/** Levenshtein distance, for «did you mean» hints on mistyped codes. */
export function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

// Letters typed for digits and Cyrillic for Latin look-alikes: «1О3» and «10З» mean «103».
const LOOKALIKE: Record<string, string> = { о: '0', o: '0', з: '3', l: '1', i: '1', б: '6', а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', р: 'p', с: 'c', т: 't', у: 'y', х: 'x' };
const plain = (s: string) => [...s.toLowerCase()].map((ch) => LOOKALIKE[ch] ?? ch).join('');

/** The closest candidate within 2 edits, if any; a look-alike spelling wins outright. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  const w = plain(word);
  for (const c of candidates) {
    if (plain(c) === w) return c;
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best;
}
