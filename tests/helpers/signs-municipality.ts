/**
 * A municipality for §16 that the project has not seen, and a reference
 * written apart from src/lib/analyses/signs/ (tests/signs-simulation.test.ts).
 */
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { randomLcg, randomNormal, randomUniform } from 'd3';
import { csv } from './fixture.ts';

export const SCHOOLS = Array.from({ length: 16 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
const MU: Record<string, number> = { S04: 1.2, S05: -1.2 };
// ВПР 4 Russian: max 38, «3» 14, «4» 24, «5» 33. ВПР 4 maths, 6 tasks: 1–4 basic (1 point), 5–6 high (2 points).
const RUS = { max: 38, marks: [14, 24, 33] };
const TASKS = [1, 1, 1, 1, 2, 2];
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
const markOf = (s: number, [m3, m4, m5]: number[]) => (s >= m5 ? 5 : s >= m4 ? 4 : s >= m3 ? 3 : 2);

export function municipality(seed: number) {
  const src = randomLcg(seed);
  const normal = randomNormal.source(src)(0, 1);
  const u = randomUniform.source(src)(0, 1);
  const vpr25: (string | number)[][] = [
    ['participant_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark', ...TASKS.map((_, i) => `task_${i + 1}`)],
  ];
  const vpr24: (string | number)[][] = [['participant_id', 'student_id', 'school_id', 'subject', 'grade', 'primary_score', 'mark']];
  const oge25: (string | number)[][] = [['participant_id', 'student_id', 'school_id', 'subject', 'primary_score', 'mark']];
  let pid = 0;
  for (const s of SCHOOLS) {
    const mu = MU[s] ?? 0;
    // S01 is a large school: a pile is provable only where a window holds enough pupils.
    for (let k = 0; k < (s === 'S01' ? 120 : 45); k++) {
      const ability = mu + normal();
      let r = clamp(21 + 6 * ability + 2 * normal(), 0, RUS.max);
      if (s === 'S01' && (r === 22 || r === 23) && u() < 0.9) r = 24 + (u() < 0.5 ? 0 : 1);
      // Maths by task: each task solved with a chance falling with its difficulty.
      const p = (d: number) => 1 / (1 + Math.exp(-(1.2 * ability - d)));
      const tasks = TASKS.map((max, i) => (u() < p(i < 4 ? -1 : 1.2) ? max : 0));
      if (s === 'S02') for (const i of [0, 1]) if (tasks[i] === 1 && u() < 0.6) ((tasks[i] = 0), (tasks[4 + i] = 2));
      const math = tasks.reduce((a, x) => a + x, 0);
      const id = `P${++pid}`;
      vpr25.push([id, s, 'rus', 4, r, markOf(r, RUS.marks), '', '', '', '', '', '']);
      vpr25.push([id, s, 'math', 4, math, markOf(math, [3, 5, 7]), ...tasks]);
      // ВПР 8 Russian of 2024 and the same pupil's ОГЭ Russian of 2025.
      const a8 = mu + normal();
      let v8 = clamp(30 + 7 * a8 + 3 * normal(), 0, 51);
      const oge = clamp(20 + 5 * a8 + 2.5 * normal(), 0, 33);
      if (s === 'S03') v8 = clamp(v8 + 10, 0, 51);
      vpr24.push([`Q${pid}`, `ST${pid}`, s, 'rus', 8, v8, markOf(v8, [25, 35, 44])]);
      oge25.push([`O${pid}`, `ST${pid}`, s, 'rus', oge, markOf(oge, [15, 22, 29])]);
    }
  }
  const tasks = [
    ['year', 'procedure', 'subject', 'grade', 'task', 'max_score', 'level'],
    ...TASKS.map((max, i) => [2025, 'vpr', 'math', 4, i + 1, max, i < 4 ? 'базовый' : 'высокий']),
  ];
  const scales = [
    ['year', 'procedure', 'subject', 'grade', 'max_score', 'min_score', 'mark4_from', 'mark5_from'],
    [2025, 'vpr', 'rus', 4, RUS.max, ...RUS.marks],
    [2025, 'vpr', 'math', 4, 8, 3, 5, 7],
    [2024, 'vpr', 'rus', 8, 51, 25, 35, 44],
    [2025, 'oge', 'rus', '', 33, 15, 22, 29],
  ];
  return {
    'schools.csv': csv([['school_id', 'name'], ...SCHOOLS.map((s) => [s, `Школа ${s}`])]),
    'reference/scales.csv': csv(scales),
    'reference/tasks.csv': csv(tasks),
    'results/2025/vpr.csv': csv(vpr25),
    'results/2024/vpr.csv': csv(vpr24),
    'results/2025/oge.csv': csv(oge25),
  };
}

// --- the reference: plain loops over the rows
type Row = Record<string, string>;
const rows = (text: string): Row[] => {
  const [head, ...lines] = text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return lines.map((l) => Object.fromEntries(head.map((h, i) => [h, l[i]])));
};
const lf = (n: number) => {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
};
const lc = (n: number, k: number) => lf(n) - lf(k) - lf(n - k);
const hyper = (x: number, N: number, K: number, n: number) => Math.exp(lc(K, x) + lc(N - K, n - x) - lc(N, n));
const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};
const welchP = (a: number[], b: number[]) => {
  const va = sd(a) ** 2 / a.length;
  const vb = sd(b) ** 2 / b.length;
  const t = (mean(a) - mean(b)) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, p: 1 - tCdf(t, df) };
};
const bh = (ps: number[], q: number) => {
  const sorted = [...ps].sort((a, b) => a - b);
  let cut = -1;
  sorted.forEach((p, i) => p <= ((i + 1) / ps.length) * q && (cut = p));
  return ps.map((p) => p <= cut);
};

export function reference(files: Record<string, string>) {
  const out: { school: string; rule: string; value: number; p: number }[] = [];
  const v25 = rows(files['results/2025/vpr.csv']);
  // threshold: every group of the year (ВПР 4 Russian and maths, ОГЭ Russian; ВПР 8 Russian of 2024), one family a year
  const groups = [
    { year: 2025, file: 'results/2025/vpr.csv', subject: 'rus', marks: RUS.marks, max: RUS.max },
    { year: 2025, file: 'results/2025/vpr.csv', subject: 'math', marks: [3, 5, 7], max: 8 },
    { year: 2025, file: 'results/2025/oge.csv', subject: 'rus', marks: [15, 22, 29], max: 33 },
    { year: 2024, file: 'results/2024/vpr.csv', subject: 'rus', marks: [25, 35, 44], max: 51 },
  ];
  for (const year of [2024, 2025]) {
    const tests: { school: string; p: number; gap: number; value: number }[] = [];
    for (const g of groups.filter((x) => x.year === year)) {
      const all = rows(files[g.file])
        .filter((r) => r.subject === g.subject)
        .map((r) => ({ s: r.school_id, x: Number(r.primary_score) }));
      for (const s of SCHOOLS) {
        const best = g.marks
          .filter((c) => c - 2 >= 0 && c + 3 <= g.max)
          .map((c) => {
            const win = (xs: typeof all) => xs.filter((r) => r.x >= c - 2 && r.x <= c + 3);
            const mine = win(all.filter((r) => r.s === s));
            const rest = win(all.filter((r) => r.s !== s));
            const k = mine.filter((r) => r.x === c || r.x === c + 1).length;
            const k0 = rest.filter((r) => r.x === c || r.x === c + 1).length;
            if (mine.length < 8 || rest.length < 30) return undefined;
            let p = 0.5 * hyper(k, mine.length + rest.length, k + k0, mine.length);
            for (let x = k + 1; x <= mine.length; x++) p += hyper(x, mine.length + rest.length, k + k0, mine.length);
            return { p, gap: k / mine.length - k0 / rest.length, value: (100 * k) / mine.length };
          })
          .filter((t) => t !== undefined);
        if (best.length === 0) continue;
        const min = best.reduce((a, t) => (t.p < a.p ? t : a));
        tests.push({ school: s, p: Math.min(1, best.length * min.p), gap: min.gap, value: min.value });
      }
    }
    bh(
      tests.map((t) => t.p),
      0.1,
    ).forEach(
      (f, i) => f && tests[i].gap >= 0.2 && out.push({ school: tests[i].school, rule: 'threshold', value: tests[i].value, p: tests[i].p }),
    );
  }
  // tasks: ВПР 4 maths
  const math = v25
    .filter((r) => r.subject === 'math')
    .map((r) => {
      const t = TASKS.map((_, i) => Number(r[`task_${i + 1}`]));
      const b = (100 * (t[0] + t[1] + t[2] + t[3])) / 4;
      const a = (100 * (t[4] + t[5])) / 4;
      return { s: r.school_id, b, a, d: a - b };
    });
  const sdAll = sd(math.map((x) => x.d));
  const tt = SCHOOLS.map((s) => {
    const mine = math.filter((x) => x.s === s);
    const rest = math.filter((x) => x.s !== s);
    const w = welchP(
      mine.map((x) => x.d),
      rest.map((x) => x.d),
    );
    const f = (xs: typeof math, k: 'b' | 'a' | 'd') => mean(xs.map((x) => x[k]));
    const matters = f(mine, 'b') < f(rest, 'b') && f(mine, 'a') > f(rest, 'a') && f(mine, 'd') - f(rest, 'd') >= 0.2 * sdAll;
    return { school: s, p: w.p, matters, value: f(mine, 'd') };
  });
  bh(
    tt.map((t) => t.p),
    0.1,
  ).forEach((f, i) => f && tt[i].matters && out.push({ school: tt[i].school, rule: 'tasks', value: tt[i].value, p: tt[i].p }));
  // confirmation: ВПР 8 Russian 2024 → ОГЭ Russian 2025, one pair
  const v24 = rows(files['results/2024/vpr.csv']);
  const o25 = new Map(rows(files['results/2025/oge.csv']).map((r) => [r.student_id, Number(r.primary_score)]));
  const linked = v24.map((r) => ({ s: r.school_id, x: Number(r.primary_score), y: o25.get(r.student_id)! }));
  const mx = mean(linked.map((l) => l.x));
  const my = mean(linked.map((l) => l.y));
  const b = linked.reduce((a, l) => a + (l.x - mx) * (l.y - my), 0) / linked.reduce((a, l) => a + (l.x - mx) ** 2, 0);
  const e = linked.map((l) => l.y - (my + b * (l.x - mx)));
  const se = sd(e);
  const sx = sd(linked.map((q) => q.x));
  const z = linked.map((l) => (l.x - mx) / sx);
  const ct = SCHOOLS.map((s) => {
    const mineR = e.filter((_, i) => linked[i].s === s).map((x) => x / se);
    const p1 = welchP(
      z.filter((_, i) => linked[i].s === s),
      z.filter((_, i) => linked[i].s !== s),
    ).p;
    const t = mean(mineR) / (sd(mineR) / Math.sqrt(mineR.length));
    const p2 = tCdf(t, mineR.length - 1);
    return { school: s, p: Math.max(p1, p2), value: mean(mineR) };
  });
  bh(
    ct.map((t) => t.p),
    0.1,
  ).forEach((f, i) => f && ct[i].value <= -0.2 && out.push({ school: ct[i].school, rule: 'confirmation', value: ct[i].value, p: ct[i].p }));
  return out.sort((x, y) => (x.rule + x.school < y.rule + y.school ? -1 : 1));
}
