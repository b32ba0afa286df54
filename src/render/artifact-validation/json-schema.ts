/** A JSON Schema (draft-07) node held as plain data, so the generator can build it and write it as JSON. */
export type JsonSchema = { [keyword: string]: unknown };

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Widens a schema so that JSON `null` is also accepted. A schema that is only a `$ref` cannot be widened in
 * place (draft-07 ignores keywords beside `$ref`), so callers inline the referenced definition first.
 */
export function allowNull(schema: JsonSchema): JsonSchema {
  if (schema.$ref !== undefined) {
    throw new Error(`allowNull: inline ${String(schema.$ref)} before widening it to accept null`);
  }
  const widened: JsonSchema = { ...schema };
  if (typeof schema.type === 'string') widened.type = schema.type === 'null' ? 'null' : [schema.type, 'null'];
  else if (Array.isArray(schema.type) && !schema.type.includes('null')) widened.type = [...schema.type, 'null'];
  else if (schema.type === undefined) throw new Error('allowNull: a schema without "type" already accepts null');
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) widened.enum = [...schema.enum, null];
  return widened;
}

/** Appends a sentence to a schema's `$comment`, which is where the generator records why a schema differs from its source. */
export function withComment(schema: JsonSchema, sentence: string): JsonSchema {
  const existing = typeof schema.$comment === 'string' ? `${schema.$comment} ` : '';
  return { ...schema, $comment: `${existing}${sentence}` };
}

/** Every `#/definitions/<name>` a schema refers to, directly or below. */
export function localDefinitionRefs(schema: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) localDefinitionRefs(item, found);
  } else if (isPlainObject(schema)) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
        found.add(decodeURIComponent(value.slice('#/definitions/'.length)));
      } else {
        localDefinitionRefs(value, found);
      }
    }
  }
  return found;
}

export function definitionRef(name: string): JsonSchema {
  return { $ref: `#/definitions/${encodeURIComponent(name)}` };
}

/** Keyword order in the written files: what a schema is first, then its limits, then its members, then how it combines. */
const KEYWORD_ORDER = [
  '$schema', '$id', 'title', 'description', '$comment', '$ref', 'type', 'const', 'enum', 'format', 'pattern',
  'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'maxProperties',
  'required', 'properties', 'propertyNames', 'additionalProperties', 'items', 'allOf', 'if', 'then', 'definitions',
];
/** Keywords whose value is a map from names to schemas (the names keep their order). */
const SCHEMA_MAPS = new Set(['properties', 'definitions']);
/** Keywords whose value is data, not a schema. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'required', 'examples']);

/** Puts every schema node's keywords in {@link KEYWORD_ORDER}, so the generated files read the same way throughout. */
export function inKeywordOrder(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inKeywordOrder);
  if (!isPlainObject(schema)) return schema;
  const rank = (key: string): number => {
    const index = KEYWORD_ORDER.indexOf(key);
    return index < 0 ? KEYWORD_ORDER.length : index;
  };
  const ordered: JsonSchema = {};
  for (const key of Object.keys(schema).sort((a, b) => rank(a) - rank(b))) {
    const value = schema[key];
    if (DATA_KEYWORDS.has(key)) ordered[key] = value;
    else if (SCHEMA_MAPS.has(key) && isPlainObject(value)) {
      ordered[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, inKeywordOrder(sub)]));
    } else ordered[key] = inKeywordOrder(value);
  }
  return ordered;
}
