import {
  ALERT_DETAILS,
  ALERT_PROPERTIES,
  ALERT_SEVERITIES,
  EVENT_GROUPING_AGGREGATION_KINDS,
  MATCHING_METHODS,
  TRIGGER_OPERATORS,
  type AlertSeverity,
} from '../../src/catalog/generated/api-enums';
import { AZURE_SENTINEL_CI_TACTICS, TACTICS, TECHNIQUE_TACTICS, type Tactic } from '../../src/catalog/generated/attack';
import {
  ENTITY_IDENTIFIERS,
  REQUIRED_IDENTIFIER_SETS,
  type EntityIdentifier,
  type EntityType,
} from '../../src/catalog/generated/entities';

describe('generated entity identifiers', () => {
  test('every required identifier set names identifiers of its own entity type', () => {
    const types = Object.keys(ENTITY_IDENTIFIERS) as EntityType[];
    expect(types).toHaveLength(18);
    expect(types).not.toContain('IoTDevice');
    for (const type of types) {
      const known: readonly string[] = ENTITY_IDENTIFIERS[type];
      for (const set of REQUIRED_IDENTIFIER_SETS[type]) for (const id of set) expect([type, known.includes(id)]).toEqual([type, true]);
    }
  });

  test('identifier types reject names an entity does not have', () => {
    const upn: EntityIdentifier<'Account'> = 'UPNSuffix';
    // @ts-expect-error "Address" is an IP identifier, not an Account one.
    const wrong: EntityIdentifier<'Account'> = 'Address';
    // @ts-expect-error IoTDevice is not an entity type the API accepts.
    const iot: EntityType = 'IoTDevice';
    const asRecord: Record<EntityType, readonly (readonly string[])[]> = REQUIRED_IDENTIFIER_SETS;
    expect([upn, wrong, iot, asRecord.Account]).toHaveLength(4);
  });
});

describe('generated ATT&CK data', () => {
  test('tactics are the API enum, including ICS tactics and PreAttack', () => {
    expect(TACTICS).toEqual(expect.arrayContaining(['Reconnaissance', 'ResourceDevelopment', 'ImpairProcessControl', 'InhibitResponseFunction', 'PreAttack']));
    expect(TACTICS).toHaveLength(17);
    // @ts-expect-error Tactic names are PascalCase, as the API spells them.
    const spaced: Tactic = 'Initial Access';
    expect(spaced).toBeDefined();
  });

  test('the Azure-Sentinel CI tactics are a subset of the API tactics without the newer ones', () => {
    for (const tactic of AZURE_SENTINEL_CI_TACTICS) expect(TACTICS).toContain(tactic);
    expect(AZURE_SENTINEL_CI_TACTICS).not.toContain('Reconnaissance');
    expect(AZURE_SENTINEL_CI_TACTICS).toContain('PreAttack');
  });

  test('techniques map to their tactics, keyed by T#### ids', () => {
    expect(TECHNIQUE_TACTICS.T1078).toEqual(['InitialAccess', 'Persistence', 'PrivilegeEscalation', 'DefenseEvasion']);
    expect(TECHNIQUE_TACTICS.T1098).toContain('Persistence');
    expect(TECHNIQUE_TACTICS.T0855).toEqual(['ImpairProcessControl']);
    for (const id of Object.keys(TECHNIQUE_TACTICS)) expect(id).toMatch(/^T\d{4}$/);
  });
});

describe('generated API enums', () => {
  test('hold the values of the alert rule API', () => {
    expect(ALERT_SEVERITIES).toEqual(['High', 'Medium', 'Low', 'Informational']);
    expect(TRIGGER_OPERATORS).toEqual(['GreaterThan', 'LessThan', 'Equal', 'NotEqual']);
    expect(EVENT_GROUPING_AGGREGATION_KINDS).toEqual(['SingleAlert', 'AlertPerResult']);
    expect(MATCHING_METHODS).toEqual(['AllEntities', 'AnyAlert', 'Selected']);
    expect(ALERT_DETAILS).toEqual(['DisplayName', 'Severity']);
    expect(ALERT_PROPERTIES).toContain('ConfidenceScore');
    // @ts-expect-error Severity values are capitalized.
    const lower: AlertSeverity = 'high';
    expect(lower).toBeDefined();
  });
});
