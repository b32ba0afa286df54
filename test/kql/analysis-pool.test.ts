import { analyzeInParallel } from '../../src/kql/analysis-helpers';
import { AnalysisPool } from '../../src/kql/analysis-pool';
import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema, type SchemaInput } from '../../src/kql/kql-schema';
import { INPUT, QUERIES } from './analysis-batch';

describe('analysis on worker threads', () => {
  const schema = new KqlSchema(INPUT);
  const inProcess = QUERIES.map((q) => analyzeQuery(q, schema));

  it('gives the same analyses as the main thread alone, in order', () => {
    const failures: string[] = [];
    const analyses = analyzeInParallel(INPUT, QUERIES, { threads: 2, analyzeHere: (q) => analyzeQuery(q, schema), onWorkerFailure: (e) => failures.push(e) });
    expect(failures).toEqual([]);
    expect(analyses).toEqual(inProcess);
    expect(analyses.some((a) => a.problems.length > 0)).toBe(true);
  });

  it('really analyzes on the workers: left to them alone, nothing runs on this thread', () => {
    const here = jest.fn((q: string) => analyzeQuery(q, schema));
    const failures: string[] = [];
    const analyses = new AnalysisPool(1).analyze(INPUT, QUERIES, { analyzeHere: here, workersOnly: true, onWorkerFailure: (e) => failures.push(e) });
    expect(failures).toEqual([]);
    expect(here).not.toHaveBeenCalled();
    expect(analyses).toEqual(inProcess);
  });

  it('analyzes here what a failing worker could not, and says why', () => {
    // Columns that are not a list make KqlSchema throw in the worker; here the stand-in succeeds.
    const broken = { tables: [{ name: 'Bad_CL', columns: 42 }] } as unknown as SchemaInput;
    const failures: string[] = [];
    const here = jest.fn((q: string) => analyzeQuery(q, schema));
    const analyses = new AnalysisPool(1).analyze(broken, QUERIES.slice(0, 3), { analyzeHere: here, workersOnly: true, onWorkerFailure: (e) => failures.push(e) });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/columns/);
    expect(here).toHaveBeenCalledTimes(3);
    expect(analyses).toEqual(inProcess.slice(0, 3));
  });

  it('starts nothing for an empty batch, and a closed pool analyzes no second batch', () => {
    const pool = new AnalysisPool(1);
    expect(pool.analyze(INPUT, [], { analyzeHere: () => { throw new Error('not called'); } })).toEqual([]);
    expect(() => pool.analyze(INPUT, QUERIES, { analyzeHere: (q) => analyzeQuery(q, schema) })).toThrow(/one batch/);
  });
});
