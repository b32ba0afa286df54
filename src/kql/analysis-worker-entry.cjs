// Entry of an analysis worker thread (see analysis-pool.ts).
//
// It first loads Kusto.Language and builds its parser (most of the ~1.2 s a first analysis costs),
// while the main thread is still loading the project, and does so before registering tsx, whose
// hook would add ~0.2 s to loading these 5 MB of JavaScript. Then it registers tsx (a worker does
// not inherit the require hook the CLI or jest gave the main thread) to load our .ts sources.
// If even that fails, the failure is reported through the pool's own protocol, so the main thread
// analyzes the queries itself instead of waiting for a worker that will never answer.
const { workerData } = require('node:worker_threads');
let warmUpError;
try {
  for (const script of require('./kusto-scripts.json')) require(script);
  const K = globalThis.Kusto.Language;
  K.KustoCode.ParseAndAnalyze('print 1', K.GlobalState.Default).GetDiagnostics();
} catch (error) {
  warmUpError = String((error && error.stack) || error);
}
try {
  if (!require.extensions['.ts']) require('tsx/cjs');
  require('./analysis-worker.ts').runAnalysisWorker(workerData, warmUpError);
} catch (error) {
  workerData.port.postMessage({ kind: 'failed', index: undefined, error: String((error && error.stack) || error) });
  workerData.port.postMessage({ kind: 'done' });
  workerData.port.close();
}
