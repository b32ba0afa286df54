import { enumsReachableFrom, type OpenApiEnum } from './openapi-enums';
import { bicepStringUnion, ciAttackTactics } from './reference-tactic-lists';
import { readReferenceFile } from './reference-dir';
import { renderApiEnums, type ApiEnum } from './render-api-enums';
import { renderAttack } from './render-attack';
import { renderEntities, type EntityIdentifierSpec } from './render-entities';
import { readSdkKnownEnum } from './sdk-known-enums';
import type { SdkTypings } from './security-insight-sdk';

const SCRIPT = 'scripts/generate-sentinel-enums.ts';
export const ENTITY_IDENTIFIERS_JSON = 'sentinel/entity-identifiers.json';
export const KILLCHAIN_JSON = 'sentinel/killchain-tactic-techniques.json';
export const CI_NOTES_MD = 'sentinel/CI-validation-notes.md';
export const BICEP_TYPES_MD = 'sentinel/bicep-types-securityinsights-alertRules-watchlists.md';
/** The newest stable spec; it has no NRT rule kind, hence the preview spec for NrtAlertRuleProperties. */
export const ALERT_RULES_SPEC = 'api/AlertRules_2025-09-01_commit56c0996.json';
export const ALERT_RULES_PREVIEW_SPEC = 'api/AlertRules_2022-09-01-preview.json';
export const ENTITIES_TS_PATH = 'src/catalog/generated/entities.ts';
export const ATTACK_TS_PATH = 'src/catalog/generated/attack.ts';
export const API_ENUMS_TS_PATH = 'src/catalog/generated/api-enums.ts';

/**
 * Spec enums that live in `./common/AlertTypes.json`, a file the reference folder does not hold;
 * the SDK generated from that file supplies them, and the bicep-types extract cross-checks them.
 */
const ALERT_TYPES_REF = './common/AlertTypes.json#/definitions/';
const EXTERNAL_ENUMS: Readonly<Record<string, { sdkEnum: string; typeName: string; bicepProperty: string }>> = {
  [`${ALERT_TYPES_REF}AlertSeverityEnum`]: { sdkEnum: 'KnownAlertSeverity', typeName: 'AlertSeverity', bicepProperty: 'severity' },
  [`${ALERT_TYPES_REF}AttackTactic`]: { sdkEnum: 'KnownAttackTactic', typeName: 'AttackTactic', bicepProperty: 'tactics' },
};
/** Enums that get their own generated file instead of api-enums.ts. */
const ENUMS_WRITTEN_ELSEWHERE: Readonly<Record<string, string>> = {
  EntityMappingType: 'entities.ts (EntityType)',
  AttackTactic: 'attack.ts (Tactic)',
};

/** Reads the reference material and renders entities.ts, attack.ts and api-enums.ts. */
export function buildSentinelEnums(referenceDir: string, sdk: SdkTypings): ReadonlyMap<string, string> {
  const read = (file: string): string => readReferenceFile(referenceDir, file);
  const readJson = (file: string): unknown => JSON.parse(read(file));
  const spec = readJson(ALERT_RULES_SPEC);
  const previewSpec = readJson(ALERT_RULES_PREVIEW_SPEC);
  const bicep = read(BICEP_TYPES_MD);
  const scheduled = enumsReachableFrom(spec, 'ScheduledAlertRuleProperties', ALERT_RULES_SPEC);
  const nrt = enumsReachableFrom(previewSpec, 'NrtAlertRuleProperties', ALERT_RULES_PREVIEW_SPEC);

  const external = (typeName: string): string[] => {
    const [ref, entry] = Object.entries(EXTERNAL_ENUMS).find(([, e]) => e.typeName === typeName)!;
    const values = readSdkKnownEnum(sdk.text, sdk.label, entry.sdkEnum);
    const bicepValues = bicepStringUnion(bicep, BICEP_TYPES_MD, entry.bicepProperty);
    if ([...values].sort().join('|') !== [...bicepValues].sort().join('|')) {
      throw new Error(`${typeName} (${ref}): ${sdk.label} has ${values.join(', ')} but ${BICEP_TYPES_MD} has ${bicepValues.join(', ')}.`);
    }
    return values;
  };
  for (const { ref, at } of [...scheduled.externalRefs, ...nrt.externalRefs]) {
    if (!EXTERNAL_ENUMS[ref]) throw new Error(`${at} refers to ${ref}, which the generator cannot resolve; add it to EXTERNAL_ENUMS.`);
  }

  const entityMappingType = findEnum(scheduled.enums, 'EntityMappingType', ALERT_RULES_SPEC);
  const identifierEnum = fieldMappingIdentifierEnum(spec);
  const entityDoc = readJson(ENTITY_IDENTIFIERS_JSON) as { entityTypes: Record<string, EntityIdentifierSpec> };
  const killchain = readJson(KILLCHAIN_JSON) as { tacticToTechniques: Record<string, string[]> };

  const files = new Map<string, string>();
  files.set(ENTITIES_TS_PATH, renderEntities({
    script: SCRIPT,
    sources: [ENTITY_IDENTIFIERS_JSON, ALERT_RULES_SPEC],
    apiEntityTypes: entityMappingType.values,
    apiIdentifierEnum: identifierEnum,
    entityTypes: entityDoc.entityTypes,
  }));
  files.set(ATTACK_TS_PATH, renderAttack({
    script: SCRIPT,
    sources: [sdk.label, BICEP_TYPES_MD, KILLCHAIN_JSON, CI_NOTES_MD],
    tacticsOrigin: `which ${ALERT_RULES_SPEC} takes from ./common/AlertTypes.json (not in the reference); read from the SDK's KnownAttackTactic and checked against ${BICEP_TYPES_MD}`,
    apiTactics: external('AttackTactic'),
    crossCheckTactics: bicepStringUnion(bicep, BICEP_TYPES_MD, 'tactics'),
    ciTactics: ciAttackTactics(read(CI_NOTES_MD), CI_NOTES_MD),
    tacticToTechniques: killchain.tacticToTechniques,
  }));
  files.set(API_ENUMS_TS_PATH, renderApiEnums({
    script: SCRIPT,
    sources: [ALERT_RULES_SPEC, ALERT_RULES_PREVIEW_SPEC, sdk.label, BICEP_TYPES_MD],
    notes: [
      `Every enum reachable from ScheduledAlertRuleProperties (${ALERT_RULES_SPEC}) and`,
      `NrtAlertRuleProperties (${ALERT_RULES_PREVIEW_SPEC}; the stable spec has no NRT kind).`,
      ...Object.entries(ENUMS_WRITTEN_ELSEWHERE).map(([name, file]) => `${name} is written to ${file}.`),
    ],
    enums: apiEnums(scheduled.enums, nrt.enums, external),
  }));
  return files;
}

function apiEnums(scheduled: readonly OpenApiEnum[], nrt: readonly OpenApiEnum[], external: (t: string) => string[]): ApiEnum[] {
  const out: ApiEnum[] = [{
    typeName: 'AlertSeverity',
    values: external('AlertSeverity'),
    origin: `${ALERT_TYPES_REF}AlertSeverityEnum, via the SDK's KnownAlertSeverity (checked against the bicep types).`,
  }];
  const add = (e: OpenApiEnum, spec: string): void => {
    if (ENUMS_WRITTEN_ELSEWHERE[e.name]) return;
    const previous = out.find((o) => o.typeName === e.name);
    if (previous && previous.values.join('|') !== e.values.join('|')) {
      throw new Error(`${e.name} differs between specs: ${previous.values.join(', ')} vs ${e.values.join(', ')} (${spec} ${e.pointer}).`);
    }
    if (!previous) out.push({ typeName: e.name, values: e.values, origin: `${spec} ${e.pointer}.` });
  };
  scheduled.forEach((e) => add(e, ALERT_RULES_SPEC));
  nrt.forEach((e) => add(e, ALERT_RULES_PREVIEW_SPEC));
  return out;
}

function findEnum(enums: readonly OpenApiEnum[], name: string, spec: string): OpenApiEnum {
  const found = enums.find((e) => e.name === name);
  if (!found) throw new Error(`${spec}: no enum ${name} is reachable from ScheduledAlertRuleProperties.`);
  return found;
}

/** FieldMapping.identifier's enum, if the spec defines one (it is a free string today). */
function fieldMappingIdentifierEnum(spec: unknown): string[] | undefined {
  const identifier = (spec as { definitions?: Record<string, { properties?: Record<string, { enum?: string[] }> }> })
    .definitions?.FieldMapping?.properties?.identifier;
  if (!identifier) throw new Error(`${ALERT_RULES_SPEC}: has no #/definitions/FieldMapping/properties/identifier.`);
  return identifier.enum;
}
