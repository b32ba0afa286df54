import { allowNull, definitionRef, isPlainObject, withComment, type JsonSchema } from './json-schema';

/**
 * Converts definitions of the official Azure OpenAPI (Swagger 2.0) specs into JSON Schema draft-07 that ajv
 * compiles in strict mode. The dialect differences, and what this does with each:
 * - `x-ms-enum` and the other `x-ms-*` annotations are dropped; the plain `enum` they decorate is kept.
 * - `readOnly` properties are set by the service, so a template must not send them: they are left out of the
 *   object (and so rejected), and the object's `$comment` names them.
 * - `allOf` over object definitions is flattened into one object, because draft-07 `additionalProperties: false`
 *   cannot see properties declared in an `allOf` branch. Every object with `properties` is closed that way, so a
 *   misspelt property in a rendered artifact is an error instead of being silently ignored by ARM.
 * - `x-nullable: true` widens the type with `null`.
 * - `format` is kept for the formats the artifact validator registers; any other format is an error here, so a
 *   new spec that introduces one is noticed instead of being accepted unchecked.
 * - `discriminator` is not converted: the artifact envelopes choose the kind-specific property bag themselves.
 */

export type OpenApiSchema = Readonly<Record<string, unknown>>;

export interface OpenApiDocument {
  readonly definitions?: Readonly<Record<string, OpenApiSchema>>;
}

/** One spec file from the reference folder, named by its file name. */
export interface SpecFile {
  readonly label: string;
  readonly document: OpenApiDocument;
}

/** What to do with a `$ref` into a file of azure-rest-api-specs other than the one being read. */
export type ExternalRefRule =
  /** The file is one of the loaded reference copies (under another name). */
  | { readonly kind: 'file'; readonly label: string }
  /** The file is not among the copies; these definitions stand in for it, taken from `source`. */
  | { readonly kind: 'supplied'; readonly source: string; readonly definitions: Readonly<Record<string, JsonSchema>> }
  /** The file is not among the copies and nothing stands in: a property that refers to it is not accepted. */
  | { readonly kind: 'omit'; readonly reason: string };

export interface ConversionOptions {
  readonly files: readonly SpecFile[];
  /** Matched against the end of a `$ref`'s file part, e.g. `common/2.0/types.json`. */
  readonly externalRefs: readonly { readonly fileSuffix: string; readonly rule: ExternalRefRule }[];
  /** `#/definitions/X` inside `from` resolves to the file `preferred` when that file also defines X. */
  readonly sharedDefinitions?: readonly { readonly from: string; readonly preferred: string }[];
}

const COPIED_KEYWORDS = [
  'description', 'type', 'enum', 'default',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems',
] as const;
const HANDLED_KEYWORDS = new Set<string>([
  ...COPIED_KEYWORDS, '$ref', 'format', 'items', 'properties', 'required', 'additionalProperties', 'allOf',
  'readOnly', 'example', 'title',
]);
/** The formats that `artifact-ajv.ts` registers with ajv. */
export const SUPPORTED_FORMATS: Readonly<Record<string, 'string' | 'number'>> = {
  'date-time': 'string', date: 'string', duration: 'string', uuid: 'string', int32: 'number', int64: 'number',
};

type Resolved =
  | { readonly kind: 'definition'; readonly file: SpecFile; readonly name: string; readonly raw: OpenApiSchema }
  | { readonly kind: 'supplied'; readonly name: string; readonly source: string; readonly schema: JsonSchema }
  | { readonly kind: 'omitted'; readonly ref: string; readonly reason: string };

/** Marks a property whose schema lives in a file that is deliberately not followed. */
interface Omitted { readonly omitted: string }

export class OpenApiToJsonSchema {
  private readonly files = new Map<string, SpecFile>();
  private readonly converted = new Map<string, { readonly origin: string; schema: JsonSchema | undefined }>();

  constructor(private readonly options: ConversionOptions) {
    for (const file of options.files) this.files.set(file.label, file);
  }

  /** Converts `<fileLabel>#/definitions/<name>` and everything it refers to; returns its definition key. */
  addDefinition(fileLabel: string, name: string): string {
    const file = this.file(fileLabel);
    const raw = file.document.definitions?.[name];
    if (raw === undefined) throw new Error(`${fileLabel} has no definition named ${name}`);
    return this.ensureDefinition({ kind: 'definition', file, name, raw });
  }

  /** All converted definitions, sorted by name. */
  definitions(): Record<string, JsonSchema> {
    const out: Record<string, JsonSchema> = {};
    for (const name of [...this.converted.keys()].sort()) {
      const schema = this.converted.get(name)?.schema;
      if (schema === undefined) throw new Error(`definition ${name} is still being converted`);
      out[name] = schema;
    }
    return out;
  }

  private file(label: string): SpecFile {
    const file = this.files.get(label);
    if (file === undefined) throw new Error(`spec file ${label} was not loaded`);
    return file;
  }

  private ensureDefinition(target: Resolved & { kind: 'definition' | 'supplied' }): string {
    const origin = target.kind === 'definition' ? `${target.file.label}#/definitions/${target.name}` : target.source;
    const existing = this.converted.get(target.name);
    if (existing !== undefined) {
      if (existing.origin !== origin) {
        throw new Error(`two definitions named ${target.name}: ${existing.origin} and ${origin}`);
      }
      return target.name;
    }
    const entry: { origin: string; schema: JsonSchema | undefined } = { origin, schema: undefined };
    this.converted.set(target.name, entry); // registered before converting, so a recursive $ref terminates
    const body = target.kind === 'definition' ? this.convertNode(target.raw, target.file, origin) : target.schema;
    if ('omitted' in body) throw new Error(`${origin}: cannot leave out ${String(body.omitted)}`);
    const notes = typeof body.$comment === 'string' ? ` ${body.$comment}` : '';
    entry.schema = { ...body, $comment: `From ${origin}.${notes}` };
    return target.name;
  }

  private resolve(ref: string, from: SpecFile): Resolved {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const match = /^\/definitions\/(.+)$/.exec(hash < 0 ? '' : ref.slice(hash + 1));
    if (match === null) throw new Error(`${from.label}: $ref ${ref} does not point at a definition`);
    const name = match[1];
    if (filePart === '') return this.resolveLocal(name, from);
    const rule = this.options.externalRefs.find((entry) => filePart.endsWith(entry.fileSuffix))?.rule;
    if (rule === undefined) {
      throw new Error(`${from.label}: no rule for $ref ${ref}; add its file to the generator's external reference table`);
    }
    if (rule.kind === 'omit') return { kind: 'omitted', ref, reason: rule.reason };
    if (rule.kind === 'supplied') {
      const schema = rule.definitions[name];
      if (schema === undefined) throw new Error(`${from.label}: $ref ${ref}: ${rule.source} supplies no ${name}`);
      return { kind: 'supplied', name, source: rule.source, schema };
    }
    return this.resolveLocal(name, this.file(rule.label));
  }

  private resolveLocal(name: string, from: SpecFile): Resolved {
    const preferredLabel = this.options.sharedDefinitions?.find((entry) => entry.from === from.label)?.preferred;
    const preferred = preferredLabel === undefined ? undefined : this.file(preferredLabel);
    const file = preferred?.document.definitions?.[name] !== undefined ? preferred : from;
    const raw = file.document.definitions?.[name];
    if (raw === undefined) throw new Error(`${from.label}: $ref to missing definition ${name}`);
    return { kind: 'definition', file, name, raw };
  }

  private convertNode(node: OpenApiSchema, file: SpecFile, where: string): JsonSchema | Omitted {
    for (const key of Object.keys(node)) {
      if (key === 'discriminator') throw new Error(`${where}: discriminators are modelled by the artifact envelopes, not converted`);
      if (!HANDLED_KEYWORDS.has(key) && !key.startsWith('x-')) throw new Error(`${where}: unsupported Swagger keyword "${key}"`);
    }
    const nullable = node['x-nullable'] === true;
    if (typeof node.$ref === 'string') return this.convertRef(node, file, where, nullable);
    const schema = node.properties !== undefined || node.allOf !== undefined
      ? this.convertObject(node, file, where)
      : this.convertPlain(node, file, where);
    return nullable ? allowNull(schema) : schema;
  }

  private convertRef(node: OpenApiSchema, file: SpecFile, where: string, nullable: boolean): JsonSchema | Omitted {
    const resolved = this.resolve(node.$ref as string, file);
    if (resolved.kind === 'omitted') return { omitted: `${resolved.ref}: ${resolved.reason}` };
    const name = this.ensureDefinition(resolved);
    if (nullable) {
      const target = this.converted.get(name)?.schema;
      if (target === undefined) throw new Error(`${where}: cannot inline recursive definition ${name} to make it nullable`);
      return allowNull({ ...target, ...description(node) });
    }
    return { ...definitionRef(name), ...description(node) };
  }

  private convertPlain(node: OpenApiSchema, file: SpecFile, where: string): JsonSchema {
    const schema: JsonSchema = {};
    for (const key of COPIED_KEYWORDS) if (node[key] !== undefined) schema[key] = node[key];
    if (typeof node.format === 'string') {
      const kind = SUPPORTED_FORMATS[node.format];
      if (kind === undefined) throw new Error(`${where}: format "${node.format}" has no validator; register one in artifact-ajv.ts`);
      schema.format = node.format;
    }
    if (isPlainObject(node.items)) schema.items = this.required(this.convertNode(node.items, file, `${where}/items`), `${where}/items`);
    if (isPlainObject(node.additionalProperties)) {
      schema.additionalProperties = this.required(
        this.convertNode(node.additionalProperties, file, `${where}/additionalProperties`), `${where}/additionalProperties`);
    } else if (typeof node.additionalProperties === 'boolean') {
      schema.additionalProperties = node.additionalProperties;
    }
    return schema;
  }

  /** Flattens `allOf` parents (first) and the node's own properties (last) into one closed object. */
  private convertObject(node: OpenApiSchema, file: SpecFile, where: string): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const notAccepted: string[] = [];
    for (const part of this.objectParts(node, file, where)) {
      for (const [name, raw] of Object.entries((part.node.properties ?? {}) as Record<string, OpenApiSchema>)) {
        if (this.isReadOnly(raw, part.file)) {
          delete properties[name];
          notAccepted.push(`${name} (readOnly: the service sets it)`);
          continue;
        }
        const converted = this.convertNode(raw, part.file, `${where}/properties/${name}`);
        if ('omitted' in converted) {
          notAccepted.push(`${name} (${converted.omitted as string})`);
          continue;
        }
        properties[name] = converted;
      }
      for (const name of (part.node.required ?? []) as string[]) if (!required.includes(name)) required.push(name);
    }
    const schema: JsonSchema = { ...description(node), type: 'object', properties };
    const accepted = required.filter((name) => name in properties);
    if (accepted.length > 0) schema.required = accepted;
    schema.additionalProperties = isPlainObject(node.additionalProperties)
      ? this.required(this.convertNode(node.additionalProperties, file, `${where}/additionalProperties`), where)
      : false;
    return notAccepted.length === 0 ? schema : withComment(schema, `Not accepted: ${notAccepted.join('; ')}.`);
  }

  private objectParts(node: OpenApiSchema, file: SpecFile, where: string): { node: OpenApiSchema; file: SpecFile }[] {
    const parts: { node: OpenApiSchema; file: SpecFile }[] = [];
    for (const member of (node.allOf ?? []) as OpenApiSchema[]) {
      if (typeof member.$ref !== 'string') {
        parts.push(...this.objectParts(member, file, where));
        continue;
      }
      const parent = this.resolve(member.$ref, file);
      if (parent.kind !== 'definition') throw new Error(`${where}: allOf parent ${member.$ref} must be a definition in a loaded file`);
      if (parent.raw.discriminator !== undefined) {
        throw new Error(`${where}: allOf parent ${parent.name} is polymorphic; convert the kind-specific property bag instead`);
      }
      parts.push(...this.objectParts(parent.raw, parent.file, `${parent.file.label}#/definitions/${parent.name}`));
    }
    parts.push({ node, file });
    return parts;
  }

  private isReadOnly(property: OpenApiSchema, file: SpecFile): boolean {
    if (property.readOnly === true) return true;
    if (typeof property.$ref !== 'string') return false;
    const target = this.resolve(property.$ref, file);
    return target.kind === 'definition' && target.raw.readOnly === true;
  }

  private required(schema: JsonSchema | Omitted, where: string): JsonSchema {
    if ('omitted' in schema) throw new Error(`${where}: cannot leave out ${String(schema.omitted)} here`);
    return schema;
  }
}

function description(node: OpenApiSchema): JsonSchema {
  return typeof node.description === 'string' ? { description: node.description } : {};
}
