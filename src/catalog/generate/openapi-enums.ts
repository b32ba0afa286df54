/** An enum found while walking an OpenAPI (swagger 2.0) definition. */
export interface OpenApiEnum {
  /** `x-ms-enum.name`, which is what the SDKs name the type. */
  readonly name: string;
  readonly values: readonly string[];
  /** JSON pointer of the enum inside its spec, e.g. `#/definitions/GroupingConfiguration/properties/matchingMethod`. */
  readonly pointer: string;
}

/** A `$ref` into another spec file, which a single file cannot resolve. */
export interface ExternalRef {
  readonly ref: string;
  /** Where the reference was met, e.g. `#/definitions/ScheduledAlertRuleCommonProperties/properties/severity`. */
  readonly at: string;
}

export interface ReachableEnums {
  readonly enums: readonly OpenApiEnum[];
  readonly externalRefs: readonly ExternalRef[];
}

type Schema = Record<string, unknown>;

/**
 * Collects every enum reachable from one definition: through properties, allOf, items and
 * additionalProperties, following local `#/definitions/...` references once each. Enums are
 * returned in the order they are first met, so output follows the spec's own order.
 */
export function enumsReachableFrom(spec: unknown, definition: string, specName: string): ReachableEnums {
  const definitions = (spec as { definitions?: Record<string, Schema> })?.definitions;
  if (!definitions || !definitions[definition]) {
    throw new Error(`${specName}: has no definition "${definition}".`);
  }
  const enums = new Map<string, OpenApiEnum>();
  const externalRefs: ExternalRef[] = [];
  const visited = new Set<string>();

  const visit = (schema: unknown, pointer: string): void => {
    if (typeof schema !== 'object' || schema === null) return;
    const node = schema as Schema;
    if (typeof node.$ref === 'string') {
      const local = /^#\/definitions\/(.+)$/.exec(node.$ref);
      if (!local) {
        externalRefs.push({ ref: node.$ref, at: pointer });
      } else if (!visited.has(local[1])) {
        visited.add(local[1]);
        if (!definitions[local[1]]) throw new Error(`${specName}: ${pointer} refers to missing ${node.$ref}.`);
        visit(definitions[local[1]], node.$ref);
      }
    }
    if (Array.isArray(node.enum)) addEnum(enums, node, pointer, specName);
    for (const part of (node.allOf as unknown[] | undefined) ?? []) visit(part, `${pointer}/allOf`);
    for (const [key, property] of Object.entries((node.properties as Schema | undefined) ?? {})) {
      visit(property, `${pointer}/properties/${key}`);
    }
    visit(node.items, `${pointer}/items`);
    visit(node.additionalProperties, `${pointer}/additionalProperties`);
  };

  visited.add(definition);
  visit(definitions[definition], `#/definitions/${definition}`);
  return { enums: [...enums.values()], externalRefs };
}

function addEnum(into: Map<string, OpenApiEnum>, node: Schema, pointer: string, specName: string): void {
  const name = (node['x-ms-enum'] as { name?: unknown } | undefined)?.name;
  const values = node.enum as unknown[];
  if (typeof name !== 'string' || !values.every((v): v is string => typeof v === 'string')) {
    throw new Error(`${specName}: ${pointer} is an enum without an x-ms-enum name or with non-string values.`);
  }
  const previous = into.get(name);
  if (previous && previous.values.join('|') !== values.join('|')) {
    throw new Error(`${specName}: enum ${name} has different values at ${previous.pointer} and ${pointer}.`);
  }
  if (!previous) into.set(name, { name, values, pointer });
}
