/**
 * Progress of a long build, for a person watching: one line per stage with
 * its time and its peak memory — the build's own and, where the system shows
 * it (Linux), with the processes it runs (PNG renderers, the search indexer)
 * —, the most its heap held against the heap's limit, and, on long stages,
 * how much is done. In a terminal the running stage is
 * updated in place, in a CI log a plain line is printed every few seconds.
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';
import { formatNumber } from '../words/format.ts';
import { treeMemory } from './memory.ts';

const MB = (bytes: number) => `${formatNumber(bytes / 1048576, 0)} МБ`;
const secs = (ms: number) => `${formatNumber(ms / 1000, 1)} с`;

/**
 * The most a stretch of work kept on the heap: what each full garbage collection left (V8 reports every one, also
 * in synchronous work no timer sees), against the limit the heap may not pass. A full collection leaves the live
 * data, which is what runs a heap out; a scavenge leaves the old generation's garbage in place, so its figure
 * grows with the limit rather than with the data.
 */
export class HeapPeak {
  private readonly profiler = new GCProfiler();
  constructor() {
    this.profiler.start();
  }
  stop(): { peak: number; limit: number } {
    const stats = this.profiler.stop()?.statistics ?? [];
    const now = getHeapStatistics();
    const peak = stats
      .filter((s) => s.gcType === 'MarkSweepCompact')
      .reduce((a, s) => Math.max(a, s.afterGC.heapStatistics.usedHeapSize), now.used_heap_size);
    // The limit the person set or was told (scripts/build.ts passes it on); V8's own adds the young generation.
    const set = Number(process.env.MSOKO_STAGE_HEAP_MB);
    return { peak, limit: set > 0 ? set * 1048576 : now.heap_size_limit };
  }
}

/** «куча до 412 из 848 МБ»: the heap's peak against its limit. */
export const heapLine = ({ peak, limit }: { peak: number; limit: number }) => `куча до ${formatNumber(peak / 1048576, 0)} из ${MB(limit)}`;

/** The peaks of one stage, sampled a few times a second. */
class Peaks {
  own = 0;
  tree: number | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly heap = new HeapPeak();
  constructor() {
    this.sample();
    this.timer = setInterval(() => this.sample(), 200);
    this.timer.unref();
  }
  sample() {
    this.own = Math.max(this.own, process.memoryUsage.rss());
    const sizes = treeMemory(process.pid);
    if (sizes)
      this.tree = Math.max(
        this.tree ?? 0,
        sizes.reduce((a, b) => a + b, 0),
      );
  }
  stop(): string {
    clearInterval(this.timer);
    this.sample();
    return `пик памяти ${MB(this.own)}${this.tree !== undefined && this.tree > this.own * 1.02 ? ` (с процессами PNG и поиска ${MB(this.tree)})` : ''}, ${heapLine(this.heap.stop())}`;
  }
}

export class Progress {
  private readonly tty: boolean;
  private readonly out: NodeJS.WriteStream;
  private readonly every: number;
  private last = 0;
  /** The highest the whole build reached, over all stages: own process, and with its children. */
  readonly peak = { own: 0, tree: undefined as number | undefined };
  constructor(out: NodeJS.WriteStream = process.stdout, every = 5000) {
    this.out = out;
    this.every = every;
    this.tty = Boolean(out.isTTY) && !process.env.CI;
  }

  /** Runs a stage and prints its line: «Страницы: 11 364 страницы, 183,2 с, пик памяти 1 240 МБ (с процессами PNG и поиска 1 410 МБ)». */
  async stage<T>(
    name: string,
    run: (tick: (done: number, total?: number, before?: number) => void) => Promise<T> | T,
    summary?: (r: T) => string,
  ): Promise<T> {
    const t0 = performance.now();
    const peaks = new Peaks();
    let shown = false;
    // `before`: how many of `done` were done before the stage began (pictures drawn beside earlier stages): the rate
    // and the time left count only this stage's own.
    const tick = (done: number, total?: number, before = 0) => {
      const now = performance.now();
      if (now - this.last < (this.tty ? 250 : this.every)) return;
      this.last = now;
      const rate = (done - before) / ((now - t0) / 1000);
      // A total that is an estimate (the pages) may be passed: then neither «из» nor a negative time is said.
      const of = total && done < total ? total : undefined;
      const left = of ? (rate > 0 ? `, осталось около ${secs(((of - done) / rate) * 1000)}` : '') : total ? ', почти готово' : '';
      const line = `${name}: ${formatNumber(done, 0)}${of ? ` из ${formatNumber(of, 0)}` : ''} (${formatNumber(rate, 0)} в секунду${left})`;
      if (this.tty) this.out.write(`\r\x1b[2K${line}`);
      else this.out.write(`${line}\n`);
      shown = true;
    };
    const r = await run(tick);
    if (this.tty && shown) this.out.write('\r\x1b[2K');
    const memory = peaks.stop();
    this.peak.own = Math.max(this.peak.own, peaks.own);
    if (peaks.tree !== undefined) this.peak.tree = Math.max(this.peak.tree ?? 0, peaks.tree);
    this.out.write(`${name}: ${summary ? `${summary(r)}, ` : ''}${secs(performance.now() - t0)}, ${memory}\n`);
    return r;
  }
}
