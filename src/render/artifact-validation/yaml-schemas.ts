import { isPlainObject, type JsonSchema } from './json-schema';

/**
 * Schemas for the Azure-Sentinel-format YAML the build emits, checked after parsing (so they see plain data).
 * The detection schema is the one derived from Azure-Sentinel's CI models
 * (reference/sentinel/detection-yaml.derived.schema.json), with unknown keys rejected: the CI ignores them,
 * but in our own output an unknown key can only be a renderer typo. The hunting-query schema is modest,
 * because Azure-Sentinel has no structure model for hunting queries; it reuses the detection schema's pieces
 * so the two agree on tactics, techniques, entity mappings and versions.
 */

const HUNTING_PROPERTIES = [
  'id', 'name', 'description', 'severity', 'requiredDataConnectors', 'tactics', 'relevantTechniques', 'query',
  'entityMappings', 'version', 'tags', 'metadata',
] as const;

/** @param derived the parsed detection-yaml.derived.schema.json */
export function detectionYamlSchema(derived: JsonSchema): JsonSchema {
  const { properties, required, allOf } = derived;
  if (!isPlainObject(properties) || !Array.isArray(required)) {
    throw new Error('detection-yaml.derived.schema.json: expected top-level "properties" and "required"');
  }
  return {
    title: 'Azure-Sentinel analytics rule (YAML, parsed)',
    description: 'An analytics rule in the Azure-Sentinel repository format, as its CI models accept it, with unknown keys rejected.',
    $comment: 'Generated from reference/sentinel/detection-yaml.derived.schema.json (derived from the C# models of '
      + 'Azure-Sentinel .script/tests/detectionTemplateSchemaValidation). Cross-field rules (queryPeriod >= queryFrequency, '
      + 'techniques need a matching tactic, entity identifiers per type) are not expressible here and belong to the checks.',
    type: 'object',
    required,
    properties: Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, closeObjects(stripDescriptions(schema))])),
    ...(allOf === undefined ? {} : { allOf }),
    additionalProperties: false,
  };
}

/** @param detection the result of {@link detectionYamlSchema} */
export function huntingYamlSchema(detection: JsonSchema): JsonSchema {
  const detectionProperties = detection.properties as Record<string, JsonSchema>;
  const properties: Record<string, JsonSchema> = {};
  for (const name of HUNTING_PROPERTIES) {
    const schema = detectionProperties[name];
    if (schema === undefined) throw new Error(`the detection schema has no "${name}" to share with hunting queries`);
    properties[name] = schema;
  }
  return {
    title: 'Azure-Sentinel hunting query (YAML, parsed)',
    description: 'A hunting query in the Azure-Sentinel repository format (Hunting Queries/**/*.yaml).',
    $comment: 'Azure-Sentinel has no structure model for hunting queries (its CI only parses the YAML and validates the KQL). '
      + 'Written from the keys public hunting queries use; each key shares its schema with the analytics-rule YAML.',
    type: 'object',
    required: ['id', 'name', 'query'],
    properties,
    additionalProperties: false,
  };
}

/** Closes every object schema that lists its properties; `if` conditions are left open, or they would never match. */
function closeObjects(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(closeObjects) as unknown as JsonSchema;
  if (!isPlainObject(schema)) return schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'if' || key === 'enum' || key === 'const') out[key] = value;
    else if (key === 'properties' && isPlainObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, closeObjects(sub)]));
    } else out[key] = closeObjects(value);
  }
  if (isPlainObject(out.properties) && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** The derived file's descriptions are its author's notes, not schema; the project's own text replaces them. */
function stripDescriptions(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(stripDescriptions) as unknown as JsonSchema;
  if (!isPlainObject(schema)) return schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'description' && typeof value === 'string') continue;
    // Under "properties", keys are property names (one of them may be called "description").
    out[key] = key === 'properties' && isPlainObject(value)
      ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, stripDescriptions(sub)]))
      : stripDescriptions(value);
  }
  return out;
}
