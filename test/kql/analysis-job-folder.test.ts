import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisJobFolder, ResultsReader } from '../../src/kql/analysis-job-folder';

/** The files analysis helper processes share a batch through: claims, the job, results read as they grow. */
describe('the analysis job folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-folder-'));
  const folder = new AnalysisJobFolder(dir);

  it('hands out each query once, and the job only when it is whole', () => {
    expect(folder.readJob()).toBeUndefined();
    folder.writeJob({ input: {}, texts: ['print 1', 'print 2'] });
    expect(folder.readJob()).toEqual({ input: {}, texts: ['print 1', 'print 2'] });
    expect([folder.claim(0), folder.claim(0), new AnalysisJobFolder(dir).claim(0), folder.claim(1)]).toEqual([true, false, false, true]);
  });

  it('reads only complete lines, decodes characters split between two reads, and reports a line that does not parse', () => {
    const file = folder.resultsFile(0);
    const reader = new ResultsReader(file);
    expect(reader.readNew()).toEqual([]); // not written yet
    const line = Buffer.from(`${JSON.stringify({ kind: 'analysis', index: 0, analysis: { text: 'naïve ✓' } })}\n`);
    const split = line.indexOf(Buffer.from('✓')) + 1; // inside the three bytes of ✓
    fs.writeFileSync(file, line.subarray(0, split));
    expect(reader.readNew()).toEqual([]);
    fs.appendFileSync(file, Buffer.concat([line.subarray(split), Buffer.from('{"kind":"analy\n{"kind":"done"}\n')]));
    expect(reader.readNew()).toEqual([
      { kind: 'analysis', index: 0, analysis: { text: 'naïve ✓' } },
      { kind: 'failed', index: undefined, error: 'an analysis helper wrote an unreadable result (14 bytes)' },
      { kind: 'done' },
    ]);
    expect(reader.readNew()).toEqual([]);
  });
});
