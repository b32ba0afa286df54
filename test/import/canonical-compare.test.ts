import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { validateLoadedProject } from '../../src/check/validate-project';
import { importContent } from '../../src/import/import-content';
import { canonicalFromArtifact, canonicalFromSource, pickArtifact } from '../../src/import/round-trip/canonical-forms';
import { canonicalAlertRule } from '../../src/import/round-trip/canonical-rule';
import { canonicalDifferences } from '../../src/import/round-trip/round-trip-file';
import { loadProject } from '../../src/load/load-project';
import { renderProject } from '../../src/render/render-project';
import { projectWithOverlay } from '../support/fixture-project';

const EXAMPLES = path.join(resolveReferenceDir(repoRoot()), 'examples');

const yamlRule = {
  name: 'R',
  description: 'd',
  severity: 'Low',
  query: 'T\n| take 1',
  queryFrequency: '1h',
  queryPeriod: '1d',
  triggerOperator: 'gt',
  triggerThreshold: 0,
  tactics: ['Persistence'],
  relevantTechniques: ['T1098.001'],
  entityMappings: [{ entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'Ip' }] }],
};

const armRule = {
  displayName: 'R',
  description: 'd',
  severity: 'Low',
  enabled: true,
  query: 'T\r\n| take 1',
  queryFrequency: 'PT1H',
  queryPeriod: 'P1D',
  triggerOperator: 'GreaterThan',
  triggerThreshold: 0,
  suppressionDuration: 'PT5H',
  suppressionEnabled: false,
  tactics: ['Persistence'],
  techniques: ['T1098'],
  subTechniques: ['T1098.001'],
  incidentConfiguration: { createIncident: true, groupingConfiguration: { enabled: false, reopenClosedIncident: false, lookbackDuration: 'PT5H', matchingMethod: 'AllEntities', groupByEntities: [], groupByAlertDetails: null, groupByCustomDetails: [] } },
  eventGroupingSettings: { aggregationKind: 'SingleAlert' },
  alertDetailsOverride: { alertDynamicProperties: [] },
  customDetails: null,
  entityMappings: [{ fieldMappings: [{ columnName: 'Ip', identifier: 'Address' }], entityType: 'IP' }],
};

describe('round-trip comparison: which differences are normalized away and which are not', () => {
  const yamlForm = (rule: Record<string, unknown>): Record<string, unknown> => {
    const { requiredDataConnectors: _ignored, ...rest } = canonicalAlertRule('Scheduled', rule, 'yaml');
    return rest;
  };

  it('the same rule in YAML and in ARM is equal: durations, operators, techniques split, CRLF, defaults and key order', () => {
    expect(canonicalDifferences(yamlForm(yamlRule), canonicalAlertRule('Scheduled', armRule, 'arm'))).toEqual([]);
  });

  it.each([
    ['queryFrequency', { queryFrequency: '2h' }],
    ['triggerOperator', { triggerOperator: 'lt' }],
    ['triggerThreshold', { triggerThreshold: 1 }],
    ['query', { query: 'T\n| take 2' }],
    ['techniques', { relevantTechniques: ['T1098'] }],
    ['entityMappings', { entityMappings: [{ entityType: 'IP', fieldMappings: [{ identifier: 'Address', columnName: 'OtherIp' }] }] }],
    ['incidentConfiguration', { incidentConfiguration: { createIncident: false } }],
    ['suppressionDuration', { suppressionDuration: '1h' }],
    ['customDetails', { customDetails: { Ip: 'Ip' } }],
    ['alertDetailsOverride', { alertDetailsOverride: { alertDisplayNameFormat: 'On {{Ip}}' } }],
  ])('a change of %s is a difference', (field, change) => {
    expect(canonicalDifferences(yamlForm({ ...yamlRule, ...change }), canonicalAlertRule('Scheduled', armRule, 'arm'))).toEqual([field]);
  });

  it('an NRT rule differs from the same rule as Scheduled', () => {
    expect(canonicalDifferences(canonicalAlertRule('NRT', armRule, 'arm'), canonicalAlertRule('Scheduled', armRule, 'arm'))).toContain('kind');
  });

  it('a built rule compared with an edited original reports exactly the edited fields', () => {
    const file = 'Detections__AzureActivity__AzDiagSettingsDeleted.yaml';
    const root = projectWithOverlay();
    const imported = importContent({ root, inputs: [file], cwd: EXAMPLES, validate: false });
    const project = loadProject(root);
    const rule = project.rules.find((r) => r.source.file === imported.definitions[0].definitionFile);
    const artifact = pickArtifact('detection YAML', renderProject(validateLoadedProject(project)).filter((a) => a.from === rule));
    const source = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
    const built = canonicalFromArtifact('detection YAML', artifact!);
    expect(canonicalDifferences(canonicalFromSource('detection YAML', source, []), built)).toEqual([]);
    const edited = source.replace('queryPeriod: 2h', 'queryPeriod: 3h').replace('columnName: CallerIpAddress', 'columnName: CallerIp');
    expect(canonicalDifferences(canonicalFromSource('detection YAML', edited, []), built)).toEqual(['entityMappings', 'queryPeriod']);
  });
});
