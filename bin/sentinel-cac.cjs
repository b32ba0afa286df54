#!/usr/bin/env node
// Commands that analyze KQL run in a child process started from a snapshot of Kusto.Language
// (src/kql/kusto-snapshot.cjs), which saves them the library's ~1 s start-up. `validate` decides
// for itself, since with nothing changed it analyzes nothing.
const launcher = require('../src/kql/kusto-snapshot.cjs');
const relaunch = () => launcher.relaunchFromSnapshot(process.argv);
const relaunched = launcher.commandRelaunchesItself(process.argv) ? undefined : relaunch();
if (relaunched) {
  relaunched.then((code) => { process.exitCode = code; });
} else {
  // Rule definitions are TypeScript, so the CLI runs under tsx's require hook: the same
  // loader then compiles the tool's own sources and the user's rules/ on the fly.
  require('tsx/cjs');
  require('../src/cli/main.ts').main(process.argv, undefined, relaunch).then(
    (code) => { process.exitCode = code; },
    (err) => { console.error(err && err.stack ? err.stack : err); process.exitCode = 70; },
  );
}
