/**
 * The audit's solver (solver-worker.ts), called synchronously: the model is built in one synchronous pass, so
 * the call waits on a shared flag until the worker thread has answered. Unlike a worker kept for the whole
 * process, this one is stopped when the audit is done: HiGHS's WebAssembly memory (some 200 MB after a region's
 * olympiad) is freed, and the pages of the thread's heap go back to the system with the stage's next last-resort
 * collection (publish/memory.ts). A process per round would free them too, but cost a region 20 s of starts.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Problem, Ranges } from './problem.ts';

/** What the worker sends back: the ranges of each problem, or why it failed. */
export type Answer = { ranges: Ranges[] } | { error: string };

let worker: Worker | undefined;

/** Solves the problems in the worker thread, started on first use; throws what the worker threw. */
export function solve(problems: Problem[]): Ranges[] {
  if (!worker) {
    worker = new Worker(new URL('./solver-worker.ts', import.meta.url));
    // A worker left running (an audit called on its own, as tests do) must not keep the process alive.
    worker.unref();
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ problems, flag, port: port2 }, [port2]);
  // Ten minutes is more than any audit has needed; a worker that never answers must not hang the build.
  if (Atomics.wait(flag, 0, 0, 600_000) === 'timed-out') throw new Error('The audit solver did not answer in 10 minutes');
  const answer = receiveMessageOnPort(port1)?.message as Answer | undefined;
  port1.close();
  if (!answer) throw new Error('The audit solver ended without an answer');
  if ('error' in answer) throw new Error(`The audit solver failed: ${answer.error}`);
  return answer.ranges;
}

/** Ends the worker thread, if one was started: its memory goes with it. */
export function stopSolver(): void {
  void worker?.terminate();
  worker = undefined;
}
