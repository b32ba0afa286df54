import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateArtifact } from '../../src/render/artifact-validator';
import { projectWithOverlay } from '../support/fixture-project';
import { runCli } from '../support/run-cli';

/** `build` writes a workspace function declared by its body as a saved-search ARM template. */
test('a function declared by its body gets an ARM template, and the content that calls it depends on it in azuredeploy.json', async () => {
  const root = projectWithOverlay(path.join(__dirname, '..', 'deploy', 'fixtures', 'function-project'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'function-dist-'));
  const built = await runCli('-C', root, 'build', '--out-dir', out);
  expect(built.err).toBe('');
  expect(built.code).toBe(0);

  const template = JSON.parse(fs.readFileSync(path.join(out, 'functions', 'FicWrites.json'), 'utf8'));
  expect(validateArtifact('functionTemplate', template)).toEqual([]);
  expect(template.resources).toEqual([
    {
      name: "[concat(parameters('workspace'),'/FicWrites')]",
      type: 'Microsoft.OperationalInsights/workspaces/savedSearches',
      apiVersion: '2020-08-01',
      properties: expect.objectContaining({ category: 'Functions', functionAlias: 'FicWrites', functionParameters: 'lookback:timespan = 1d', version: 2 }),
    },
  ]);
  // Declared by its columns: the workspace has it already; nothing to build.
  expect(fs.readdirSync(path.join(out, 'functions'))).toEqual(['FicWrites.json']);

  const combined = JSON.parse(fs.readFileSync(path.join(out, 'azuredeploy.json'), 'utf8'));
  const hunt = combined.resources.find((r: { properties: { displayName?: string } }) => r.properties.displayName === 'Federated credential writes by caller');
  expect(hunt.dependsOn).toEqual(["[resourceId('Microsoft.OperationalInsights/workspaces/savedSearches', parameters('workspace'), 'FicWrites')]"]);
  expect(validateArtifact('combinedTemplate', combined)).toEqual([]);
});
