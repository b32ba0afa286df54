import { generatedHeader, tsKey, tsStringArray } from './ts-literals';

/** One entity type as entity-identifiers.json states it. */
export interface EntityIdentifierSpec {
  readonly identifiers: readonly string[];
  readonly requiredIdentifiers: readonly (readonly string[])[];
}

export interface EntitiesInput {
  readonly script: string;
  readonly sources: readonly string[];
  /** The ARM API's EntityMappingType values, in spec order. */
  readonly apiEntityTypes: readonly string[];
  /** The spec's enum of FieldMapping.identifier, if it ever gets one; today it is a free string. */
  readonly apiIdentifierEnum: readonly string[] | undefined;
  readonly entityTypes: Readonly<Record<string, EntityIdentifierSpec>>;
}

/**
 * Renders entities.ts: identifiers per entity type, limited to the types the ARM API accepts,
 * so a rule cannot map an entity that deployment would reject.
 */
export function renderEntities(input: EntitiesInput): string {
  const { apiEntityTypes, entityTypes } = input;
  const missing = apiEntityTypes.filter((t) => !entityTypes[t]);
  if (missing.length) {
    throw new Error(`entity-identifiers.json lacks the API entity type(s) ${missing.join(', ')}; cannot list their identifiers.`);
  }
  for (const type of apiEntityTypes) checkEntity(type, entityTypes[type], input.apiIdentifierEnum);
  const excluded = Object.keys(entityTypes).filter((t) => !apiEntityTypes.includes(t)).sort();

  const identifierLines = apiEntityTypes.map((t) => `  ${tsKey(t)}: ${tsStringArray(entityTypes[t].identifiers)},`);
  const requiredLines = apiEntityTypes.map(
    (t) => `  ${tsKey(t)}: [${entityTypes[t].requiredIdentifiers.map(tsStringArray).join(', ')}],`,
  );
  const crossCheck = input.apiIdentifierEnum
    ? '// Identifiers were checked against the API enum of FieldMapping.identifier.'
    : '// The API spec types FieldMapping.identifier as a free string, so it has no identifier lists to check against.';
  return [
    generatedHeader(input.script, input.sources),
    '//',
    '// Entity types: the ARM API enum EntityMappingType, in its order. Identifiers and required sets:',
    "// Azure-Sentinel's CI (EntityMappingIdentifiers.cs).",
    `// Left out because EntityMappingType does not accept them: ${excluded.join(', ') || 'none'}.`,
    crossCheck,
    '',
    'export const ENTITY_IDENTIFIERS = {',
    ...identifierLines,
    '} as const;',
    '',
    'export type EntityType = keyof typeof ENTITY_IDENTIFIERS;',
    'export type EntityIdentifier<T extends EntityType> = (typeof ENTITY_IDENTIFIERS)[T][number];',
    '',
    '/** Alternative identifier combinations per entity type; a mapping must contain every identifier of at least one. */',
    'export const REQUIRED_IDENTIFIER_SETS: { readonly [T in EntityType]: readonly (readonly EntityIdentifier<T>[])[] } = {',
    ...requiredLines,
    '};',
    '',
  ].join('\n');
}

function checkEntity(type: string, spec: EntityIdentifierSpec, apiIdentifiers: readonly string[] | undefined): void {
  if (!spec.identifiers.length || !spec.requiredIdentifiers.length) {
    throw new Error(`entity-identifiers.json: ${type} needs non-empty identifiers and requiredIdentifiers.`);
  }
  for (const set of spec.requiredIdentifiers) {
    const unknown = set.filter((id) => !spec.identifiers.includes(id));
    if (unknown.length || !set.length) {
      throw new Error(`entity-identifiers.json: ${type} requires ${unknown.join(', ') || 'an empty set'}, not among its identifiers.`);
    }
  }
  const notInApi = apiIdentifiers ? spec.identifiers.filter((id) => !apiIdentifiers.includes(id)) : [];
  if (notInApi.length) {
    throw new Error(`entity-identifiers.json: ${type} identifier(s) ${notInApi.join(', ')} are not in the API's identifier enum.`);
  }
}
