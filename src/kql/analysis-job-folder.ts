import fs from 'node:fs';
import path from 'node:path';
import type { SchemaInput } from './kql-schema';

/**
 * The folder through which analysis processes (analysis-process-pool.ts) share one batch: the job,
 * a claim per query, and each helper's results. Processes share no memory, and the main thread waits
 * synchronously, so files are the channel: an exclusive `mkdir` claims a query (it either creates
 * the folder or fails, atomically, in every process), and a helper appends one JSON line per result.
 */
export interface AnalysisJobFile {
  readonly input: SchemaInput;
  readonly texts: readonly string[];
}

/** A line a helper appends to its results file. */
export type AnalysisResultLine =
  | { readonly kind: 'analysis'; readonly index: number; readonly analysis: unknown }
  | { readonly kind: 'failed'; readonly index: number | undefined; readonly error: string }
  | { readonly kind: 'done' };

export class AnalysisJobFolder {
  constructor(readonly dir: string) {}

  get jobFile(): string {
    return path.join(this.dir, 'job.json');
  }

  resultsFile(helper: number): string {
    return path.join(this.dir, `results-${helper}.ndjson`);
  }

  stderrFile(helper: number): string {
    return path.join(this.dir, `stderr-${helper}.txt`);
  }

  /** Written whole under another name first, so a helper never reads half a job. */
  writeJob(job: AnalysisJobFile): void {
    fs.mkdirSync(path.join(this.dir, 'claims'));
    fs.writeFileSync(`${this.jobFile}.tmp`, JSON.stringify(job));
    fs.renameSync(`${this.jobFile}.tmp`, this.jobFile);
  }

  /** The job once it is there; undefined before. */
  readJob(): AnalysisJobFile | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.jobFile, 'utf8')) as AnalysisJobFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** True for exactly one of the processes that ask for `index`. */
  claim(index: number): boolean {
    try {
      fs.mkdirSync(path.join(this.dir, 'claims', String(index)));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }
}

/**
 * Reads a results file as it grows: the complete lines written since the last call. A line being
 * written is left for the next call.
 */
export class ResultsReader {
  private offset = 0;
  private pending = '';

  constructor(private readonly file: string) {}

  readNew(): AnalysisResultLine[] {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= this.offset) return [];
      const buffer = Buffer.alloc(size - this.offset);
      const read = fs.readSync(fd, buffer, 0, buffer.length, this.offset);
      this.offset += read;
      // A multi-byte character may straddle two reads: decode only whole lines' bytes.
      this.pending += buffer.subarray(0, read).toString('latin1');
    } finally {
      fs.closeSync(fd);
    }
    const end = this.pending.lastIndexOf('\n');
    if (end < 0) return [];
    const complete = this.pending.slice(0, end);
    this.pending = this.pending.slice(end + 1);
    return complete.split('\n').map(parseLine);
  }
}

/** A line that does not parse (a helper cut off mid-write) is a failure, whose query is then analyzed here. */
function parseLine(line: string): AnalysisResultLine {
  try {
    return JSON.parse(Buffer.from(line, 'latin1').toString('utf8')) as AnalysisResultLine;
  } catch {
    return { kind: 'failed', index: undefined, error: `an analysis helper wrote an unreadable result (${line.length} bytes)` };
  }
}
