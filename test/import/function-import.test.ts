import fs from 'node:fs';
import path from 'node:path';
import { importContent } from '../../src/import/import-content';
import { roundTripFile } from '../../src/import/round-trip/round-trip-file';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

/** A saved search with a function alias is imported as a workspace function declared by its body. */
const DIR = path.join(FIXTURES, 'import', 'functions');
const INPUT = 'parser-export.json';

test('a function is imported into functions/, with its parameters, and the query calling it validates', () => {
  const root = projectWithOverlay();
  const result = importContent({ root, inputs: [INPUT], cwd: DIR });
  expect(result.definitions.map((d) => [d.item.kind, d.definitionFile])).toEqual([
    ['WorkspaceFunction', 'functions/fic-writes.ts'],
    ['HuntingQuery', 'rules/hunting/federated-credential-writes-per-caller.ts'],
  ]);
  const source = fs.readFileSync(path.join(root, 'functions', 'fic-writes.ts'), 'utf8');
  expect(source).toContain("export const ficWrites = defineFunction({\n  name: 'FicWrites',\n  category: 'Security',\n  parameters: { lookback: { type: 'timespan', default: '1d' }, caller: { type: 'string', default: '\"\"' } },\n  query: kqlFile('./fic-writes.kql'),\n});");
  // Validated after the import: the hunting query binds against the imported function.
  expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('what cannot be carried over is reported at its place in the source', () => {
  const root = projectWithOverlay();
  const { diagnostics, skipped } = importContent({ root, inputs: [INPUT], cwd: DIR, validate: false });
  const line = (text: string): number => fs.readFileSync(path.join(DIR, INPUT), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
  expect(diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual([
    `${line('"Federated credential writes"')} info IMPORT_DROPPED`,
    `${line('"T:(Caller:string)')} error IMPORT_UNSUPPORTED`,
  ]);
  expect(diagnostics[1].message).toBe('resources[2].properties.functionParameters: parameter T has type (Caller:string); defineFunction() takes scalar parameters only');
  expect(skipped.map((s) => s.name)).toEqual(['FilterCallers']);
});

test('an imported function builds back to the saved search it came from', () => {
  const outcomes = roundTripFile(INPUT, { cwd: DIR }).outcomes;
  expect(outcomes.map((o) => `${o.name}: ${o.status} (${o.format ?? o.reason})`)).toEqual([
    'FilterCallers: not-imported (IMPORT_UNSUPPORTED)',
    'FicWrites: exact (ARM function)',
    'Federated credential writes per caller: exact (ARM saved search)',
  ]);
});

test('a function the project already declares is not imported again without --force', () => {
  const root = projectWithOverlay();
  importContent({ root, inputs: [INPUT], cwd: DIR, validate: false });
  const again = importContent({ root, inputs: [INPUT], cwd: DIR, validate: false });
  expect(again.diagnostics.filter((d) => d.code === 'IMPORT_EXISTS').map((d) => d.message)).toEqual([
    '"FicWrites": name ficwrites is already defined in functions/fic-writes.ts; not imported',
    '"Federated credential writes per caller": id 44444444-4444-4444-8444-444444444444 is already defined in rules/hunting/federated-credential-writes-per-caller.ts; not imported',
  ]);
});
