import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ProcessAnalysisPool } from '../../src/kql/analysis-process-pool';
import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema, type SchemaInput } from '../../src/kql/kql-schema';
import { INPUT, QUERIES } from './analysis-batch';
import { ensureSnapshot } from '../../src/kql/kusto-snapshot.cjs';
import { validateLoadedProject } from '../../src/check/validate-project';
import { noteHelperFailure } from '../../src/cli/validate-command';
import { loadProject } from '../../src/load/load-project';
import { projectWithOverlay } from '../support/fixture-project';

/**
 * Analysis helper processes, started from the Kusto.Language snapshot as the CLI starts them: the
 * same analyses as one thread, whatever the helpers do, and nothing left behind.
 */
jest.setTimeout(120_000);

describe('analysis in helper processes started from the snapshot', () => {
  const schema = new KqlSchema(INPUT);
  const inProcess = QUERIES.map((q) => analyzeQuery(q, schema));
  let nodeArgs: string[];

  beforeAll(() => {
    const blob = ensureSnapshot();
    if (!blob) throw new Error('could not build the Kusto.Language snapshot');
    nodeArgs = [...process.execArgv, '--snapshot-blob', blob];
  });

  it('gives the same analyses as this thread alone, in order, all of them from the helpers when asked', () => {
    const failures: string[] = [];
    const here = jest.fn((q: string) => analyzeQuery(q, schema));
    const pool = new ProcessAnalysisPool(2, nodeArgs);
    const analyses = pool.analyze(INPUT, QUERIES, { analyzeHere: here, workersOnly: true, onWorkerFailure: (e) => failures.push(e) });
    expect(failures).toEqual([]);
    expect(here).not.toHaveBeenCalled();
    expect(analyses).toEqual(inProcess);
    expect(fs.existsSync(pool.jobFolder)).toBe(false);
  });

  it('shares the queries between this thread and the helpers', () => {
    const failures: string[] = [];
    const analyses = new ProcessAnalysisPool(1, nodeArgs).analyze(INPUT, QUERIES, { analyzeHere: (q) => analyzeQuery(q, schema), onWorkerFailure: (e) => failures.push(e) });
    expect(failures).toEqual([]);
    expect(analyses).toEqual(inProcess);
  });

  it('analyzes here what a failing helper could not, and says why', () => {
    // Columns that are not a list make KqlSchema throw in the helper.
    const broken = { tables: [{ name: 'Bad_CL', columns: 42 }] } as unknown as SchemaInput;
    const failures: string[] = [];
    const here = jest.fn((q: string) => analyzeQuery(q, schema));
    const analyses = new ProcessAnalysisPool(1, nodeArgs).analyze(broken, QUERIES.slice(0, 3), { analyzeHere: here, workersOnly: true, onWorkerFailure: (e) => failures.push(e) });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/columns/);
    expect(here).toHaveBeenCalledTimes(3);
    expect(analyses).toEqual(inProcess.slice(0, 3));
  });

  it('notices a helper that ended without a word, long before the stall limit, and shows what it printed', () => {
    const failures: string[] = [];
    const pool = new ProcessAnalysisPool(1, ['--snapshot-blob', '/nonexistent/kusto.blob']);
    const analyses = pool.analyze(INPUT, QUERIES.slice(0, 2), { analyzeHere: (q) => analyzeQuery(q, schema), workersOnly: true, stallMs: 600_000, onWorkerFailure: (e) => failures.push(e) });
    expect(analyses).toEqual(inProcess.slice(0, 2));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/ended before finishing:\n[^]*nonexistent/);
    expect(fs.existsSync(pool.jobFolder)).toBe(false);
  });

  it('analyzes everything here when the job cannot be handed over, and says why', () => {
    const pool = new ProcessAnalysisPool(1, nodeArgs);
    fs.rmSync(pool.jobFolder, { recursive: true, force: true });
    const failures: string[] = [];
    const analyses = pool.analyze(INPUT, QUERIES.slice(0, 2), { analyzeHere: (q) => analyzeQuery(q, schema), onWorkerFailure: (e) => failures.push(e) });
    expect(analyses).toEqual(inProcess.slice(0, 2));
    expect(failures).toEqual([expect.stringMatching(/^could not hand the queries to the analysis helpers \(ENOENT/)]);
  });

  it('ends helpers that never got a job when the pool is closed', () => {
    const pool = new ProcessAnalysisPool(1, nodeArgs);
    const child = (pool as unknown as { children: { pid: number }[] }).children[0];
    pool.close();
    expect(fs.existsSync(pool.jobFolder)).toBe(false);
    expect(() => pool.analyze(INPUT, QUERIES, { analyzeHere: (q) => analyzeQuery(q, schema) })).toThrow(/one batch/);
    // Signalled on close; gone (or a zombie) soon after.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && isLive(child.pid)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    expect(isLive(child.pid)).toBe(false);
  });
});

describe('a helper whose parent was killed before closing the pool', () => {
  it('ends and removes the job folder', async () => {
    const blob = ensureSnapshot();
    if (!blob) throw new Error('could not build the Kusto.Language snapshot');
    const parent = spawn(process.execPath, [path.join(__dirname, '..', 'support', 'start-orphaned-pool.cjs'), JSON.stringify(['--snapshot-blob', blob])], { stdio: ['ignore', 'pipe', 'inherit'] });
    const started = await new Promise<{ folder: string; pid: number }>((resolve) => parent.stdout.once('data', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    expect(fs.existsSync(started.folder)).toBe(true);
    // At once: before the helper has even loaded, so it must know its parent from its arguments.
    parent.kill('SIGKILL');
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (isLive(started.pid) || fs.existsSync(started.folder))) await new Promise((r) => setTimeout(r, 50));
    expect(isLive(started.pid)).toBe(false);
    expect(fs.existsSync(started.folder)).toBe(false);
  });
});

function isLive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

describe('a failed helper in validate', () => {
  it('changes nothing in the report and is told in one line', () => {
    const root = projectWithOverlay();
    const project = loadProject(root);
    const alone = validateLoadedProject(project).diagnostics;
    const failures: string[] = [];
    const pool = new ProcessAnalysisPool(1, ['--snapshot-blob', '/nonexistent/kusto.blob']);
    expect(validateLoadedProject(project, { onHelperFailure: (e) => failures.push(e) }, pool).diagnostics).toEqual(alone);
    expect(failures).toHaveLength(1);
    const printed: string[] = [];
    noteHelperFailure({ out: () => undefined, err: (text) => printed.push(text) })(failures[0]);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^sentinel-cac: note: analysis helper 0 ended before finishing: .*nonexistent.* \(its queries were analyzed in the main process instead: same result, slower\)$/);
  });
});
