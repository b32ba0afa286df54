// Entry of an analysis helper process (see analysis-process-pool.ts), started from the
// Kusto.Language snapshot with `<job folder> <helper number> <parent pid>`: Kusto.Language is
// already in its heap, so it only loads tsx and the analyzer (~0.3 s), where a worker thread, which
// cannot start from a snapshot, spends ~1.2 s loading the library.
'use strict';
const [dir, helper, parent] = process.argv.slice(2);
if (!require.extensions['.ts']) require('tsx/cjs');
require('./analysis-child.ts').runAnalysisChild(dir, Number(helper), Number(parent));
