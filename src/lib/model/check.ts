/**
 * What `npm run check-data` and `npm run build` both do first: read, validate
 * and compute, and word every problem for a person. The tests of broken
 * inputs call this too, so a message checked there is the message both
 * commands print.
 */
import { issueLines } from '../data/report.ts';
import { buildModel, type Model } from './build.ts';
import type { IssueLog } from '../data/issues.ts';

export interface Checked {
  model: Model;
  log: IssueLog;
  /** Every error and warning, one line each, errors first. */
  lines: string[];
}

export function checkData(dataDir: string, env: NodeJS.ProcessEnv = process.env, opts: { freezing?: boolean } = {}): Checked {
  const { model, log } = buildModel(dataDir, env, opts);
  // With plausibility.strict, a file of another year or last year's copy is not published: its warning stops the build.
  if (model.data.config.plausibility.strict) for (const i of log.items) if (i.slip) i.level = 'error';
  return { model, log, lines: issueLines(log.items) };
}
