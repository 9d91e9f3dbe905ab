/**
 * `npm run bench`: measures what the budgets speak of, on this machine.
 *  1. A region-sized data set (1 000 schools, 5 years, about 3 million
 *     participant rows, and the schools' social passports) is generated into a temporary folder.
 *  2. Reading + validation and computation are timed in separate processes
 *     (rows per second, wall time, peak RSS).
 *  3. The demo site is built (time, peak RSS, pages) and the home page weighed.
 *  With `--region-site` a region of the real shape (scripts/region-data.ts) is
 *  built with the README's command, each stage reported, and the run fails
 *  when the budget (8 times the demo's build in the same run, 1.5 GB for the build with all its processes) is passed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { reportedPeak, treeMemory } from '../src/lib/publish/memory.ts';
import { plural } from '../src/lib/words/format.ts';
import { clamp } from './demo/random.ts';
import { markOf } from './demo/scales.ts';
import { OGE, regionData, regionFolder, VPR } from './region-data.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = process.cwd();
const MB = (b: number) => `${Math.round(b / 1024 / 1024)} МБ`;

function generate(dir: string, schools = 1000, years = [2021, 2022, 2023, 2024, 2025]): number {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  // The social passports draw from a stream of their own: the participants' rows stay as they were.
  let ctxSeed = 20261201;
  const ctxRnd = () => (ctxSeed = (ctxSeed * 1103515245 + 12345) % 2147483648) / 2147483648;
  regionFolder(dir);
  const ids = Array.from({ length: schools }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
  writeFileSync(join(dir, 'schools.csv'), 'school_id,name\n' + ids.map((id, i) => `${id},Школа № ${i + 1}`).join('\n') + '\n');
  let rows = 0;
  for (const y of years) {
    const out = join(dir, 'results', String(y));
    mkdirSync(out, { recursive: true });
    const ege = ['participant_id,school_id,subject,test_score,school_mark'];
    const oge = ['participant_id,school_id,subject,primary_score,mark,school_mark'];
    const vpr = ['participant_id,school_id,subject,grade,primary_score,mark,journal_mark'];
    const ess = ['participant_id,school_id,result'];
    const ctx = ['school_id,students,higher_ed_parents,low_income,non_native'];
    let pid = 0;
    for (const s of ids) {
      const str = rnd() - 0.5;
      const c = str + ctxRnd() - 0.5;
      const students = 500 + Math.round(500 * ctxRnd());
      ctx.push(
        [s, students, ...[45 + 30 * c, 12 - 10 * c, 5 - 6 * c].map((sh) => Math.round((students * Math.max(0.5, sh)) / 100))].join(','),
      );
      for (let k = 0; k < 22; k++) {
        const p = ++pid;
        for (const subj of ['rus', 'math_prof', rnd() < 0.5 ? 'soc' : 'phys'])
          ege.push(`${p},${s},${subj},${clamp(62 + str * 20 + (rnd() - 0.5) * 40, 0, 100)},${clamp(4 + str + rnd() - 0.5, 2, 5)}`);
        ess.push(`${p},${s},${rnd() < 0.98 ? 'зачёт' : 'незачёт'}`);
      }
      for (let k = 0; k < 45; k++) {
        const p = ++pid;
        for (const subj of y === 2021 ? ['rus', 'math'] : ['rus', 'math', 'soc', 'inf']) {
          const sc = OGE[subj];
          const v = clamp(sc[0] * (0.6 + str * 0.3 + (rnd() - 0.5) * 0.5), 0, sc[0]);
          oge.push(`${p},${s},${subj},${v},${markOf(v, sc)},${clamp(4 + str + rnd() - 0.5, 2, 5)}`);
        }
      }
      for (const g of [4, 5, 6, 7]) {
        for (let k = 0; k < 45; k++) {
          const p = ++pid;
          for (const subj of ['rus', 'math']) {
            const sc = VPR[`${g} ${subj}`];
            const v = clamp(sc[0] * (0.6 + str * 0.3 + (rnd() - 0.5) * 0.5), 0, sc[0]);
            const m = markOf(v, sc);
            vpr.push(`${p},${s},${subj},${g},${v},${m},${clamp(m + rnd() - 0.3, 2, 5)}`);
          }
        }
      }
    }
    for (const [name, lines] of [
      ['ege', ege],
      ['oge', oge],
      ['vpr', vpr],
      ['essay', ess],
      ['context', ctx],
    ] as const) {
      writeFileSync(join(out, `${name}.csv`), lines.join('\n') + '\n');
      if (name !== 'context') rows += lines.length - 1;
    }
  }
  return rows;
}

/** Runs a stage in its own process, so its peak RSS is its own. */
function stage(code: string, env: Record<string, string> = {}) {
  const t = performance.now();
  // The same heap limit as `npm run build` (package.json): it keeps V8 from growing the heap lazily past the budget.
  const r = spawnSync(
    process.execPath,
    ['--max-old-space-size=1200', '--input-type=module', '-e', `${code}\nconsole.log('MAXRSS', process.resourceUsage().maxRSS * 1024);`],
    { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  const rss = Number(/MAXRSS (\d+)/.exec(r.stdout)?.[1] ?? 0);
  return { seconds: (performance.now() - t) / 1000, rss, out: r.stdout };
}

/**
 * Runs a command and samples the resident memory of it and its descendants twice a second
 * (from /proc; where there is none, the build's own report of its peak is used).
 */
function watched(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ status: number | null; seconds: number; out: string; peakMain: number; peakTree: number | undefined }> {
  const t = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  let peakMain = 0;
  let peakTree: number | undefined;
  const timer = setInterval(() => {
    const sizes = treeMemory(child.pid!);
    if (!sizes) return;
    peakTree = Math.max(
      peakTree ?? 0,
      sizes.reduce((a, b) => a + b, 0),
    );
    // The build itself: the largest process of the tree (the supervisor is small, renderers are short-lived).
    peakMain = Math.max(peakMain, ...sizes);
  }, 500);
  return new Promise((ok) =>
    child.on('exit', (status) => {
      clearInterval(timer);
      ok({ status, seconds: (performance.now() - t) / 1000, out, peakMain: peakMain || (reportedPeak(out) ?? 0), peakTree });
    }),
  );
}

function countPages(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.html')) n++;
    }
  };
  walk(dir);
  return n;
}

const keep = process.argv.indexOf('--data-only');
if (keep > 0) {
  // `npm run bench -- --data-only DIR`: only write the region-sized data set, to look at or profile.
  const dir = process.argv[keep + 1];
  console.log(`${generate(dir)} строк записано в ${dir}`);
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'msoko-bench-'));
try {
  const data = join(tmp, 'data');
  let t = performance.now();
  const rows = generate(data);
  console.log(
    `Набор данных региона: 1000 школ, 5 лет, ${rows.toLocaleString('ru-RU')} строк участников (генерация ${((performance.now() - t) / 1000).toFixed(1)} с)`,
  );

  const read = stage(
    `import { loadData } from './src/lib/data/load.ts';\nconst t = performance.now(); const { log } = loadData(${JSON.stringify(data)}); console.log('T', (performance.now() - t) / 1000, 'E', log.errors.length);`,
  );
  const readT = Number(/T ([\d.]+)/.exec(read.out)![1]);
  console.log(
    `Чтение и проверка: ${readT.toFixed(1)} с, ${Math.round(rows / readT).toLocaleString('ru-RU')} строк/с, пиковая память ${MB(read.rss)} (ошибок: ${/E (\d+)/.exec(read.out)![1]})`,
  );

  const comp = stage(
    `import { loadData } from './src/lib/data/load.ts';\nimport { computeAll } from './src/lib/indicators/compute.ts';\nimport { ValueIndex } from './src/lib/indicators/query.ts';\nimport { findRisks } from './src/lib/analyses/risks.ts';\nimport { computePlaces, schoolIndices } from './src/lib/analyses/place.ts';\nimport { contextIndices } from './src/lib/analyses/context/conditions.ts';\nimport { contextModel } from './src/lib/analyses/context/model.ts';\nconst { data } = loadData(${JSON.stringify(data)});\nconst t = performance.now(); const c = computeAll(data); const ix = new ValueIndex(c.values); findRisks(ix, data.config.risks); const idx = schoolIndices(data, ix); computePlaces(idx); contextModel(contextIndices(data), idx, { unfavourable_share: 0.25, fdr: 0.1 }); console.log('T', (performance.now() - t) / 1000, 'V', c.values.length);`,
  );
  const compT = Number(/T ([\d.]+)/.exec(comp.out)![1]);
  console.log(
    `Расчёт показателей: ${compT.toFixed(1)} с, ${Math.round(rows / compT).toLocaleString('ru-RU')} строк/с, значений: ${Number(/V (\d+)/.exec(comp.out)![1]).toLocaleString('ru-RU')}`,
  );
  console.log(
    `Весь этап «чтение + проверка + расчёт»: ${(readT + compT).toFixed(1)} с, пиковая память ${MB(comp.rss)} (бюджет: 60 с и 1,5 ГБ)`,
  );

  const demoOut = join(tmp, 'demo');
  t = performance.now();
  const b = await watched(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
    MSOKO_OUT_DIR: demoOut,
    SOURCE_DATE_EPOCH: '1795392000',
    CI: '1',
  });
  const demoSeconds = (performance.now() - t) / 1000;
  console.log(
    `Сборка демо-сайта: ${demoSeconds.toFixed(1)} с, пиковая память ${MB(b.peakMain)}${b.peakTree === undefined ? '' : `, вместе с процессами PNG и поиска ${MB(b.peakTree)}`}, страниц: ${countPages(demoOut)} (бюджет: 60 с)`,
  );
  const home = readFileSync(join(demoOut, 'index.html'));
  console.log(
    `Главная страница: ${(home.length / 1024).toFixed(0)} КБ, ${(gzipSync(home).length / 1024).toFixed(1)} КБ в gzip вместе с CSS и JS (бюджет: 150 КБ)`,
  );

  if (process.argv.includes('--region-site')) {
    // The region as real files come: 1 001 schools, three years, dialects, task columns (scripts/region-data.ts).
    const region = join(tmp, 'region');
    const n = regionData(region);
    const out = join(tmp, 'region-site');
    // Time as a multiple of the demo's build in the same run: this machine's speed changes twofold from hour to hour.
    const limit = 8 * demoSeconds;
    console.log(`\nСайт региона: ${n.toLocaleString('ru-RU')} строк участников; сборка командой README (npm run build)…`);
    const r = await watched(process.execPath, [join(ROOT, 'scripts', 'build.ts')], {
      MSOKO_DATA_DIR: region,
      MSOKO_OUT_DIR: out,
      SOURCE_DATE_EPOCH: '1795392000',
      CI: '1',
    });
    // The build prints a line per stage: «Страницы: 6 287 страниц, 52,3 с, пик памяти 1 180 МБ (с процессами PNG и поиска 1 410 МБ)».
    for (const line of r.out.split('\n').filter((l) => /^Данные прочитаны|^Скрыто значений|\d с, пик памяти|^Сборка прервалась/.test(l)))
      console.log(`  ${line}`);
    // A build that stopped wrote no site: nothing to count.
    const pages = existsSync(out) ? countPages(out) : 0;
    console.log(
      `Сборка сайта региона: ${r.seconds.toFixed(1)} с, ${pages.toLocaleString('ru-RU')} ${plural(pages, ['страница', 'страницы', 'страниц'])} (${(pages / r.seconds).toFixed(0)} в секунду), пиковая память: самый большой процесс ${MB(r.peakMain)}${r.peakTree === undefined ? '' : `, вся сборка вместе с процессами PNG и поиска ${MB(r.peakTree)}`} (бюджет: ${limit.toFixed(0)} с — 8 сборок демо-сайта, — и 1,5 ГБ на всю сборку)`,
    );
    const over = [
      r.status !== 0 ? `сборка завершилась с кодом ${r.status}` : '',
      r.seconds > limit ? `время ${r.seconds.toFixed(0)} с > ${limit.toFixed(0)} с (8 сборок демо-сайта)` : '',
      (r.peakTree ?? r.peakMain) > 1.5 * 1024 ** 3 ? `память ${MB(r.peakTree ?? r.peakMain)} > 1,5 ГБ` : '',
    ].filter(Boolean);
    if (over.length) {
      console.error(`Бюджет сайта региона превышен: ${over.join('; ')}.`);
      process.exitCode = 1;
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
