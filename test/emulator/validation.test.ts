import { SecurityInsights } from '@azure/arm-securityinsight';
import { armClientOptions, staticTokenCredential } from '../../src/deploy/arm-endpoint';
import { rejection, SCOPE, scheduledRule, sdkClients } from './sdk-clients';
import { type RunningEmulator, startEmulator } from './server';

const { resourceGroup: RG, workspace: WS } = SCOPE;
let emulator: RunningEmulator;
let sentinel: ReturnType<typeof sdkClients>['sentinel'];

beforeAll(async () => {
  emulator = await startEmulator();
  sentinel = sdkClients(emulator).sentinel;
});
afterAll(() => emulator.close());

const rulePath = (name: string, apiVersion = '2022-09-01-preview') => `${emulator.url}${emulator.ids.alertRule(SCOPE, name)}?api-version=${apiVersion}`;

describe('request validation against the official OpenAPI definitions', () => {
  test('a severity outside the spec enum is a 400 BadRequest RestError naming the field and the allowed values', async () => {
    const error = await rejection(sentinel.alertRules.createOrUpdate(RG, WS, 'r', scheduledRule({ severity: 'Critical' })));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toBe('Invalid data model. [properties.severity: "Critical" is not one of the allowed values: High, Medium, Low, Informational]');
  });

  test('a missing required property is a 400 the SDK surfaces', async () => {
    const { query: _omitted, ...withoutQuery } = scheduledRule();
    const error = await rejection(sentinel.alertRules.createOrUpdate(RG, WS, 'r', withoutQuery as ReturnType<typeof scheduledRule>));
    expect(error).toMatchObject({ statusCode: 400, code: 'BadRequest' });
    expect(error.message).toBe('Invalid data model. [properties.query: is required]');
  });

  // Sent raw: the SDK's serializer already refuses a non-number threshold or a non-ISO duration client-side.
  test('wrong types, an unknown tactic and a non-ISO 8601 duration are all reported in one 400', async () => {
    const body = { kind: 'Scheduled', properties: { ...scheduledRule({ tactics: ['Persistance'], queryFrequency: '5 minutes' }), kind: undefined, triggerThreshold: 'zero' } };
    const res = await fetch(rulePath('r'), { method: 'PUT', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('BadRequest');
    expect(error.message).toContain('properties.tactics.0: "Persistance" is not one of the allowed values');
    expect(error.message).toContain('properties.queryFrequency: "5 minutes" is not a valid duration');
    expect(error.message).toContain('properties.triggerThreshold: "zero" must be of type integer');
  });

  test('what the SDK sends for a full, valid rule is accepted', async () => {
    const rule = scheduledRule({
      entityMappings: [{ entityType: 'Account', fieldMappings: [{ identifier: 'FullName', columnName: 'Caller' }] }],
      customDetails: { Uti: 'UniqueTokenIdentifier' },
      alertDetailsOverride: { alertDisplayNameFormat: 'FIC added by {{Caller}}' },
      eventGroupingSettings: { aggregationKind: 'AlertPerResult' },
      incidentConfiguration: {
        createIncident: true,
        groupingConfiguration: { enabled: true, reopenClosedIncident: false, lookbackDuration: 'PT5H', matchingMethod: 'Selected', groupByEntities: ['Account'] },
      },
      techniques: ['T1098'],
    });
    await expect(sentinel.alertRules.createOrUpdate(RG, WS, 'full', rule)).resolves.toMatchObject({ kind: 'Scheduled' });
  });

  test('an api-version the emulator does not serve is a 400 that lists the supported ones', async () => {
    const credential = staticTokenCredential('t');
    const old = new SecurityInsights(credential, SCOPE.subscriptionId, { ...armClientOptions(emulator.url, credential), apiVersion: '2021-10-01' });
    const error = await rejection(old.alertRules.get(RG, WS, 'r'));
    expect(error).toMatchObject({ statusCode: 400, code: 'NoRegisteredProviderFound' });
    expect(error.message).toContain("'2022-09-01-preview'");
  });

  test('a malformed or missing api-version is refused as ARM does', async () => {
    const headers = { authorization: 'Bearer t' };
    const malformed = await fetch(rulePath('r', 'latest'), { headers });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('InvalidApiVersionParameter');
    const missing = await fetch(rulePath('r').replace(/\?.*$/, ''), { headers });
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('MissingApiVersionParameter');
  });

  test('a body that is not JSON is a 400 InvalidRequestContent; no Authorization header is a 401', async () => {
    const bad = await fetch(rulePath('r'), { method: 'PUT', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{"kind":' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('InvalidRequestContent');
    const anonymous = await fetch(rulePath('r'));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: 'AuthenticationFailed' } });
  });

  test('paths are matched without regard to case', async () => {
    await sentinel.alertRules.createOrUpdate(RG, WS, 'case-rule', scheduledRule());
    const lower = rulePath('case-rule').replace(emulator.url, '').toLowerCase();
    const res = await fetch(`${emulator.url}${lower}`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { kind: string }).kind).toBe('Scheduled');
  });
});
