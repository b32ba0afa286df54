import { mergeTechniques, toDuration, toTriggerOperator, withKnownKeyCase } from '../../src/import/field-values';
import { inferColumnTypes } from '../../src/import/infer-column-types';
import { resourceNameTail } from '../../src/import/arm-resource-name';
import { derivedId } from '../../src/import/derived-id';

describe('values converted on import', () => {
  it.each([
    ['5m', '5m'],
    ['24h', '24h'],
    ['PT1H', '1h'],
    ['P14D', '14d'],
    ['PT1H30M', '90m'],
    ['P1DT12H', '36h'],
    ['1h10m', '70m'],
    ['01:00:00', '1h'],
    ['1.00:00:00', '1d'],
  ])('duration %s becomes %s', (raw, duration) => {
    expect(toDuration(raw)).toBe(duration);
  });

  it.each(['90s', 'PT30S', 'soon', '', '0m'])('duration %j is refused', (raw) => {
    expect(toDuration(raw)).toBeUndefined();
  });

  it('maps YAML and ARM trigger operators, in any case, and refuses others', () => {
    expect(['gt', 'lt', 'eq', 'ne', 'GreaterThan', 'lessthan', 'Equal', 'NotEqual'].map(toTriggerOperator)).toEqual(['GreaterThan', 'LessThan', 'Equal', 'NotEqual', 'GreaterThan', 'LessThan', 'Equal', 'NotEqual']);
    expect(toTriggerOperator('>')).toBeUndefined();
  });

  it('folds techniques and sub-techniques into one list, a parent implied by its sub-techniques', () => {
    expect(mergeTechniques(['T1098', 'T1078'], ['T1098.001'])).toEqual(['T1098.001', 'T1078']);
    expect(mergeTechniques([], ['T1566.002'])).toEqual(['T1566.002']);
  });

  it('renames keys that differ from a known property only in case', () => {
    expect(withKnownKeyCase({ alertDisplaynameFormat: 'x', other: 1 }, ['alertDisplayNameFormat'])).toEqual({ value: { alertDisplayNameFormat: 'x', other: 1 }, renamed: [['alertDisplaynameFormat', 'alertDisplayNameFormat']] });
  });
});

describe('watchlist column types are inferred conservatively', () => {
  it('types a column only when every value parses as the type; otherwise string', () => {
    const header = ['Id', 'Port', 'Big', 'Flag', 'When', 'Zip', 'Mixed', 'Empty'];
    const rows = [
      ['0b6c2f0e-6a8c-4c1b-9a51-1f0f6b2a7c01', '443', '9007199254740', 'true', '2024-01-01T00:00:00Z', '01234', '1', ''],
      ['1b6c2f0e-6a8c-4c1b-9a51-1f0f6b2a7c01', '', '1', 'False', '2024-02-01T10:30:00.5Z', '12345', 'x', ''],
    ];
    expect(inferColumnTypes(header, rows)).toEqual({ Id: 'guid', Port: 'int', Big: 'long', Flag: 'bool', When: 'datetime', Zip: 'string', Mixed: 'string', Empty: 'string' });
  });
});

describe('ids from ARM resource names', () => {
  it('reads the last segment from a plain name, a concat literal, or a parameter or variable with a literal value', () => {
    const scope = { parameters: { 'analytic1-id': { defaultValue: 'a1b2' }, gen: { defaultValue: '[newGuid()]' } }, variables: { alias: 'HoneyTokens' } };
    expect(resourceNameTail('ws/Microsoft.SecurityInsights/abc', scope)).toBe('abc');
    expect(resourceNameTail("[concat(parameters('workspace'),'/Microsoft.SecurityInsights/abc')]", scope)).toBe('abc');
    expect(resourceNameTail("[concat(parameters('workspace'),'/Microsoft.SecurityInsights/',parameters('analytic1-id'))]", scope)).toBe('a1b2');
    expect(resourceNameTail("[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', variables('alias'))]", scope)).toBe('HoneyTokens');
    expect(resourceNameTail("[concat(parameters('workspace'),'/Microsoft.SecurityInsights/',parameters('gen'))]", scope)).toBeUndefined();
  });

  it('derives the same GUID for the same content every time, and different GUIDs for different content', () => {
    expect(derivedId('a.json', 'Rule')).toBe(derivedId('a.json', 'Rule'));
    expect(derivedId('a.json', 'Rule')).not.toBe(derivedId('a.json', 'Rule 2'));
    expect(derivedId('a.json', 'Rule')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
