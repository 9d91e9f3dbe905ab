/**
 * The audit's solver (solver-worker.ts), called synchronously: the model is built in one synchronous pass, so
 * the call waits on a shared flag until the worker thread has answered. Problems can be handed over first and
 * waited for later (`post`, `wait`), so that the model's thread prepares the next ones meanwhile. Unlike a worker kept for the whole
 * process, this one is stopped when the audit is done: HiGHS's WebAssembly memory (some 200 MB after a region's
 * olympiad) is freed, and the pages of the thread's heap go back to the system with the stage's next last-resort
 * collection (publish/memory.ts). A process per round would free them too, but cost a region 20 s of starts.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Problem, Ranges } from './problem.ts';

/** What the worker sends back: the ranges of each problem, or why it failed. */
export type Answer = { ranges: Ranges[] } | { error: string };

let worker: Worker | undefined;

/** Problems handed to the worker and not yet answered: what `wait` takes. The worker answers in the order given. */
export interface Ticket {
  flag: Int32Array;
  port: MessagePort;
}

/** Hands problems to the worker thread (started on first use) and returns at once. */
export function post(problems: Problem[]): Ticket {
  if (!worker) {
    worker = new Worker(new URL('./solver-worker.ts', import.meta.url));
    // A worker left running (an audit called on its own, as tests do) must not keep the process alive.
    worker.unref();
  }
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ problems, flag, port: port2 }, [port2]);
  return { flag, port: port1 };
}

/** Waits for the answer to problems handed over; throws what the worker threw. */
export function wait({ flag, port }: Ticket): Ranges[] {
  // Ten minutes is more than any audit has needed; a worker that never answers must not hang the build.
  if (Atomics.wait(flag, 0, 0, 600_000) === 'timed-out') throw new Error('The audit solver did not answer in 10 minutes');
  const answer = receiveMessageOnPort(port)?.message as Answer | undefined;
  port.close();
  if (!answer) throw new Error('The audit solver ended without an answer');
  if ('error' in answer) throw new Error(`The audit solver failed: ${answer.error}`);
  return answer.ranges;
}

/** Solves the problems in the worker thread and waits for them. */
export const solve = (problems: Problem[]): Ranges[] => wait(post(problems));

/** Ends the worker thread, if one was started: its memory goes with it. */
export function stopSolver(): void {
  void worker?.terminate();
  worker = undefined;
}
