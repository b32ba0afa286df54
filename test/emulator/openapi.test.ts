import { RequestValidator } from './openapi/request-validator';
import { SPEC_SETS } from './openapi/spec-catalog';
import { referenceDir } from './reference-dir';

const validator = RequestValidator.load(referenceDir());
const RULE = '/subscriptions/{s}/resourceGroups/{r}/providers/Microsoft.OperationalInsights/workspaces/{w}/providers/Microsoft.SecurityInsights/alertRules/{id}';
const check = (body: unknown) => validator.validateBody('securityInsights', '2022-09-01-preview', 'PUT', RULE, body);

describe('Swagger 2.0 -> ajv conversion', () => {
  test('every spec set loads, and each PUT/PATCH the emulator serves has a body schema', () => {
    expect(SPEC_SETS.map((s) => `${s.family}@${s.apiVersion}`)).toEqual(['securityInsights@2022-09-01-preview', 'operationalInsights@2020-08-01', 'operationalInsights@2022-10-01']);
    const si = '/subscriptions/{}/resourceGroups/{}/providers/Microsoft.OperationalInsights/workspaces/{}/providers/Microsoft.SecurityInsights';
    for (const [method, path] of [
      ['PUT', `${si}/alertRules/{}`],
      ['PUT', `${si}/watchlists/{}`],
      ['PUT', `${si}/watchlists/{}/watchlistItems/{}`],
      ['PUT', `${si}/metadata/{}`],
      ['PATCH', `${si}/metadata/{}`],
    ]) {
      expect(validator.hasBodySchema('securityInsights', '2022-09-01-preview', method, path)).toBe(true);
    }
    expect(validator.hasBodySchema('operationalInsights', '2020-08-01', 'PUT', '/subscriptions/{}/resourcegroups/{}/providers/Microsoft.OperationalInsights/workspaces/{}/savedSearches/{}')).toBe(true);
  });

  test('the discriminator sends each kind to its own definition', () => {
    expect(check({ kind: 'NRT', properties: { displayName: 'x', enabled: true, severity: 'Low', query: 'T', suppressionEnabled: false, suppressionDuration: 'PT1H' } })).toBeUndefined();
    // the same properties are not enough for Scheduled, which also needs frequency, period and trigger
    expect(check({ kind: 'Scheduled', properties: { displayName: 'x', enabled: true, severity: 'Low', query: 'T', suppressionEnabled: false, suppressionDuration: 'PT1H' } })).toMatch(
      /properties\.queryFrequency: is required.*properties\.triggerThreshold: is required/,
    );
    expect(check({ kind: 'MLBehaviorAnalytics', properties: { alertRuleTemplateName: 't', enabled: true } })).toBeUndefined();
  });

  test('read-only properties are ignored in requests, and kind is required', () => {
    expect(check({ kind: 'Fusion', id: 42, name: [], systemData: 'x', properties: { alertRuleTemplateName: 't', enabled: true, lastModifiedUtc: 'whenever' } })).toBeUndefined();
    expect(check({ properties: {} })).toBe('Invalid data model. [kind: is required]');
  });

  test('a missing spec file is an error naming the file and the override variable', () => {
    expect(() => RequestValidator.load('/nonexistent/reference')).toThrow(/AlertRules_2022-09-01-preview\.json: OpenAPI spec not found.*SENTINEL_CAC_REFERENCE_DIR/);
  });
});
