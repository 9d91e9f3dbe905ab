/**
 * A Word table's layout from its content: the page (portrait unless the
 * table needs more), the font size and each column's width, so that no word
 * of a header is broken and an interval stays on one line. A short table
 * (one or two rows) is never given a landscape page: it is transposed or set
 * smaller. Where even a landscape page at 8 pt cannot hold a header's word,
 * the word is abbreviated from `ABBREVIATIONS`, and the table says so below.
 */

/** The text width of a portrait A4 page with the margins of ГОСТ Р 7.0.97 (30 + 10 mm), and of a landscape one with 2 cm, in twips. */
export const PORTRAIT_TWIPS = 9638;
export const LANDSCAPE_TWIPS = 16838 - 2 * 1134;

/** Words a header may be shortened to when nothing else fits, with their full form for the note under the table. */
export const ABBREVIATIONS: Record<string, string> = {
  участников: 'участн.',
  участники: 'участн.',
  успеваемость: 'успев.',
  успеваемости: 'успев.',
  муниципалитет: 'муницип.',
  муниципалитета: 'муницип.',
  математика: 'матем.',
  информатика: 'информ.',
  обществознание: 'общ.',
  литература: 'лит.',
  английский: 'англ.',
  профильный: 'проф.',
  базовый: 'баз.',
  качество: 'кач.',
  процентов: '%',
};

/** An interval «55,1–63,1» after its value held on one line: a non-breaking space before it and a non-breaking hyphen inside. */
export const holdIntervals = (s: string) =>
  s.replace(/(\S) \(([−-]?\d[\d\u00a0\u202f,]*)–([−-]?\d[\d\u00a0\u202f,]*)\)/g, '$1\u00a0($2\u2011$3)');

/** In a table's narrow column the interval may go under its value, but never breaks itself. */
export const breakable = (s: string) => s.replace(/\u00a0\(/g, ' (');

/** Width of a character of Times New Roman, in twips per half-point of size, with room to spare: Cyrillic capitals run wide (bold wider still). */
const CHAR = 6.6;
/** A cell's left and right margins together, in twips. */
const PAD = 230;

const tokens = (s: string) =>
  breakable(s)
    .split(/[ \n]+/)
    .filter(Boolean);
const widthOf = (chars: number, size: number, bold: boolean) => Math.ceil(chars * CHAR * size * (bold ? 1.12 : 1)) + PAD;

export interface Layout {
  /** False when even a landscape page at 8 pt with abbreviated headers cannot hold every column: `splitColumns` parts it. */
  fits: boolean;
  landscape: boolean;
  /** Half-points. */
  size: number;
  columns: number[];
  transposed: boolean;
  /** The rows as laid out (transposed, abbreviated). */
  cells: string[][];
  /** Abbreviations used, for the note under the table. */
  abbreviated: [string, string][];
}

/** `cells[0]` is the header row. */
export function layoutTable(cells: string[][]): Layout {
  const attempt = (grid: string[][], landscape: boolean, size: number) => {
    const width = Math.max(...grid.map((r) => r.length));
    const page = landscape ? LANDSCAPE_TWIPS : PORTRAIT_TWIPS;
    const need = Array.from({ length: width }, (_, i) =>
      Math.max(...grid.map((r, k) => Math.max(0, ...tokens(r[i] ?? '').map((t) => widthOf([...t].length, size, k === 0)))), PAD),
    );
    const want = Array.from({ length: width }, (_, i) =>
      Math.max(need[i], ...grid.map((r, k) => widthOf([...(r[i] ?? '')].length, size, k === 0))),
    );
    const total = need.reduce((a, x) => a + x, 0);
    if (total > page) return undefined;
    // What is left goes first to the columns that would wrap, in proportion to what they lack, then to all alike.
    let left = page - total;
    const lack = want.map((w, i) => w - need[i]);
    const lackSum = lack.reduce((a, x) => a + x, 0);
    const columns = need.map((n, i) => n + (lackSum > 0 ? Math.floor((Math.min(left, lackSum) * lack[i]) / lackSum) : 0));
    left = page - columns.reduce((a, x) => a + x, 0);
    return { columns: columns.map((c) => c + Math.floor(left / width)), landscape, size };
  };
  const width = Math.max(...cells.map((r) => r.length));
  const base = width > 5 ? 20 : 24;
  const sizes = [24, 22, 20, 18, 16].filter((s) => s <= base);
  // A table of a few rows stays on the portrait page, set smaller or transposed, and one or two rows are never given a
  // page turned for them; a long one is set down to 10 pt on the portrait page, then turned, before it is set smaller.
  const short = cells.length <= 3;
  const few = cells.length <= 9;
  // A table of few rows and many columns reads as well turned on its side: the columns become its rows.
  const transposed =
    few && width > 3 && width > cells.length ? Array.from({ length: width }, (_, i) => cells.map((r) => r[i] ?? '')) : undefined;
  type Plan = [string[][], boolean, boolean, number];
  const plans: Plan[] = few
    ? [
        ...sizes.map((z): Plan => [cells, false, false, z]),
        ...(transposed ? sizes.map((z): Plan => [transposed, false, true, z]) : []),
        ...(short ? [] : sizes.map((z): Plan => [cells, true, false, z])),
      ]
    : [
        ...sizes.filter((z) => z >= 20).map((z): Plan => [cells, false, false, z]),
        ...sizes.filter((z) => z >= 20).map((z): Plan => [cells, true, false, z]),
        ...sizes
          .filter((z) => z < 20)
          .flatMap((z): Plan[] => [
            [cells, false, false, z],
            [cells, true, false, z],
          ]),
      ];
  for (const [grid, landscape, t, size] of plans) {
    const a = attempt(grid, landscape, size);
    if (a) return { ...a, fits: true, transposed: t, cells: grid, abbreviated: [] };
  }
  // Nothing fits whole: headers' long words abbreviated, on the widest page the table may have, at 8 pt.
  const grid = transposed ?? cells;
  const used = new Map<string, string>();
  const short8 = grid.map((r, k) =>
    r.map((c, i) =>
      k === 0 || (transposed && i === 0)
        ? c.replace(/[\p{L}]+/gu, (w) => {
            const a = ABBREVIATIONS[w.toLowerCase()];
            if (!a) return w;
            used.set(a, w.toLowerCase());
            return a;
          })
        : c,
    ),
  );
  const landscape = !short;
  const a = attempt(short8, landscape, 16);
  const n = Math.max(...short8.map((r) => r.length));
  const page = landscape ? LANDSCAPE_TWIPS : PORTRAIT_TWIPS;
  return {
    fits: a !== undefined,
    landscape,
    size: 16,
    columns: a?.columns ?? Array.from({ length: n }, () => Math.floor(page / n)),
    transposed: transposed !== undefined,
    cells: short8,
    abbreviated: [...used],
  };
}

/**
 * The columns of a table too wide for any page, in parts that each fit a landscape page at 8 pt: each part
 * repeats the first column (the row's name). Indices into the rows.
 */
export function splitColumns(cells: string[][]): number[][] {
  const width = Math.max(...cells.map((r) => r.length));
  const need = (i: number) =>
    Math.max(PAD, ...cells.map((r, k) => Math.max(0, ...tokens(r[i] ?? '').map((t) => widthOf([...t].length, 16, k === 0)))));
  const first = need(0);
  const parts: number[][] = [];
  let part = [0];
  let used = first;
  for (let i = 1; i < width; i++) {
    const w = need(i);
    if (used + w > LANDSCAPE_TWIPS && part.length > 1) {
      parts.push(part);
      part = [0];
      used = first;
    }
    part.push(i);
    used += w;
  }
  parts.push(part);
  // Parts of even size read better than a full one and a remainder of one column.
  if (parts.length > 1) {
    const per = Math.ceil((width - 1) / parts.length);
    return parts
      .map((_, p) => [0, ...Array.from({ length: width - 1 }, (_, i) => i + 1).slice(p * per, (p + 1) * per)])
      .filter((x) => x.length > 1);
  }
  return parts;
}
