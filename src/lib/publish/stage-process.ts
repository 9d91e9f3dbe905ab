/**
 * What each stage process of a build (scripts/render-site.ts,
 * scripts/finish-site.ts) does alike under its supervisor (scripts/build.ts):
 * a crash goes to the supervisor's log with a marker, never to the person; a
 * supervisor that is gone stops the stage; each step tells the supervisor
 * where it is, for its message if the process dies.
 */
import { rmSync, writeSync } from 'node:fs';
import { Progress } from './progress.ts';
import { CRASH } from './workspace.ts';

export function stageProcess(scratch: string[]) {
  const supervised = process.env.MSOKO_SUPERVISED === '1';
  const clear = () => scratch.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 3 }));
  /** An unexpected failure: its stack goes to the supervisor's log, which tells the person what to do. */
  const crash = (e: unknown): never => {
    // The failure first: clearing can fail too (a PNG renderer still writing), and must not hide it.
    if (supervised) writeSync(2, `${CRASH}\n`);
    console.error((e as Error)?.stack ?? e);
    try {
      clear();
    } catch {
      // The next build clears what is left (workspace.ts).
    }
    process.exit(70);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // The supervisor is gone (killed): stop too, leaving dist/ as it was; the next build clears what is left.
  process.on('disconnect', () => {
    clear();
    process.exit(2);
  });
  return {
    crash,
    progress: new Progress(),
    /** Tells the supervisor which stage runs, on how much data, and what holds the most memory in it. */
    mark: (stage: string, size = '', consumer = '') => process.send?.({ stage, size, consumer }),
    /** The stage is done: the channel to the supervisor must not keep this process waiting. */
    done: () => {
      process.removeAllListeners('disconnect');
      process.channel?.unref();
    },
  };
}
