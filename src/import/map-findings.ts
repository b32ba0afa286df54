import type { Diagnostic } from '../check/diagnostic';
import { SourceLocator, type PropPath, type Position } from '../load/source-locator';
import type { PlannedDefinition } from './plan-import';

/** A `validate` finding about an imported file, with the place in the user's source it comes from. */
export interface ImportFinding extends Diagnostic {
  readonly source?: { readonly file: string } & Position;
}

/**
 * Keeps the validation diagnostics that concern the files just imported, and maps each back to
 * the source: a KQL finding at line L of the `.kql` lands on line L of the YAML `query: |` block
 * (or on the query string of a JSON template); a finding on a property of the `.ts` lands on the
 * source value that property was converted from. Both places are reported.
 */
export function mapFindings(diagnostics: readonly Diagnostic[], definitions: readonly PlannedDefinition[]): ImportFinding[] {
  const byFile = new Map<string, PlannedDefinition>();
  for (const d of definitions) byFile.set(d.definitionFile, d).set(d.dataFile, d);
  const indexes = new Map<PlannedDefinition, Map<string, PropPath>>();
  const out: ImportFinding[] = [];
  for (const diagnostic of diagnostics) {
    const definition = byFile.get(diagnostic.file);
    if (!definition) continue;
    const source = sourcePosition(diagnostic, definition, indexes);
    out.push(source ? { ...diagnostic, source: { file: definition.item.origin.file, ...source } } : diagnostic);
  }
  return out;
}

function sourcePosition(diagnostic: Diagnostic, definition: PlannedDefinition, indexes: Map<PlannedDefinition, Map<string, PropPath>>): Position | undefined {
  const { item } = definition;
  if (diagnostic.file === definition.dataFile) {
    if (item.kind === 'Watchlist') return item.origin.format === 'watchlist CSV' ? { line: diagnostic.line, column: diagnostic.column } : item.origin.locate(['columns']);
    const kqlLine = (definition.files.get(definition.dataFile) ?? '').split('\n')[diagnostic.line - 1] ?? '';
    // The .kql escapes `{{` as `\{{`; each escape before the column is one character the source lacks.
    const escapes = kqlLine.slice(0, diagnostic.column - 1).split('\\{{').length - 1;
    return item.query.positionOf(diagnostic.line, diagnostic.column - escapes);
  }
  let index = indexes.get(definition);
  if (!index) indexes.set(definition, (index = propertyIndex(definition)));
  const path = index.get(`${diagnostic.line}:${diagnostic.column}`);
  return (path && item.origin.locate(path)) ?? item.origin.at;
}

/** Where each property of the definition is written in the generated `.ts`, found as `validate` finds it. */
function propertyIndex(definition: PlannedDefinition): Map<string, PropPath> {
  const text = definition.files.get(definition.definitionFile) ?? '';
  const locator = new SourceLocator(definition.definitionFile, text);
  const props = definition.item.props as unknown as Record<string, unknown>;
  const key = definition.item.kind === 'Watchlist' ? 'alias' : 'id';
  const object = locator.definitionObject(key, String(props[key]));
  const index = new Map<string, PropPath>();
  const visit = (value: unknown, path: PropPath): void => {
    if (path.length) {
      const at = locator.positionOf(locator.nodeAt(object, path));
      const slot = `${at.line}:${at.column}`;
      // Every printed value has its own start (objects at `{`, arrays at `[`); should two paths ever
      // share one, the deeper is the more precise answer.
      if ((index.get(slot)?.length ?? -1) < path.length) index.set(slot, path);
    }
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(props, []);
  return index;
}
