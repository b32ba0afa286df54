import path from 'node:path';
import { validateProject } from '../../src/check/validate-project';
import { applyPlan } from '../../src/deploy/apply-plan';
import { createDeployClients } from '../../src/deploy/deploy-clients';
import { staticTokenCredential } from '../../src/deploy/arm-endpoint';
import { readEnvironmentConfig } from '../../src/deploy/read-environment-config';
import { planWorkspace } from '../../src/deploy/plan-workspace';
import { startEmulator } from '../emulator';
import { FAST } from './deploy-harness';

const ROOT = path.join(__dirname, '..', '..');

test('the shipped content deploys to every environment of the example config, then plans clean', async () => {
  const emulator = await startEmulator();
  try {
    const { config, diagnostics } = readEnvironmentConfig(path.join(ROOT, 'sentinel-cac.environments.yaml'), ROOT);
    expect(diagnostics).toEqual([]);
    const validated = validateProject(ROOT);
    expect(validated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const environment of config!.environments) {
      const clients = createDeployClients(environment.subscriptionId, { endpoint: emulator.url, credential: staticTokenCredential('t'), ...FAST });
      const job = { target: { name: environment.name, subscriptionId: environment.subscriptionId, resourceGroup: environment.resourceGroup, workspace: environment.workspace }, environment };
      const settings = { sourceId: config!.sourceId, prune: true, force: false, configFile: config!.file };
      const planned = await planWorkspace(validated, job, clients, settings);
      expect(planned.diagnostics).toEqual([]);
      const result = await applyPlan(planned.plan!, clients);
      expect(result.results.filter((r) => r.status === 'failed')).toEqual([]);
      const expected = validated.project.rules.length + validated.project.huntingQueries.length + validated.project.watchlists.length;
      expect(result.results.filter((r) => r.status === 'done')).toHaveLength(expected);
      const again = await planWorkspace(validated, job, clients, settings);
      expect(again.plan!.entries.filter((e) => e.action !== 'unchanged')).toEqual([]);
    }
    const prodItems = emulator.store.list({ type: 'watchlistItems' }).filter((i) => i.id.includes('/law-sentinel-prod/') && i.id.includes('/FicMonitoredScopes/'));
    expect(prodItems.map((i) => i.properties.itemsKeyValue.Scope).sort()).toEqual(['mg-landing-zones', 'mg-platform']);
  } finally {
    await emulator.close();
  }
});
