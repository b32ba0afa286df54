import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import YAML from 'yaml';
import { defaultReferenceDir, generateArtifactSchemas, main as generateSchemas } from '../../scripts/generate-arm-schemas';
import { validateArtifact, type ArtifactKind } from '../../src/render/artifact-validator';
import { ISO_8601_DURATION } from '../../src/render/artifact-validation/artifact-ajv';
import { SCHEMA_DIRECTORY } from '../../src/render/artifact-validation/artifact-kinds';
import { OpenApiToJsonSchema } from '../../src/render/artifact-validation/openapi-to-json-schema';
import { applySpecDeviations } from '../../src/render/artifact-validation/spec-deviations';

const EXAMPLES = path.join(defaultReferenceDir(), 'examples');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'artifacts');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const readJson = (file: string): Json => JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
const readYaml = (file: string): Json => YAML.parse(fs.readFileSync(file, 'utf8')) as Json;
const examples = (pattern: RegExp): string[] => fs.readdirSync(EXAMPLES).filter((name) => pattern.test(name)).sort();
const messages = (kind: ArtifactKind, value: unknown): string[] => validateArtifact(kind, value).map((problem) => problem.message);

describe('the reference examples', () => {
  const portalExports = examples(/^portal-export__.*\.json$/);
  const hunting = examples(/^HuntingQueries__.*\.yaml$/);
  const detections = examples(/\.yaml$/).filter((name) => !hunting.includes(name));

  it('are all present, so the tests below cannot pass vacuously', () => {
    expect(portalExports).toHaveLength(4);
    expect(detections).toHaveLength(5);
    expect(hunting).toHaveLength(2);
  });

  it.each(portalExports)('portal export %s is a valid alertRuleTemplate', (name) => {
    expect(messages('alertRuleTemplate', readJson(path.join(EXAMPLES, name)))).toEqual([]);
  });

  it('watchlist template fails only on its empty "kind", which a watchlist resource does not have', () => {
    const template = readJson(path.join(EXAMPLES, 'watchlist-WatchlistTemplate.json'));
    expect(messages('watchlistTemplate', template)).toEqual(['/resources/0/kind is not a known property here (check its spelling)']);
    delete template.resources[0].kind;
    expect(messages('watchlistTemplate', template)).toEqual([]);
  });

  it.each(detections.filter((name) => !name.startsWith('SentinelARConverter')))('detection %s is a valid detectionYaml', (name) => {
    expect(messages('detectionYaml', readYaml(path.join(EXAMPLES, name)))).toEqual([]);
  });

  it('SentinelARConverter Scheduled.yaml fails only because it lacks requiredDataConnectors, which the CI requires of Scheduled rules', () => {
    const rule = readYaml(path.join(EXAMPLES, 'SentinelARConverter-tests__Scheduled.yaml'));
    expect(messages('detectionYaml', rule)).toEqual(['/requiredDataConnectors is required']);
  });

  it.each(hunting)('hunting query %s is a valid huntingYaml', (name) => {
    expect(messages('huntingYaml', readYaml(path.join(EXAMPLES, name)))).toEqual([]);
  });
});

describe('the project fixtures', () => {
  it('a template with rules, a watchlist, a hunting query and their metadata is a valid combinedTemplate', () => {
    expect(messages('combinedTemplate', readJson(path.join(FIXTURES, 'combined-template.json')))).toEqual([]);
  });

  it('a saved-search template is a valid huntingTemplate', () => {
    expect(messages('huntingTemplate', readJson(path.join(FIXTURES, 'hunting-template.json')))).toEqual([]);
  });

  it('a combined template is not an alertRuleTemplate: its other resources have the wrong type', () => {
    const problems = validateArtifact('alertRuleTemplate', readJson(path.join(FIXTURES, 'combined-template.json')));
    expect(problems.map((problem) => problem.pointer)).toContain('/resources/0/type');
  });
});

interface BrokenCase {
  readonly name: string;
  readonly kind: ArtifactKind;
  readonly base: () => Json;
  readonly breakIt: (artifact: Json) => void;
  readonly pointer: string;
  readonly message?: string;
}

const scheduledExport = (): Json => readJson(path.join(EXAMPLES, 'portal-export__CloudArchitekt__Unauthorized actor Federated Credential UAMI (2023-12-01-preview).json'));
const nrtExport = (): Json => readJson(path.join(EXAMPLES, 'portal-export__SentinelARConverter-tests__NRT.json'));
const combined = (): Json => readJson(path.join(FIXTURES, 'combined-template.json'));
const huntingTemplate = (): Json => readJson(path.join(FIXTURES, 'hunting-template.json'));
const watchlist = (): Json => {
  const template = readJson(path.join(EXAMPLES, 'watchlist-WatchlistTemplate.json'));
  delete template.resources[0].kind;
  return template;
};
const detection = (): Json => readYaml(path.join(EXAMPLES, 'Detections__AzureActivity__AzDiagSettingsDeleted.yaml'));
const huntingQuery = (): Json => readYaml(path.join(EXAMPLES, 'HuntingQueries__AzureActivity__Azure-CloudShell-Usage.yaml'));
const rule = (template: Json): Json => template.resources[0].properties;

const BROKEN: readonly BrokenCase[] = [
  { name: 'wrong severity', kind: 'alertRuleTemplate', base: scheduledExport, breakIt: (t) => { rule(t).severity = 'Critical'; },
    pointer: '/resources/0/properties/severity',
    message: '/resources/0/properties/severity must be one of High, Medium, Low, Informational' },
  { name: 'unknown property in rule properties', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).severty = 'High'; }, pointer: '/resources/0/properties/severty',
    message: '/resources/0/properties/severty is not a known property here (check its spelling)' },
  { name: 'duration in YAML style', kind: 'alertRuleTemplate', base: scheduledExport, breakIt: (t) => { rule(t).queryFrequency = '1h'; },
    pointer: '/resources/0/properties/queryFrequency',
    message: '/resources/0/properties/queryFrequency must be an ISO-8601 duration such as PT5M, PT1H or P14D' },
  { name: 'missing displayName', kind: 'alertRuleTemplate', base: scheduledExport, breakIt: (t) => { delete rule(t).displayName; },
    pointer: '/resources/0/properties/displayName', message: '/resources/0/properties/displayName is required' },
  { name: 'triggerThreshold as a string', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).triggerThreshold = '0'; }, pointer: '/resources/0/properties/triggerThreshold',
    message: '/resources/0/properties/triggerThreshold must be an integer' },
  { name: 'wrong resource type', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { t.resources[0].type = 'Microsoft.SecurityInsights/alertRules'; }, pointer: '/resources/0/type',
    message: '/resources/0/type must be Microsoft.OperationalInsights/workspaces/providers/alertRules' },
  { name: 'bad entityType', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).entityMappings[1].entityType = 'IPAddress'; }, pointer: '/resources/0/properties/entityMappings/1/entityType' },
  { name: 'wrong watchlist contentType', kind: 'watchlistTemplate', base: watchlist,
    breakIt: (t) => { rule(t).contentType = 'application/json'; }, pointer: '/resources/0/properties/contentType',
    message: '/resources/0/properties/contentType must be one of Text/Csv, text/csv, Text/Tsv, text/tsv' },
  { name: 'saved search without query', kind: 'huntingTemplate', base: huntingTemplate, breakIt: (t) => { delete rule(t).query; },
    pointer: '/resources/0/properties/query', message: '/resources/0/properties/query is required' },
  { name: 'NRT rule with a Scheduled-only property', kind: 'alertRuleTemplate', base: nrtExport,
    breakIt: (t) => { rule(t).queryFrequency = 'PT5M'; }, pointer: '/resources/0/properties/queryFrequency' },
  { name: 'rule kind the build never emits', kind: 'alertRuleTemplate', base: nrtExport, breakIt: (t) => { t.resources[0].kind = 'Fusion'; },
    pointer: '/resources/0/kind', message: '/resources/0/kind must be one of Scheduled, NRT' },
  { name: 'sub-technique among techniques', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).techniques = ['T1098.001']; }, pointer: '/resources/0/properties/techniques/0' },
  { name: 'null where the export never writes null', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).description = null; }, pointer: '/resources/0/properties/description',
    message: '/resources/0/properties/description must be a string' },
  { name: 'readOnly property sent', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).lastModifiedUtc = '2025-01-31T08:00:00Z'; }, pointer: '/resources/0/properties/lastModifiedUtc' },
  { name: 'duration in weeks, which Azure does not read', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { rule(t).incidentConfiguration.groupingConfiguration.lookbackDuration = 'P1W'; },
    pointer: '/resources/0/properties/incidentConfiguration/groupingConfiguration/lookbackDuration' },
  { name: 'more than 50 rules for the portal Import', kind: 'alertRuleTemplate', base: scheduledExport,
    breakIt: (t) => { t.resources = Array.from({ length: 51 }, () => t.resources[0]); }, pointer: '/resources' },
  { name: 'resource type outside the combined set', kind: 'combinedTemplate', base: combined,
    breakIt: (t) => { t.resources[4].type = 'Microsoft.OperationalInsights/workspaces/providers/Workbooks'; }, pointer: '/resources/4/type' },
  { name: 'misspelt metadata kind', kind: 'combinedTemplate', base: combined,
    breakIt: (t) => { t.resources[3].properties.kind = 'AnalyticRule'; }, pointer: '/resources/3/properties/kind' },
  { name: 'metadata without parentId', kind: 'combinedTemplate', base: combined,
    breakIt: (t) => { delete t.resources[3].properties.parentId; }, pointer: '/resources/3/properties/parentId' },
  { name: 'dependsOn that is not a list', kind: 'combinedTemplate', base: combined,
    breakIt: (t) => { t.resources[1].dependsOn = 'FicAuthorizedActors'; }, pointer: '/resources/1/dependsOn' },
  { name: 'saved search on another api-version', kind: 'huntingTemplate', base: huntingTemplate,
    breakIt: (t) => { t.resources[0].apiVersion = '2023-09-01'; }, pointer: '/resources/0/apiVersion' },
  { name: 'detection YAML with an ARM severity', kind: 'detectionYaml', base: detection, breakIt: (y) => { y.severity = 'Critical'; },
    pointer: '/severity', message: '/severity must be one of Informational, Low, Medium, High' },
  { name: 'detection YAML with an ISO duration', kind: 'detectionYaml', base: detection, breakIt: (y) => { y.queryPeriod = 'PT2H'; },
    pointer: '/queryPeriod' },
  { name: 'detection YAML with a misspelt key', kind: 'detectionYaml', base: detection,
    breakIt: (y) => { y.entityMapings = y.entityMappings; }, pointer: '/entityMapings' },
  { name: 'hunting YAML without id', kind: 'huntingYaml', base: huntingQuery, breakIt: (y) => { delete y.id; },
    pointer: '/id', message: '/id is required' },
  { name: 'hunting YAML with a bad entityType', kind: 'huntingYaml', base: huntingQuery,
    breakIt: (y) => { y.entityMappings[0].entityType = 'User'; }, pointer: '/entityMappings/0/entityType' },
];

describe('broken artifacts', () => {
  it.each(BROKEN)('$name fails at $pointer and nowhere else', (broken) => {
    const artifact = broken.base();
    expect(validateArtifact(broken.kind, artifact)).toEqual([]);
    broken.breakIt(artifact);
    const problems = validateArtifact(broken.kind, artifact);
    expect(problems.map((problem) => problem.pointer)).toEqual([broken.pointer]);
    if (broken.message !== undefined) expect(problems.map((problem) => problem.message)).toEqual([broken.message]);
  });

  it('reports every problem at once, sorted by pointer', () => {
    const template = scheduledExport();
    rule(template).severity = 'Critical';
    rule(template).triggerThreshold = '0';
    delete rule(template).displayName;
    expect(validateArtifact('alertRuleTemplate', template).map((problem) => problem.pointer)).toEqual([
      '/resources/0/properties/displayName', '/resources/0/properties/severity', '/resources/0/properties/triggerThreshold',
    ]);
  });

  it('names the artifact kinds when asked for one that does not exist', () => {
    expect(() => validateArtifact('armTemplate' as ArtifactKind, {})).toThrow(/unknown artifact kind "armTemplate"; expected one of alertRuleTemplate/);
  });
});

describe('the ISO-8601 duration format', () => {
  it.each(['PT5M', 'PT1H', 'P14D', 'PT5H', 'P1000Y', 'P1DT12H', 'PT0.5S', 'P1Y2M3DT4H5M6S'])('accepts %s', (value) => {
    expect(ISO_8601_DURATION.test(value)).toBe(true);
  });
  it.each(['', 'P', 'PT', 'P1DT', '5m', '1h', 'P1W', '-PT5M', 'PT5H ', 'pt5h', '01:00:00', 'P1H'])('rejects %j', (value) => {
    expect(ISO_8601_DURATION.test(value)).toBe(false);
  });
});

describe('the schema generator', () => {
  const generated = generateArtifactSchemas();

  it('writes the same bytes on every run', () => {
    expect([...generateArtifactSchemas()]).toEqual([...generated]);
  });

  it('matches the committed schemas, so a stale schema file fails here', () => {
    const committed = fs.readdirSync(SCHEMA_DIRECTORY).filter((name) => name.endsWith('.json')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) {
      expect({ name, text: fs.readFileSync(path.join(SCHEMA_DIRECTORY, name), 'utf8') }).toEqual({ name, text });
    }
  });

  it('--check exits 1 when a schema file differs from a fresh generation, and 0 when none does', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-schemas-'));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const [name, text] of generated) fs.writeFileSync(path.join(directory, name), text);
      expect(generateSchemas(['--check'], directory)).toBe(0);
      fs.appendFileSync(path.join(directory, 'alert-rule-template.schema.json'), ' ');
      expect(generateSchemas(['--check'], directory)).toBe(1);
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/alert-rule-template\.schema\.json is stale: run npm run gen:schemas/));
    } finally {
      error.mockRestore();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('records where each definition comes from and why it differs from the spec', () => {
    const schema = JSON.parse(generated.get('alert-rule-template.schema.json') as string) as Json;
    const scheduled = schema.definitions.ScheduledAlertRuleProperties;
    expect(scheduled.$comment).toMatch(/^From AlertRules_2025-09-01_commit56c0996\.json#\/definitions\/ScheduledAlertRuleProperties\. Not accepted: lastModifiedUtc/);
    expect(scheduled.properties.sentinelEntitiesMappings.$comment).toMatch(/2023-12-01-preview/);
    expect(schema.definitions.NrtAlertRuleProperties.$comment).toMatch(/^From AlertRules_2022-09-01-preview\.json/);
    expect(schema.definitions.IncidentConfiguration.$comment).toMatch(/^From AlertRules_2025-09-01/);
  });
});

describe('the OpenAPI converter', () => {
  const spec = {
    label: 'Test.json',
    document: {
      definitions: {
        Base: { type: 'object', properties: { id: { type: 'string', readOnly: true }, name: { type: 'string' } }, required: ['name'] },
        Child: {
          allOf: [{ $ref: '#/definitions/Base' }],
          properties: {
            size: { type: 'integer', format: 'int32', 'x-ms-client-name': 'Size' },
            color: { type: 'string', enum: ['Red'], 'x-ms-enum': { name: 'Color', modelAsString: true }, 'x-nullable': true },
          },
        },
        Odd: { type: 'string', format: 'byte' },
        Polymorphic: { type: 'object', discriminator: 'kind', properties: { kind: { type: 'string' } } },
      },
    },
  };
  const convert = (name: string): Json => {
    const converter = new OpenApiToJsonSchema({ files: [spec], externalRefs: [] });
    converter.addDefinition('Test.json', name);
    return converter.definitions();
  };

  it('flattens allOf into one closed object, drops readOnly properties and x-ms annotations, and honours x-nullable', () => {
    expect(convert('Child').Child).toEqual({
      $comment: 'From Test.json#/definitions/Child. Not accepted: id (readOnly: the service sets it).',
      type: 'object',
      properties: { name: { type: 'string' }, size: { type: 'integer', format: 'int32' }, color: { type: ['string', 'null'], enum: ['Red', null] } },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('refuses a format it has no validator for, and a polymorphic definition', () => {
    expect(() => convert('Odd')).toThrow(/format "byte" has no validator/);
    expect(() => convert('Polymorphic')).toThrow(/discriminators are modelled by the artifact envelopes/);
  });

  it('refuses a spec deviation that no longer matches the spec', () => {
    const definitions = convert('Child');
    expect(() => applySpecDeviations(definitions, [{ change: 'add-property', definition: 'Child', property: 'size', schema: {}, reason: 'test' }]))
      .toThrow(/Child\.size now exists in the spec/);
    expect(() => applySpecDeviations(definitions, [{ change: 'nullable', definition: 'Gone', property: 'x', reason: 'test' }]))
      .toThrow(/no definition Gone/);
  });
});
