#!/usr/bin/env node
// Rule definitions are TypeScript, so the CLI runs under tsx's require hook: the same
// loader then compiles the tool's own sources and the user's rules/ on the fly.
require('tsx/cjs');
require('../src/cli/main.ts').main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : err); process.exitCode = 70; },
);
