import { allowNull, isPlainObject, withComment, type JsonSchema } from './json-schema';

/**
 * Every place where the generated schemas deliberately differ from the official OpenAPI definitions, each
 * with its reason. The reasons are written into the schemas' `$comment`s, so a reader of a schema file sees
 * why a property is there. Three sources of difference:
 * - the portal's export format (reference/sentinel/arm-export-format.md) writes `null` where the spec has no
 *   `x-nullable`, and writes properties the 2025-09-01 stable spec lacks;
 * - the api-version we emit (2023-12-01-preview) has a few properties the stable spec dropped;
 * - documented service limits (reference/api/CONTRACT-NOTES.md) and the export format's own conventions are
 *   tighter than the spec's plain `string`, and catching them before a deploy is the point of validating.
 */
export type SpecDeviation =
  | { readonly change: 'nullable'; readonly definition: string; readonly property: string; readonly reason: string }
  | {
    readonly change: 'add-property'; readonly definition: string; readonly property: string;
    readonly schema: JsonSchema; readonly reason: string;
  }
  | { readonly change: 'extend-enum'; readonly definition: string; readonly values: readonly string[]; readonly reason: string }
  | {
    readonly change: 'restrict'; readonly definition: string; readonly property?: string;
    readonly keywords: JsonSchema; readonly reason: string;
  };

const QUERY_RULE_BAGS = ['ScheduledAlertRuleProperties', 'NrtAlertRuleProperties'] as const;
const EXPORT_NULL = 'The portal export writes null here (arm-export-format.md); the spec has no x-nullable.';
const PREVIEW_2023_12 = 'In api-version 2023-12-01-preview, which the build emits (bicep-types extract); '
  + 'the 2025-09-01 stable spec lacks it.';

function forEachRuleBag<T>(make: (definition: string) => T): T[] {
  return QUERY_RULE_BAGS.map(make);
}

/** @param previewMetadataKinds the `metadataKind` enum of Metadata_2022-09-01-preview.json (2025-09-01 made it a plain string). */
export function specDeviations(previewMetadataKinds: readonly string[]): readonly SpecDeviation[] {
  return [
    ...forEachRuleBag((definition): SpecDeviation => ({
      change: 'restrict', definition, property: 'query', keywords: { minLength: 1, maxLength: 10000 },
      reason: 'Service limit: a rule query is 1 to 10,000 characters.',
    })),
    ...forEachRuleBag((definition): SpecDeviation => ({
      change: 'restrict', definition, property: 'techniques',
      keywords: { items: { type: 'string', pattern: '^T\\d{4}$' } },
      reason: 'The export format puts only T#### techniques here; sub-techniques (T####.###) go in subTechniques.',
    })),
    ...forEachRuleBag((definition): SpecDeviation => ({
      change: 'restrict', definition, property: 'customDetails', keywords: { maxProperties: 20 },
      reason: 'Service limit: at most 20 custom details per rule.',
    })),
    { change: 'restrict', definition: 'EntityMappings', keywords: { maxItems: 10 },
      reason: 'Service limit: at most 10 entity mappings per rule.' },
    { change: 'restrict', definition: 'EntityMapping', property: 'fieldMappings', keywords: { minItems: 1, maxItems: 3 },
      reason: 'Service limit: 1 to 3 identifiers per entity mapping.' },
    { change: 'restrict', definition: 'AlertDetailsOverride', property: 'alertDisplayNameFormat', keywords: { maxLength: 256 },
      reason: 'Service limit: an alert name format is at most 256 characters.' },
    { change: 'restrict', definition: 'AlertDetailsOverride', property: 'alertDescriptionFormat', keywords: { maxLength: 5000 },
      reason: 'Service limit: an alert description format is at most 5,000 characters.' },
    { change: 'extend-enum', definition: 'AlertProperty', values: ['SubTechniques'], reason: PREVIEW_2023_12 },
    ...forEachRuleBag((definition): SpecDeviation => ({
      change: 'add-property', definition, property: 'subTechniques', reason: PREVIEW_2023_12,
      schema: { description: 'The sub-techniques of the alert rule', type: 'array', items: { type: 'string', pattern: '^T\\d{4}\\.\\d{3}$' } },
    })),
    ...forEachRuleBag((definition): SpecDeviation => ({
      change: 'add-property', definition, property: 'sentinelEntitiesMappings',
      reason: `${PREVIEW_2023_12} The export writes null.`,
      schema: {
        description: 'Array of the sentinel entity mappings of the alert rule',
        type: ['array', 'null'],
        items: {
          type: 'object',
          properties: { columnName: { description: 'the column name to be mapped to the SentinelEntities', type: 'string' } },
          additionalProperties: false,
        },
      },
    })),
    {
      change: 'add-property', definition: 'ScheduledAlertRuleProperties', property: 'startTimeUtc',
      reason: 'The portal export writes it (null: start at once); no spec file here has it, not even the '
        + '2023-12-01-preview bicep-types extract, so only null or a UTC date-time is accepted.',
      schema: { description: 'When the rule first runs (null: as soon as it is saved).', type: ['string', 'null'], format: 'date-time' },
    },
    ...['alertRuleTemplateName', 'templateVersion', 'customDetails', 'entityMappings', 'alertDetailsOverride']
      .flatMap((property) => forEachRuleBag((definition): SpecDeviation => ({ change: 'nullable', definition, property, reason: EXPORT_NULL }))),
    ...['groupByAlertDetails', 'groupByCustomDetails'].map((property): SpecDeviation => ({
      change: 'nullable', definition: 'GroupingConfiguration', property,
      reason: 'The 2022-09-01-preview portal export writes null here; the spec has no x-nullable.',
    })),
    {
      change: 'restrict', definition: 'WatchlistProperties', property: 'contentType',
      keywords: { enum: ['Text/Csv', 'text/csv', 'Text/Tsv', 'text/tsv'] },
      reason: 'The spec types it as a free string and names text/csv and text/tsv; watchlist templates write Text/Csv.',
    },
    {
      change: 'restrict', definition: 'metadataKind', keywords: { enum: [...previewMetadataKinds] },
      reason: 'The enum of Metadata_2022-09-01-preview.json; 2025-09-01 relaxed it to a plain string, which would let a misspelt kind through.',
    },
  ];
}

/** Applies the deviations in order, mutating `definitions`; throws if one no longer matches the spec. */
export function applySpecDeviations(definitions: Record<string, JsonSchema>, deviations: readonly SpecDeviation[]): void {
  for (const deviation of deviations) {
    const owner = definitions[deviation.definition];
    if (owner === undefined) throw new Error(`spec deviation: no definition ${deviation.definition} (was it renamed in the spec?)`);
    const note = `sentinel-cac: ${deviation.reason}`;
    if (deviation.change === 'extend-enum') {
      if (!Array.isArray(owner.enum)) throw new Error(`spec deviation: ${deviation.definition} is not an enum`);
      definitions[deviation.definition] = withComment({ ...owner, enum: [...owner.enum, ...deviation.values] }, note);
    } else if (deviation.change === 'restrict' && deviation.property === undefined) {
      definitions[deviation.definition] = withComment({ ...owner, ...deviation.keywords }, note);
    } else {
      const property = deviation.property;
      if (property === undefined) throw new Error(`spec deviation: ${deviation.change} of ${deviation.definition} names no property`);
      const properties = owner.properties;
      if (!isPlainObject(properties)) throw new Error(`spec deviation: ${deviation.definition} has no properties`);
      const current = properties[property] as JsonSchema | undefined;
      const changed = changeProperty(deviation, current, definitions);
      definitions[deviation.definition] = { ...owner, properties: { ...properties, [property]: withComment(changed, note) } };
    }
  }
}

function changeProperty(deviation: SpecDeviation & { property?: string }, current: JsonSchema | undefined,
  definitions: Record<string, JsonSchema>): JsonSchema {
  const where = `${deviation.definition}.${deviation.property ?? ''}`;
  if (deviation.change === 'add-property') {
    if (current !== undefined) throw new Error(`spec deviation: ${where} now exists in the spec; drop the added copy`);
    return deviation.schema;
  }
  if (current === undefined) throw new Error(`spec deviation: ${where} is not in the spec`);
  if (deviation.change === 'restrict') return { ...current, ...deviation.keywords };
  if (deviation.change === 'nullable') return allowNull(inlined(current, definitions));
  throw new Error(`spec deviation: ${deviation.change} does not apply to a property (${where})`);
}

/** Replaces a `$ref` with a copy of its target, keeping the referring schema's description. */
function inlined(schema: JsonSchema, definitions: Record<string, JsonSchema>): JsonSchema {
  if (typeof schema.$ref !== 'string') return schema;
  const name = decodeURIComponent(schema.$ref.replace(/^#\/definitions\//, ''));
  const target = definitions[name];
  if (target === undefined) throw new Error(`spec deviation: cannot inline missing definition ${name}`);
  const { $ref: _ref, ...rest } = schema;
  return { ...target, ...rest, $comment: target.$comment };
}
