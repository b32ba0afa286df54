/**
 * Round-trips the public corpus through `import` and `build` (issue 5's fidelity figures):
 * every YAML rule and ARM template under <reference>/corpus/{yaml,arm}, one file at a time into an
 * empty project, compared with the original after normalization. Prints a Markdown report; with
 * `--json <file>` also writes every outcome (with the differing values) for inspection.
 *
 *   node -r tsx/cjs scripts/import-round-trip.ts [--json out.json] [--limit N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resolveReferenceDir } from '../src/catalog/generate/reference-dir';
import type { Diagnostic } from '../src/check/diagnostic';
import { roundTripFile, type RoundTripOutcome } from '../src/import/round-trip/round-trip-file';
import { formatRoundTripSummary, summarizeRoundTrips } from '../src/import/round-trip/round-trip-summary';

function main(argv: readonly string[]): void {
  const reference = resolveReferenceDir(repoRoot());
  const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
  const limit = argv.includes('--limit') ? Number(argv[argv.indexOf('--limit') + 1]) : Infinity;
  const corpus = path.join(reference, 'corpus');
  const started = performance.now();
  const reports: string[] = [];
  const all: RoundTripOutcome[] = [];
  const allNotes: Diagnostic[] = [];
  for (const set of ['yaml', 'arm']) {
    const files = listFiles(path.join(corpus, set)).slice(0, limit);
    const outcomes: RoundTripOutcome[] = [];
    const notes: Diagnostic[] = [];
    for (const file of files) {
      try {
        const result = roundTripFile(path.relative(corpus, file), { cwd: corpus });
        outcomes.push(...result.outcomes);
        notes.push(...result.diagnostics);
      } catch (error) {
        outcomes.push({ file: path.relative(corpus, file), pointer: '', name: path.basename(file), status: 'failed', differences: [], reason: `exception: ${(error as Error).message.split('\n')[0]}` });
      }
    }
    all.push(...outcomes);
    allNotes.push(...notes);
    reports.push(formatRoundTripSummary(`corpus/${set}/ (${files.length} files)`, summarizeRoundTrips(outcomes, notes)));
  }
  reports.push(formatRoundTripSummary('corpus total', summarizeRoundTrips(all, allNotes)));
  console.log(reports.join('\n\n'));
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
  if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify(all, null, 2)}\n`);
}

function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

if (require.main === module) main(process.argv.slice(2));
