// Starts an analysis helper process and then waits, to be killed by the test before it can close
// the pool (see analysis-process-pool.test.ts). Prints the job folder and the helper's pid.
'use strict';
require('tsx/cjs');
const { ProcessAnalysisPool } = require('../../src/kql/analysis-process-pool.ts');
const pool = new ProcessAnalysisPool(1, JSON.parse(process.argv[2]));
process.stdout.write(`${JSON.stringify({ folder: pool.jobFolder, pid: pool.children[0].pid })}\n`);
setInterval(() => undefined, 1000);
