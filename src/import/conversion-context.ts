import type { Diagnostic, Severity } from '../check/diagnostic';
import type { PropPath, Position } from '../load/source-locator';
import type { ItemOrigin, SkippedItem, SourceFormat } from './imported-item';
import { formatPath, type SourceDocument } from './source-document';

/**
 * Converting one source item into a definition: collects what could not be carried over (as
 * diagnostics located in the source) and remembers which source value each property of the
 * definition came from, so that findings about the generated file can be mapped back.
 */
export class ConversionContext {
  readonly diagnostics: Diagnostic[] = [];
  private readonly fields = new Map<string, PropPath>();

  /**
   * @param base where the item's properties sit in the document: [] for a YAML rule,
   *   ['resources', 2, 'properties'] for an ARM resource.
   * @param itemPath where the item itself starts (the ARM resource), for item-level reports.
   */
  constructor(
    readonly doc: SourceDocument,
    readonly format: SourceFormat,
    readonly base: PropPath,
    readonly itemPath: PropPath = base,
  ) {}

  /** `properties.query` becomes `resources[2].properties.query` in messages about ARM templates. */
  where(relative: PropPath): string {
    return formatPath([...this.base, ...relative]);
  }

  /** The generated definition's `modelPath` came from `relative` (under `base`) in the source. */
  track(modelPath: PropPath, relative: PropPath): void {
    this.fields.set(key(modelPath), [...this.base, ...relative]);
  }

  /** Like track, for a source value outside `base` (an ARM resource's name, say). */
  trackAbsolute(modelPath: PropPath, absolute: PropPath): void {
    this.fields.set(key(modelPath), absolute);
  }

  /** Tracks a copied subtree whose shape is the same in source and definition. */
  trackTree(modelPath: PropPath, relative: PropPath, value: unknown): void {
    this.track(modelPath, relative);
    if (Array.isArray(value)) value.forEach((v, i) => this.trackTree([...modelPath, i], [...relative, i], v));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.trackTree([...modelPath, k], [...relative, k], v);
    }
  }

  report(code: string, severity: Severity, relative: PropPath | undefined, message: string, options: { key?: boolean; hint?: string } = {}): void {
    const path = relative === undefined ? this.itemPath : [...this.base, ...relative];
    const position = this.doc.locate(path, { key: options.key });
    const prefix = relative === undefined ? (this.itemPath.length ? `${formatPath(this.itemPath)}: ` : '') : `${formatPath(path)}: `;
    this.diagnostics.push({ code, severity, message: `${prefix}${message}`, file: this.doc.file, ...position, ...(options.hint ? { hint: options.hint } : {}) });
  }

  /** A property the import does not know: warned about at its key, and not carried over. */
  unknownProperty(relative: PropPath): void {
    this.report('IMPORT_UNKNOWN_PROPERTY', 'warning', relative, `unknown property ${String(relative[relative.length - 1])}; not carried over`, { key: true });
  }

  hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  /**
   * Why the item was not imported, when it was not: the first error, or its unsupported kind.
   * Undefined for things that are not content to import at all (a parser saved search, say).
   */
  skipReason(): string | undefined {
    return (this.diagnostics.find((d) => d.severity === 'error') ?? this.diagnostics.find((d) => d.code === 'IMPORT_UNSUPPORTED_KIND'))?.code;
  }

  skipped(name: string): SkippedItem | undefined {
    const reason = this.skipReason();
    return reason ? { file: this.doc.file, pointer: formatPath(this.itemPath), name, reason } : undefined;
  }

  origin(): ItemOrigin {
    const { doc, fields, format, itemPath } = this;
    return {
      file: doc.file,
      format,
      pointer: formatPath(itemPath),
      path: itemPath,
      at: doc.locate(itemPath),
      locate(modelPath: PropPath): Position | undefined {
        for (let n = modelPath.length; n > 0; n--) {
          const source = fields.get(key(modelPath.slice(0, n)));
          if (source) return doc.locate(source);
        }
        return undefined;
      },
    };
  }
}

function key(path: PropPath): string {
  return path.join('\u0000');
}
