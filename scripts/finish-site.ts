/**
 * The last stage of a build, run by scripts/build.ts after the render stage
 * (scripts/render-site.ts) has ended: the PNGs left, the Word documents and
 * the search index, made without the model in memory; then the frozen
 * releases, the checksums, and the working folder swapped in for dist/ with
 * two renames, so that a server never sees half a site.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { count, formatNumber } from '../src/lib/words/format.ts';
import { freezeRelease, unpackRelease } from '../src/lib/releases/frozen.ts';
import { SUMS, writeChecksums } from '../src/lib/publish/checksums.ts';
import { finishSite } from '../src/lib/publish/finish.ts';
import type { Rendered } from '../src/lib/publish/render.ts';
import { stageProcess } from '../src/lib/publish/stage-process.ts';
import { swapIn, workspace } from '../src/lib/publish/workspace.ts';
import { writeInside } from '../src/lib/files/inside.ts';
import { addPolicies } from '../src/lib/publish/csp.ts';
import { movedWithSite } from '../src/lib/publish/embeds.ts';

const dataDir = resolve(process.env.MSOKO_DATA_DIR ?? 'data');
const outDir = resolve(process.env.MSOKO_OUT_DIR ?? 'dist');
const w = workspace(outDir, process.pid);
const tmp = process.env.MSOKO_TMP_DIR ?? w.tmp;
const { crash, progress, mark, done } = stageProcess([tmp, `${tmp}-charts`, `${tmp}-plan.json`]);
const t0 = performance.now();

/** What the render stage left for this one. */
interface Plan extends Rendered {
  size: string;
  release: string;
  today: string;
  releases: string[];
  freeze: boolean;
  seconds: number;
  peak: { own: number; tree?: number };
}
const plan = JSON.parse(readFileSync(`${tmp}-plan.json`, 'utf8')) as Plan;
const { release, releases, freeze } = plan;
const MB = (bytes: number) => `${formatNumber(bytes / 1048576, 0)} МБ`;

try {
  await finishSite(plan, { tmp, progress, mark });
  const write = (rel: string, content: string | Uint8Array) => writeInside(tmp, rel, content);
  // Frozen releases are published exactly as they were frozen (data/releases/), the current one too once frozen.
  for (const r of releases) {
    rmSync(join(tmp, 'embed', r), { recursive: true, force: true });
    unpackRelease(dataDir, r, join(tmp, 'embed', r), (files) => movedWithSite(files, r, plan.site.url, plan.site.base));
  }
  write('embed/releases.json', JSON.stringify([...new Set([...releases, release])].sort()) + '\n');
  // Every page, the archived embeds of older releases too, gets its policy before a release is frozen.
  addPolicies(tmp, releases);
  // The release is frozen (in one rename) before the site is swapped in: a build killed between the two
  // leaves the old site and a complete release, which the next build publishes.
  if (freeze) freezeRelease(dataDir, { release, date: plan.today }, join(tmp, 'embed', release), Buffer.from(plan.numbers!, 'base64'));
  rmSync(`${tmp}-plan.json`, { force: true });
  mark('контрольные суммы');
  const listed = writeChecksums(tmp);
  mark('замена сайта');
  swapIn({ ...w, tmp });
  if (freeze)
    console.log(
      `Выпуск ${release} зафиксирован в ${join(dataDir, 'releases', release)}: его графики для встраивания будут публиковаться без изменений при каждой следующей сборке. Сохраните эту папку вместе с данными.`,
    );
  console.log(
    `Контрольные суммы ${count(listed, ['файла', 'файлов', 'файлов'])} — в ${join(outDir, SUMS)} (проверка загрузки: sha256sum -c SHA256SUMS или npm run verify).`,
  );
  mark('готово');
  // Each stage's own peak and, where the system shows it, with the processes it ran: the build's two processes in turn.
  const own = Math.max(plan.peak.own, process.resourceUsage().maxRSS * 1024);
  const tree = plan.peak.tree === undefined ? undefined : Math.max(plan.peak.tree, progress.peak.tree ?? 0);
  console.log(
    `Сайт собран в ${outDir} за ${formatNumber(plan.seconds + (performance.now() - t0) / 1000, 1)} с (графиков: ${plan.charts}; пиковая память сборки ${MB(own)}${tree === undefined ? '' : `, вместе с процессами PNG и поиска ${MB(tree)}`}).`,
  );
} catch (e) {
  // No stack trace for the person: it goes to the log, and the supervisor says what to do.
  crash(e);
}
done();
