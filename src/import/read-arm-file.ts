import type { Diagnostic } from '../check/diagnostic';
import type { PropPath } from '../load/source-locator';
import type { ConversionContext } from './conversion-context';
import { isPlainObject } from './field-values';
import { skippedFile, type ImportedItem, type ReadResult, type SkippedItem } from './imported-item';
import { parseJsonFile, type JsonSource } from './json-source';
import type { ArmResourceRef } from './arm-resource-ref';
import { readArmAlertRule } from './read-arm-alert-rule';
import { readArmSavedSearch } from './read-arm-saved-search';
import { readArmWatchlist } from './read-arm-watchlist';

/** The template a resource sits in: its parameters and variables are what expressions can name. */
interface Template {
  readonly parameters?: unknown;
  readonly variables?: unknown;
}

type Reader = (ref: ArmResourceRef) => { item?: ImportedItem; ctx: ConversionContext };

/** Which reader a resource type goes to, by the end of its type (nested and top-level forms alike). */
function readerFor(type: string): Reader | undefined {
  const t = type.toLowerCase();
  if (t.endsWith('/alertrules')) return readArmAlertRule;
  if (t === 'savedsearches' || t.endsWith('/savedsearches')) return readArmSavedSearch;
  if (t.endsWith('/watchlists')) return readArmWatchlist;
  return undefined;
}

/**
 * An ARM template (a portal export with one or many rules, a solution's mainTemplate, a linked
 * template), a single resource as the REST API returns it, or an API list (`{ value: [...] }`).
 * Resources nested in `resources`, in a deployment's `template` or a content package's
 * `mainTemplate` are found too. Other resource types (workbooks, playbooks...) are counted in one note.
 */
export function readArmFile(file: string, text: string): ReadResult {
  const parsed = parseJsonFile(file, text);
  if (!parsed.source) return { items: [], skipped: [skippedFile(file, parsed.diagnostic.code)], diagnostics: [parsed.diagnostic] };
  const doc = parsed.source;
  const root = doc.value;
  const items: ImportedItem[] = [];
  const skipped: SkippedItem[] = [];
  const diagnostics: Diagnostic[] = [];
  const otherTypes = new Map<string, number>();
  const visit = (resources: unknown, at: PropPath, template: Template): void => {
    if (!Array.isArray(resources)) return;
    resources.forEach((resource, i) => visitResource(resource, [...at, i], template));
  };
  const visitResource = (resource: unknown, at: PropPath, template: Template): void => {
    if (!isPlainObject(resource)) return;
    const reader = readerFor(String(resource.type ?? ''));
    if (reader) {
      const { item, ctx } = reader({ doc, resource, path: at, parameters: template.parameters, variables: template.variables });
      diagnostics.push(...ctx.diagnostics);
      if (item) items.push(item);
      else {
        const properties = isPlainObject(resource.properties) ? resource.properties : {};
        const miss = ctx.skipped(String(properties.displayName ?? properties.watchlistAlias ?? resource.name ?? ''));
        if (miss) skipped.push(miss);
      }
    } else if (resource.type !== undefined) {
      otherTypes.set(String(resource.type), (otherTypes.get(String(resource.type)) ?? 0) + 1);
    }
    visit(resource.resources, [...at, 'resources'], template);
    const properties = isPlainObject(resource.properties) ? resource.properties : {};
    for (const key of ['template', 'mainTemplate']) {
      const nested = properties[key];
      if (isPlainObject(nested)) visit(nested.resources, [...at, 'properties', key, 'resources'], nested);
    }
  };
  if (isPlainObject(root) && Array.isArray(root.resources)) visit(root.resources, ['resources'], root);
  else if (isPlainObject(root) && Array.isArray(root.value)) visit(root.value, ['value'], {});
  else if (isPlainObject(root) && root.type !== undefined && root.properties !== undefined) visitResource(root, [], {});
  else return { items, skipped: [], diagnostics: [notContent(doc, 'not an ARM template or Sentinel resource (no resources, value or properties); skipped')] };
  if (otherTypes.size) {
    const list = [...otherTypes].map(([type, n]) => (n > 1 ? `${type} x${n}` : type)).join(', ');
    diagnostics.push({ code: 'IMPORT_SKIPPED_RESOURCES', severity: 'info', message: `resources that are not alert rules, hunting queries or watchlists were skipped: ${list}`, file, line: 1, column: 1 });
  }
  if (items.length === 0 && diagnostics.every((d) => d.severity === 'info')) {
    diagnostics.push(notContent(doc, 'holds no alert rules, hunting queries (saved searches) or watchlists; nothing to import'));
  }
  return { items, skipped, diagnostics };
}

function notContent(doc: JsonSource, message: string): Diagnostic {
  return { code: 'IMPORT_NOT_CONTENT', severity: 'warning', message, file: doc.file, line: 1, column: 1 };
}
