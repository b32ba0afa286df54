import fs from 'node:fs';
import { AnalysisJobFolder, type AnalysisResultLine } from './analysis-job-folder';
import { describeError } from './analysis-worker';
import { analyzeQuery } from './analyze-query';
import { KqlSchema } from './kql-schema';

/** How often a helper looks for its job, which the main process writes once it knows the queries. */
const JOB_POLL_MS = 5;
/** A helper whose job has not come after this long was started for nothing; it ends. */
const JOB_WAIT_MS = 10 * 60_000;

/**
 * The body of an analysis helper process (see analysis-process-pool.ts): waits for the batch's job
 * file, builds its own KqlSchema, then claims and analyzes queries until every one is taken,
 * appending each analysis to its results file. Whatever happens it ends with a `done` line, so the
 * main process never waits for a helper that has given up. It also ends when the folder goes (the
 * pool was closed) or its parent does, so an abandoned helper never lingers.
 */
export function runAnalysisChild(dir: string, helper: number, parent: number): void {
  const folder = new AnalysisJobFolder(dir);
  const orphaned = parentWatch(folder, parent);
  const out = fs.openSync(folder.resultsFile(helper), 'a');
  const write = (line: AnalysisResultLine): void => {
    // One line at a time, whole: writeSync may write less than asked.
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(out, bytes, written);
  };
  let index: number | undefined;
  try {
    const job = waitForJob(folder, orphaned);
    if (!job) return;
    const schema = new KqlSchema(job.input);
    for (index = 0; index < job.texts.length && !orphaned(); index++) {
      if (folder.claim(index)) write({ kind: 'analysis', index, analysis: analyzeQuery(job.texts[index], schema) });
    }
    index = undefined;
  } catch (error) {
    write({ kind: 'failed', index, error: describeError(error) });
  } finally {
    write({ kind: 'done' });
    fs.closeSync(out);
  }
}

function waitForJob(folder: AnalysisJobFolder, orphaned: () => boolean): ReturnType<AnalysisJobFolder['readJob']> {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  const deadline = performance.now() + JOB_WAIT_MS;
  while (performance.now() < deadline && fs.existsSync(folder.dir) && !orphaned()) {
    const job = folder.readJob();
    if (job) return job;
    Atomics.wait(sleeper, 0, 0, JOB_POLL_MS);
  }
  return undefined;
}

/**
 * Whether the process that started this helper has ended (killed before it could close the pool):
 * the helper is then handed to another parent. The first helper to notice removes the job folder,
 * which nobody else would.
 */
function parentWatch(folder: AnalysisJobFolder, parent: number): () => boolean {
  // The parent's pid comes as an argument: by the time this runs, the parent may be gone already.
  return () => {
    if (process.ppid === parent) return false;
    fs.rmSync(folder.dir, { recursive: true, force: true });
    return true;
  };
}
