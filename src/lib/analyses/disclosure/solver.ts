/**
 * The audit's solver (solver-process.ts), called synchronously: the model is built in one synchronous pass. Each
 * round of problems is solved by a process of its own, so that HiGHS's WebAssembly memory and the problems' copies
 * (some 250 MB after a region's olympiad) are given back to the system when it ends — a worker thread's were kept
 * by the build's process through every later stage.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Problem, Ranges } from './problem.ts';

/** What the solver process writes: the ranges of each problem, or why it failed. */
export type Answer = { ranges: Ranges[] } | { error: string };

const SCRIPT = fileURLToPath(new URL('./solver-process.ts', import.meta.url));

/** Solves the problems in a solver process; throws what it threw. */
export function solve(problems: Problem[]): Ranges[] {
  const run = spawnSync(process.execPath, [SCRIPT], {
    input: JSON.stringify(problems),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // Ten minutes is more than any audit has needed; a solver that never answers must not hang the build.
    timeout: 600_000,
    // The solver's own heap: its problems and their answers, whatever the build's stage was given.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (run.error) throw new Error(`The audit solver could not run: ${run.error.message}`);
  let answer: Answer | undefined;
  try {
    answer = JSON.parse(run.stdout) as Answer;
  } catch {
    throw new Error(`The audit solver ended without an answer (code ${run.status}, signal ${run.signal}): ${run.stderr.slice(-2000)}`);
  }
  if ('error' in answer) throw new Error(`The audit solver failed: ${answer.error}`);
  return answer.ranges;
}
