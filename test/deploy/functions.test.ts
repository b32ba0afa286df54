/** Workspace functions declared by their body are deployed as saved searches with a function alias. */
import fs from 'node:fs';
import path from 'node:path';
import { buildDesiredState } from '../../src/deploy/build-desired-state';
import type { EnvironmentConfig } from '../../src/deploy/environment-config';
import { formatWorkspaceText } from '../../src/deploy/format-plan-text';
import { actions, failures, type Harness, startHarness, TARGET } from './deploy-harness';

const OVERLAY = path.join(__dirname, 'fixtures', 'function-project');
const HUNT = '33333333-3333-4333-8333-333333333333';

let h: Harness;
beforeEach(async () => {
  h = await startHarness(OVERLAY);
});
afterEach(() => h.close());

const savedSearch = (name: string) => h.emulator.store.get(h.emulator.ids.savedSearch(TARGET, name));
const puts = () => h.emulator.requestLog.filter((r) => r.method === 'PUT' && r.resourceType === 'savedSearches').map((r) => decodeURIComponent(r.path.split('?')[0].split('/').pop()!));

test('a function declared by its body is deployed before the query that calls it; one declared by its columns is not', async () => {
  const plan = await h.plan();
  expect(actions(plan)).toMatchObject({ 'Function:FicWrites': 'create', [`HuntingQuery:${HUNT}`]: 'create' });
  expect(Object.keys(actions(plan))).not.toContain('Function:SolutionParser');
  expect(plan.entries.find((e) => e.name === HUNT)!.dependsOn).toEqual(['Function:ficwrites']);

  expect(failures(await h.deploy())).toEqual([]);
  expect(savedSearch('FicWrites')!.properties).toMatchObject({
    category: 'Functions',
    displayName: 'FicWrites',
    functionAlias: 'FicWrites',
    functionParameters: 'lookback:timespan = 1d',
    query: expect.stringMatching(/^AzureActivity\n\| where TimeGenerated > ago\(lookback\)/),
  });
  expect(savedSearch('SolutionParser')).toBeUndefined();
  expect(puts().indexOf('FicWrites')).toBeLessThan(puts().indexOf(HUNT));
  // Owned like any other content, as a Parser in Sentinel's content metadata.
  const metadata = h.emulator.store.list({ type: 'metadata' }).map((m) => m.properties);
  expect(metadata).toContainEqual(expect.objectContaining({ kind: 'Parser', parentId: expect.stringMatching(/\/savedSearches\/FicWrites$/i), source: expect.objectContaining({ kind: 'SourceRepository' }) }));

  // Deployed again unchanged: nothing to write, and the function is not mistaken for a hunting query.
  const again = await h.plan();
  expect(again.entries.map((e) => `${e.kind} ${e.action}`).sort()).toEqual(['AnalyticsRule unchanged', 'Function unchanged', 'HuntingQuery unchanged', 'Watchlist unchanged']);
  expect(again.unowned).toEqual({ AnalyticsRule: 0, HuntingQuery: 0, Function: 0, Watchlist: 0 });
});

test('a function that fails to deploy skips the content that calls it, and the next run finishes', async () => {
  h.emulator.faults.failNext(1, { status: 400, match: { method: 'PUT', path: '/savedSearches/FicWrites' } });
  const result = await h.deploy();
  expect(failures(result)).toHaveLength(1);
  const hunt = result.results.find((r) => r.entry.name === HUNT)!;
  expect([hunt.status, hunt.message]).toEqual(['skipped', 'not deployed: it needs function FicWrites, which failed']);
  expect(result.results.find((r) => r.entry.kind === 'AnalyticsRule')!.status).toBe('done');
  expect(failures(await h.deploy())).toEqual([]);
  expect((await h.plan()).entries.every((e) => e.action === 'unchanged')).toBe(true);
});

test('a function removed from code is deleted with --prune, after the query that called it', async () => {
  expect(failures(await h.deploy())).toEqual([]);
  fs.rmSync(path.join(h.root, 'functions', 'fic-writes.ts'));
  fs.rmSync(path.join(h.root, 'rules', 'fic-writes-hunt.ts'));
  fs.writeFileSync(path.join(h.root, 'functions', 'columns-only.ts'), "import { defineFunction } from 'sentinel-cac';\nexport const p = defineFunction({ name: 'SolutionParser', columns: { User: 'string' } });\n");
  h.revalidate();
  const kept = await h.planned();
  expect(formatWorkspaceText(kept)).toMatch(/= unchanged +function +FicWrites\n +no longer in code .* run with --prune to delete it/);
  h.emulator.resetStats();
  expect(failures(await h.deploy({ prune: true }))).toEqual([]);
  expect(savedSearch('FicWrites')).toBeUndefined();
  const deletes = h.emulator.requestLog.filter((r) => r.method === 'DELETE' && r.resourceType === 'savedSearches').map((r) => r.path.split('?')[0].split('/').pop());
  expect(deletes).toEqual([HUNT, 'FicWrites']);
});

test('a saved search with that name that sentinel-cac did not deploy is not overwritten', async () => {
  h.emulator.store.set(h.emulator.ids.savedSearch(TARGET, 'FicWrites'), {
    properties: { category: 'Security', displayName: 'FicWrites', query: 'AzureActivity | take 1', functionAlias: 'FicWrites', version: 2 },
  });
  const entry = (await h.plan()).entries.find((e) => e.kind === 'Function')!;
  expect([entry.action, entry.reason]).toEqual(['blocked', 'a function with this name exists in the workspace but was not deployed by sentinel-cac; not overwriting it']);
});

test("with a content selection, the functions the selected content calls are deployed, and the functions those call", () => {
  const extra = path.join(h.root, 'functions', 'fic-callers.ts');
  fs.writeFileSync(extra, "import { defineFunction, kql } from 'sentinel-cac';\nexport const ficCallers = defineFunction({ name: 'FicCallers', query: kql`FicWrites | distinct Caller` });\n");
  fs.writeFileSync(path.join(h.root, 'functions', 'unused.ts'), "import { defineFunction, kql } from 'sentinel-cac';\nexport const unused = defineFunction({ name: 'Unused', query: kql`AzureActivity | take 1` });\n");
  fs.writeFileSync(path.join(h.root, 'rules', 'fic-writes-hunt.ts'), fs.readFileSync(path.join(h.root, 'rules', 'fic-writes-hunt.ts'), 'utf8').replace('FicWrites(lookback = 7d)', 'FicCallers | join kind=inner (FicWrites(lookback = 7d)) on Caller'));
  h.revalidate();
  const env = (ids: string[]): EnvironmentConfig => ({ ...TARGET, content: { ids }, watchlistRows: [], at: { line: 1, column: 1 }, fieldAt: {} });
  const deployed = (ids: string[]) => buildDesiredState(h.validated, env(ids)).state.functions.map((f) => f.name).sort();
  expect(deployed([HUNT])).toEqual(['FicCallers', 'FicWrites']);
  expect(deployed(['11111111-1111-4111-8111-111111111111'])).toEqual([]);
  expect(buildDesiredState(h.validated, undefined).state.functions.map((f) => f.name).sort()).toEqual(['FicCallers', 'FicWrites', 'Unused']);
});
