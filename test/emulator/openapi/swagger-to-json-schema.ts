/**
 * Converts Swagger 2.0 definitions (as Azure writes them) into one JSON Schema document that ajv
 * can validate request bodies against.
 *
 * What changes on the way, and why:
 * - `$ref`s across files become refs to `#/definitions/<doc>.<Name>` in the combined document.
 * - `readOnly` properties are dropped (and removed from `required`): ARM ignores them in requests,
 *   and the SDK never sends them.
 * - A definition with `discriminator` gets a second, "polymorphic" form that dispatches on the
 *   discriminator value to the subtype (`x-ms-discriminator-value`). Subtypes `allOf` the plain
 *   form, everything else refers to the polymorphic one; that keeps validation from looping.
 * - `x-nullable` allows null; `int32`/`int64` become ajv number formats; vendor extensions,
 *   descriptions and examples are dropped. Unknown properties stay allowed, as Swagger leaves them.
 */
import type { SwaggerDoc } from './spec-catalog';

export type JsonSchema = Record<string, unknown>;

type RefTarget = { doc: string; name: string };

const KEPT_FORMATS = new Set(['date-time', 'date', 'uuid', 'duration', 'int32', 'int64']);

export class SwaggerConverter {
  /** base definition key -> subtypes with their discriminator values */
  private readonly subtypes = new Map<string, { value: string; key: string }[]>();
  private readonly output: Record<string, JsonSchema> = {};

  constructor(
    private readonly docs: Map<string, SwaggerDoc>,
    private readonly docKeyForFileRef: (fromDoc: string, fileRef: string) => string,
  ) {
    this.indexSubtypes();
  }

  static keyOf(target: RefTarget): string {
    return `${target.doc}.${target.name}`;
  }

  /** Resolves a `$ref` string found in document `fromDoc`. */
  resolveRef(fromDoc: string, ref: string): RefTarget & { section: string } {
    const [filePart, pointer = ''] = ref.split('#');
    const match = /^\/(definitions|parameters)\/([^/]+)$/.exec(pointer);
    if (!match) throw new Error(`Unsupported $ref "${ref}" in spec document ${fromDoc}`);
    return { doc: this.docKeyForFileRef(fromDoc, filePart), section: match[1], name: match[2] };
  }

  definition(target: RefTarget): Record<string, unknown> {
    const def = this.docs.get(target.doc)?.definitions?.[target.name];
    if (!def) throw new Error(`Definition ${target.name} not found in spec document ${target.doc}`);
    return def;
  }

  /**
   * A parameter by `$ref`. Parameters of the ARM common-types (api-version, subscription, resource
   * group) are not copied and come back undefined; none of them is a body.
   */
  parameter(fromDoc: string, ref: string): Record<string, unknown> | undefined {
    const target = this.resolveRef(fromDoc, ref);
    return this.docs.get(target.doc)?.parameters?.[target.name];
  }

  /** A ref to the definition as a request body would use it (polymorphic where it has subtypes). */
  schemaRefFor(fromDoc: string, ref: string): JsonSchema {
    return this.refSchema(this.resolveRef(fromDoc, ref), true);
  }

  /** All converted definitions, ready to be the `definitions` of one ajv schema document. */
  definitions(): Record<string, JsonSchema> {
    for (const [doc, content] of this.docs) {
      for (const name of Object.keys(content.definitions ?? {})) this.ensureConverted({ doc, name });
    }
    return this.output;
  }

  private indexSubtypes(): void {
    for (const [doc, content] of this.docs) {
      for (const [name, def] of Object.entries(content.definitions ?? {})) {
        for (const part of (def.allOf as Record<string, unknown>[] | undefined) ?? []) {
          if (typeof part.$ref !== 'string') continue;
          const base = this.resolveRef(doc, part.$ref);
          if (!this.definition(base).discriminator) continue;
          const value = (def['x-ms-discriminator-value'] as string | undefined) ?? name;
          const list = this.subtypes.get(SwaggerConverter.keyOf(base)) ?? [];
          list.push({ value, key: SwaggerConverter.keyOf({ doc, name }) });
          this.subtypes.set(SwaggerConverter.keyOf(base), list);
        }
      }
    }
  }

  private ensureConverted(target: RefTarget): void {
    const key = SwaggerConverter.keyOf(target);
    if (key in this.output) return;
    this.output[key] = {}; // placeholder: definitions may refer to themselves
    const def = this.definition(target);
    this.output[key] = this.convert(def, target.doc);
    const subs = this.subtypes.get(key);
    if (def.discriminator && subs) {
      const discriminator = def.discriminator as string;
      this.output[`${key}.polymorphic`] = {
        allOf: [
          { $ref: `#/definitions/${key}` },
          ...subs.map((sub) => ({
            if: { properties: { [discriminator]: { const: sub.value } }, required: [discriminator] },
            then: { $ref: `#/definitions/${sub.key}` },
          })),
        ],
      };
    }
  }

  private refSchema(target: RefTarget, polymorphic: boolean): JsonSchema {
    this.ensureConverted(target);
    const key = SwaggerConverter.keyOf(target);
    const usePoly = polymorphic && `${key}.polymorphic` in this.output;
    return { $ref: `#/definitions/${usePoly ? `${key}.polymorphic` : key}` };
  }

  private convert(node: Record<string, unknown>, doc: string, inAllOf = false): JsonSchema {
    if (typeof node.$ref === 'string') {
      const ref = this.refSchema(this.resolveRef(doc, node.$ref), !inAllOf);
      return node['x-nullable'] === true ? { anyOf: [ref, { type: 'null' }] } : ref;
    }
    const out: JsonSchema = {};
    const nullable = node['x-nullable'] === true;
    if (typeof node.type === 'string') out.type = nullable ? [node.type, 'null'] : node.type;
    if (Array.isArray(node.enum)) out.enum = nullable ? [...node.enum, null] : node.enum;
    if (typeof node.format === 'string' && KEPT_FORMATS.has(node.format)) out.format = node.format;
    for (const k of ['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems']) {
      if (node[k] !== undefined) out[k] = node[k];
    }
    if (Array.isArray(node.allOf)) {
      out.allOf = (node.allOf as Record<string, unknown>[]).map((part) => this.convert(part, doc, true));
    }
    if (node.items && typeof node.items === 'object') out.items = this.convert(node.items as Record<string, unknown>, doc);
    if (node.additionalProperties !== undefined) {
      const ap = node.additionalProperties;
      out.additionalProperties =
        typeof ap === 'object' && ap !== null && Object.keys(ap).length > 0 ? this.convert(ap as Record<string, unknown>, doc) : ap === false ? false : true;
    }
    const readOnly = new Set<string>();
    const impliedRequired: string[] = [];
    if (node.properties && typeof node.properties === 'object') {
      const props: Record<string, JsonSchema> = {};
      for (const [name, prop] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
        if (prop.readOnly === true) {
          readOnly.add(name);
          continue;
        }
        props[name] = this.convert(prop, doc);
        if (this.isRequiredBag(prop, doc)) impliedRequired.push(name);
      }
      out.properties = props;
    }
    const required = [...((node.required as string[] | undefined) ?? []).filter((r) => !readOnly.has(r)), ...impliedRequired];
    if (required.length > 0) out.required = [...new Set(required)];
    return out;
  }

  /**
   * A flattened property bag (`x-ms-client-flatten`, i.e. `properties`) whose schema has required
   * members cannot be left out either: Azure rejects such a body for the missing members, while the
   * Swagger alone would accept `{"kind":"Scheduled"}` with no `properties` at all.
   */
  private isRequiredBag(prop: Record<string, unknown>, doc: string): boolean {
    if (prop['x-ms-client-flatten'] !== true || typeof prop.$ref !== 'string') return false;
    const target = this.definition(this.resolveRef(doc, prop.$ref));
    return Array.isArray(target.required) && target.required.length > 0;
  }
}
