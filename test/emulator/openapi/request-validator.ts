/**
 * Validates request bodies against the official OpenAPI definitions of the api-version in use,
 * as Azure does before it touches the resource.
 */
import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ResourceTypeName } from '../router';
import { SPEC_SETS, type ApiFamily, docKeyForFileRef, loadSpecDocuments, type SpecSet } from './spec-catalog';
import { SwaggerConverter } from './swagger-to-json-schema';

/** `/subscriptions/{subscriptionId}/resourceGroups/...` -> `/subscriptions/{}/resourcegroups/...` */
export function normalizeTemplate(template: string): string {
  return template.toLowerCase().replace(/\{[^}]*\}/g, '{}');
}

const MAX_REPORTED_ERRORS = 10;

export class RequestValidator {
  /** `${family} ${apiVersion} ${METHOD} ${normalized template}` -> compiled body validator */
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(private readonly sets: readonly SpecSet[]) {}

  /** Loads and compiles every spec set from `<referenceDir>/api`. Throws if a file is missing. */
  static load(referenceDir: string): RequestValidator {
    const validator = new RequestValidator(SPEC_SETS);
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    addFormats(ajv);
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    for (const set of SPEC_SETS) validator.compileSet(ajv, set, set.dir ?? path.join(referenceDir, 'api'));
    return validator;
  }

  supportedApiVersions(family: ApiFamily, resourceType: ResourceTypeName): string[] {
    return this.sets.filter((s) => s.family === family && s.resourceTypes.includes(resourceType)).map((s) => s.apiVersion);
  }

  /** Whether the spec of this api-version defines a body for the operation. */
  hasBodySchema(family: ApiFamily, apiVersion: string, method: string, template: string): boolean {
    return this.validators.has(this.key(family, apiVersion, method, template));
  }

  /**
   * Returns undefined when the body is valid, otherwise a message in the style Sentinel uses:
   * `Invalid data model. [properties.severity: ...; properties.query: is required]`.
   */
  validateBody(family: ApiFamily, apiVersion: string, method: string, template: string, body: unknown): string | undefined {
    const validate = this.validators.get(this.key(family, apiVersion, method, template));
    if (!validate) return undefined;
    if (validate(body)) return undefined;
    return `Invalid data model. [${describeErrors(validate.errors ?? [])}]`;
  }

  private key(family: ApiFamily, apiVersion: string, method: string, template: string): string {
    return `${family} ${apiVersion.toLowerCase()} ${method.toUpperCase()} ${normalizeTemplate(template)}`;
  }

  private compileSet(ajv: Ajv, set: SpecSet, apiDir: string): void {
    const docs = loadSpecDocuments(set, apiDir);
    const converter = new SwaggerConverter(docs, docKeyForFileRef);
    const id = `urn:sentinel-cac-emulator:${set.family}:${set.apiVersion}`;
    const bodies: { key: string; schema: Record<string, unknown> }[] = [];
    for (const docKey of Object.keys(set.files)) {
      for (const [template, operations] of Object.entries(docs.get(docKey)?.paths ?? {})) {
        for (const [method, operation] of Object.entries(operations as Record<string, { parameters?: Record<string, unknown>[] }>)) {
          const bodyParam = (operation.parameters ?? [])
            .map((p) => (typeof p.$ref === 'string' ? converter.parameter(docKey, p.$ref) : p))
            .find((p) => p?.in === 'body');
          const schemaRef = (bodyParam?.schema as { $ref?: string } | undefined)?.$ref;
          if (!schemaRef) continue;
          bodies.push({ key: this.key(set.family, set.apiVersion, method, template), schema: converter.schemaRefFor(docKey, schemaRef) });
        }
      }
    }
    ajv.addSchema({ $id: id, definitions: converter.definitions() });
    for (const body of bodies) {
      const ref = String(body.schema.$ref).replace(/^#/, `${id}#`);
      this.validators.set(body.key, ajv.compile({ $ref: ref }));
    }
  }
}

function dotted(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

function describeError(e: ErrorObject): string | undefined {
  const at = dotted(e.instancePath);
  const prefix = at === '' ? '' : `${at}: `;
  switch (e.keyword) {
    case 'if':
    case 'allOf':
      return undefined; // the failing branch reports the real reason
    case 'required':
      return `${at === '' ? '' : `${at}.`}${(e.params as { missingProperty: string }).missingProperty}: is required`;
    case 'enum':
      return `${prefix}${JSON.stringify(e.data)} is not one of the allowed values: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'type':
      return `${prefix}${JSON.stringify(e.data)} must be of type ${(e.params as { type: string }).type}`;
    case 'format':
      return `${prefix}${JSON.stringify(e.data)} is not a valid ${(e.params as { format: string }).format}`;
    default:
      return `${prefix}${e.message ?? e.keyword}`;
  }
}

export function describeErrors(errors: ErrorObject[]): string {
  const messages = [...new Set(errors.map(describeError).filter((m): m is string => m !== undefined))];
  const shown = messages.slice(0, MAX_REPORTED_ERRORS);
  if (messages.length > shown.length) shown.push(`and ${messages.length - shown.length} more`);
  return shown.join('; ');
}
