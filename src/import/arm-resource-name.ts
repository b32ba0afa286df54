import type { TemplateScope } from './arm-property-values';
import { GUID, isPlainObject } from './field-values';

const GUID_IN_TEXT = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;

/**
 * The last segment of a resource name, which is the Sentinel id (alert rule GUID, watchlist alias,
 * saved-search name), from the forms templates write it in:
 * - `ws/Microsoft.SecurityInsights/<GUID>` (a plain name);
 * - `[concat(parameters('workspace'),'/Microsoft.SecurityInsights/<GUID>')]` (the portal's Export);
 * - `[concat(parameters('workspace'),'/Microsoft.SecurityInsights/',parameters('analytic1-id'))]`,
 *   where the parameter's defaultValue (or a variable's value) is a literal (solution templates).
 * Undefined when the segment is only known at deployment (`[newGuid()]`, a variable).
 */
export function resourceNameTail(name: unknown, scope: TemplateScope): string | undefined {
  if (typeof name !== 'string' || name === '') return undefined;
  if (!name.startsWith('[')) return name.split('/').pop() || undefined;
  const body = name.slice(1, -1).trim();
  const lastArg = /,\s*([^,]+?)\s*\)\s*$/.exec(body)?.[1] ?? body;
  const literal = /^'(.*)'$/.exec(lastArg);
  if (literal) return literal[1].split('/').pop() || undefined;
  const reference = /^(parameters|variables)\('([^']+)'\)$/.exec(lastArg);
  if (!reference) return undefined;
  const table = reference[1] === 'parameters' ? scope.parameters : scope.variables;
  const declared = isPlainObject(table) ? table[reference[2]] : undefined;
  const value = reference[1] === 'parameters' ? (isPlainObject(declared) ? declared.defaultValue : undefined) : declared;
  return typeof value === 'string' && !value.startsWith('[') ? value.split('/').pop() || undefined : undefined;
}

/** A GUID written literally anywhere in a resource's name or id (the portal puts it in both). */
export function guidInResource(resource: Readonly<Record<string, unknown>>, scope: TemplateScope): string | undefined {
  const tail = resourceNameTail(resource.name, scope);
  if (tail && GUID.test(tail)) return tail;
  for (const field of [resource.id, resource.name]) {
    if (typeof field !== 'string') continue;
    const matches = field.match(GUID_IN_TEXT);
    if (matches?.length) return matches[matches.length - 1];
  }
  return undefined;
}
