import {
  ALERT_RULE_KINDS, ARM_DEPLOYMENT_TEMPLATE_SCHEMA, ARM_RESOURCE_TYPES, SAVED_SEARCH_API_VERSION,
} from './arm-resource-types';
import { definitionRef, type JsonSchema } from './json-schema';

/**
 * The ARM deployment-template envelope around the spec's property bags. The OpenAPI specs describe the REST
 * resource (id/name/type read-only, etag), not a template resource, so this part is written by hand from the
 * portal export format (reference/sentinel/arm-export-format.md) and the ARM template structure. The
 * `properties` of each resource point at the definitions converted from the specs.
 */

/** Definitions the envelope schemas below refer to, keyed by name; they refer in turn to converted spec definitions. */
export function armEnvelopeDefinitions(): Record<string, JsonSchema> {
  return {
    ArmApiVersion: {
      description: 'A resource api-version, e.g. 2023-12-01-preview.',
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}(-preview)?$',
    },
    ArmDependsOn: {
      description: 'Resource ids or names (usually ARM expressions) deployed before this resource.',
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
    },
    ArmResourceName: {
      description: 'The resource name, usually an ARM expression such as [concat(parameters(\'workspace\'),\'/Microsoft.SecurityInsights/<id>\')].',
      type: 'string',
      minLength: 1,
    },
    ArmTemplateParameter: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { type: 'string', pattern: '^(?:[Ss]tring|[Ss]ecure[Ss]tring|[Ii]nt|[Bb]ool|[Oo]bject|[Ss]ecure[Oo]bject|[Aa]rray)$' },
        defaultValue: {},
        allowedValues: { type: 'array' },
        metadata: { type: 'object' },
        minValue: { type: 'integer' },
        maxValue: { type: 'integer' },
        minLength: { type: 'integer' },
        maxLength: { type: 'integer' },
      },
      additionalProperties: false,
    },
    AlertRuleResource: {
      description: 'An analytics rule as the Sentinel portal exports it.',
      ...resourceEnvelope(ARM_RESOURCE_TYPES.alertRule, definitionRef('ArmApiVersion'), {
        id: { description: 'The rule\'s resource id as an ARM expression (the portal export writes one).', type: 'string', minLength: 1 },
        kind: { enum: [...ALERT_RULE_KINDS] },
      }, ['kind']),
      // The spec's AlertRule is polymorphic on `kind` (discriminator); each kind has its own property bag.
      allOf: [
        kindSpecificProperties('Scheduled', 'ScheduledAlertRuleProperties'),
        kindSpecificProperties('NRT', 'NrtAlertRuleProperties'),
      ],
    },
    WatchlistResource: {
      description: 'A watchlist with its items inline (rawContent), as watchlist templates write it.',
      ...resourceEnvelope(ARM_RESOURCE_TYPES.watchlist, definitionRef('ArmApiVersion'), {
        properties: definitionRef('WatchlistProperties'),
      }),
    },
    SavedSearchResource: {
      description: 'A hunting query, which Sentinel stores as a Log Analytics saved search.',
      ...resourceEnvelope(ARM_RESOURCE_TYPES.savedSearch, { const: SAVED_SEARCH_API_VERSION }, {
        etag: { description: 'The ETag of the saved search. To override an existing saved search, use "*" or specify the current Etag', type: 'string' },
        properties: definitionRef('SavedSearchProperties'),
      }),
    },
    ContentMetadataResource: {
      description: 'Sentinel content metadata (Microsoft.SecurityInsights/metadata), which records who deployed a content item.',
      ...resourceEnvelope(ARM_RESOURCE_TYPES.contentMetadata, definitionRef('ArmApiVersion'), {
        properties: definitionRef('metadataProperties'),
      }),
    },
  };
}

export interface ArmTemplateOptions {
  readonly title: string;
  readonly description: string;
  /** The resource envelope definitions the template's resources may use. */
  readonly resources: readonly (keyof typeof RESOURCE_DEFINITIONS)[];
  readonly maxResources?: number;
}

const RESOURCE_DEFINITIONS = {
  AlertRuleResource: ARM_RESOURCE_TYPES.alertRule,
  WatchlistResource: ARM_RESOURCE_TYPES.watchlist,
  SavedSearchResource: ARM_RESOURCE_TYPES.savedSearch,
  ContentMetadataResource: ARM_RESOURCE_TYPES.contentMetadata,
} as const;

/** A deployment template whose resources are each one of `options.resources`, chosen by their `type`. */
export function armTemplateSchema(options: ArmTemplateOptions): JsonSchema {
  const resources: JsonSchema = { type: 'array', minItems: 1 };
  if (options.maxResources !== undefined) resources.maxItems = options.maxResources;
  resources.items = options.resources.length === 1 ? definitionRef(options.resources[0]) : {
    type: 'object',
    required: ['type'],
    properties: { type: { enum: options.resources.map((name) => RESOURCE_DEFINITIONS[name]) } },
    allOf: options.resources.map((name) => ({
      if: { properties: { type: { const: RESOURCE_DEFINITIONS[name] } }, required: ['type'] },
      then: definitionRef(name),
    })),
  };
  return {
    title: options.title,
    description: options.description,
    type: 'object',
    required: ['$schema', 'contentVersion', 'resources'],
    properties: {
      $schema: { const: ARM_DEPLOYMENT_TEMPLATE_SCHEMA },
      contentVersion: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+$' },
      metadata: { type: 'object' },
      parameters: { type: 'object', additionalProperties: definitionRef('ArmTemplateParameter') },
      variables: { type: 'object' },
      resources,
      outputs: { type: 'object' },
    },
    additionalProperties: false,
  };
}

function resourceEnvelope(type: string, apiVersion: JsonSchema, extra: Record<string, JsonSchema>,
  extraRequired: readonly string[] = []): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    name: definitionRef('ArmResourceName'),
    type: { const: type },
    apiVersion,
    properties: { type: 'object' },
    dependsOn: definitionRef('ArmDependsOn'),
    ...extra,
  };
  return {
    type: 'object',
    required: ['type', 'apiVersion', 'name', ...extraRequired, 'properties'],
    properties: Object.fromEntries(Object.entries(properties).sort(([a], [b]) => exportOrder(a) - exportOrder(b))),
    additionalProperties: false,
  };
}

/** Lists envelope properties in the order the portal export writes them, so the schema reads like an export. */
function exportOrder(property: string): number {
  const order = ['id', 'name', 'type', 'kind', 'apiVersion', 'etag', 'properties', 'dependsOn'];
  const index = order.indexOf(property);
  return index < 0 ? order.length : index;
}

function kindSpecificProperties(kind: string, propertiesDefinition: string): JsonSchema {
  return {
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { properties: { properties: definitionRef(propertiesDefinition) } },
  };
}
