import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AnalysisHelpers, ThreadOptions } from './analysis-helpers';
import { AnalysisJobFolder, ResultsReader } from './analysis-job-folder';
import type { QueryAnalysis } from './analyze-query';
import type { SchemaInput } from './kql-schema';

const CHILD_ENTRY = path.join(__dirname, 'analysis-child-entry.cjs');
/** How often the waiting main thread looks for new results. */
const POLL_MS = 10;

/**
 * Helper processes for one batch of query analyses, started from the Kusto.Language snapshot
 * (`nodeArgs` names it), so each is ready in ~0.3 s; a worker thread cannot start from a snapshot
 * and takes ~1.2 s, on a 2-core machine mostly taken from the main thread it was meant to help.
 *
 * The same contract as AnalysisPool (see there): started before the queries are known, synchronous
 * for the caller, queries claimed one at a time by whoever is free (here through an exclusive mkdir
 * per query in a job folder), and whatever a helper did not deliver is analyzed on the calling
 * thread. A helper that died is noticed by its process being gone, one that hangs by `stallMs`.
 */
export class ProcessAnalysisPool implements AnalysisHelpers {
  private readonly folder: AnalysisJobFolder;
  private readonly children: readonly ChildProcess[];
  private used = false;

  constructor(count: number, nodeArgs: readonly string[]) {
    this.folder = new AnalysisJobFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'sentinel-cac-analysis-')));
    this.children = Array.from({ length: count }, (_, helper) => {
      const stderr = fs.openSync(this.folder.stderrFile(helper), 'w');
      try {
        const child = spawn(process.execPath, [...nodeArgs, CHILD_ENTRY, this.folder.dir, String(helper), String(process.pid)], { stdio: ['ignore', 'ignore', stderr] });
        // A helper that cannot start is seen as gone when its results are collected.
        child.on('error', () => undefined);
        // The main thread reads results synchronously; a helper must never keep the process alive.
        child.unref();
        return child;
      } finally {
        fs.closeSync(stderr);
      }
    });
  }

  get size(): number {
    return this.children.length;
  }

  /** Where the batch's files are; removed when the pool is closed. */
  get jobFolder(): string {
    return this.folder.dir;
  }

  /** The analyses of `texts`, in order. A pool runs one batch; it is closed afterwards. */
  analyze(input: SchemaInput, texts: readonly string[], options: ThreadOptions): QueryAnalysis[] {
    if (this.used) throw new Error('an analysis pool analyzes one batch; make another');
    this.used = true;
    const results: (QueryAnalysis | undefined)[] = new Array(texts.length).fill(undefined);
    try {
      if (texts.length > 0 && this.children.length > 0 && this.writeJob(input, texts, options)) {
        if (!options.workersOnly) {
          for (let index = 0; index < texts.length; index++) if (this.folder.claim(index)) results[index] = options.analyzeHere(texts[index]);
        }
        this.collect(results, options);
      }
    } finally {
      this.close();
    }
    return results.map((analysis, index) => analysis ?? options.analyzeHere(texts[index]));
  }

  close(): void {
    this.used = true;
    for (const child of this.children) if (child.pid !== undefined && isRunning(child.pid)) child.kill();
    fs.rmSync(this.folder.dir, { recursive: true, force: true });
  }

  /** False, after telling why, when the job cannot be written (a full disk): everything is then analyzed here. */
  private writeJob(input: SchemaInput, texts: readonly string[], options: ThreadOptions): boolean {
    try {
      this.folder.writeJob({ input, texts });
      return true;
    } catch (error) {
      options.onWorkerFailure?.(`could not hand the queries to the analysis helpers (${(error as Partial<Error>)?.message ?? String(error)})`);
      return false;
    }
  }

  /** Waits until every helper has written `done` or is gone, taking their analyses as they come. */
  private collect(results: (QueryAnalysis | undefined)[], options: ThreadOptions): void {
    const open = new Set(this.children.map((child, helper) => ({ child, helper, reader: new ResultsReader(this.folder.resultsFile(helper)) })));
    const sleeper = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const stallMs = options.stallMs ?? 60_000;
    let lastNews = performance.now();
    while (open.size > 0) {
      let news = false;
      for (const helper of open) {
        // Asked before reading, so that what a helper wrote just before it ended is still read.
        const gone = helper.child.pid === undefined || !isRunning(helper.child.pid);
        for (const line of helper.reader.readNew()) {
          news = true;
          if (line.kind === 'analysis') results[line.index] = line.analysis as QueryAnalysis;
          else if (line.kind === 'failed') options.onWorkerFailure?.(line.error);
          else open.delete(helper);
        }
        if (gone && open.delete(helper)) options.onWorkerFailure?.(`analysis helper ${helper.helper} ended before finishing${this.stderrOf(helper.helper)}`);
      }
      if (open.size === 0) return;
      if (news) lastNews = performance.now();
      else if (performance.now() - lastNews > stallMs) {
        options.onWorkerFailure?.(`no word from ${open.size} analysis helper(s) for ${Math.round(stallMs / 1000)} s; analyzing their queries on the main thread`);
        return;
      }
      Atomics.wait(sleeper, 0, 0, POLL_MS);
    }
  }

  private stderrOf(helper: number): string {
    try {
      const text = fs.readFileSync(this.folder.stderrFile(helper), 'utf8').trim();
      return text ? `:\n${text.slice(-2000)}` : '';
    } catch {
      return '';
    }
  }
}

/**
 * Whether a process is still running. The waiting main thread runs no event loop, so Node never
 * reaps an ended helper: on Linux it stays a zombie, which a signal check would call alive, so its
 * state is read from /proc; elsewhere a signal check is all there is (and `stallMs` the backstop).
 */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && fs.existsSync('/proc/self/stat')) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
