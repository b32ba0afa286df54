import type { PropPath } from '../load/source-locator';
import { findArmExpressions, isArmExpression } from './arm-expressions';
import type { ConversionContext } from './conversion-context';
import { isPlainObject } from './field-values';

/** The template scope a resource's expressions can name. */
export interface TemplateScope {
  readonly parameters: unknown;
  readonly variables: unknown;
}

/**
 * `[parameters('x')]` or `[variables('x')]` standing alone, with a literal default or value, is
 * replaced by that value, with a warning: it is what the template deploys when nothing overrides it.
 */
export function resolveSimpleReferences<T>(properties: T, ref: TemplateScope, ctx: ConversionContext, label: string): T {
  let out = properties;
  for (const relative of findArmExpressions(properties)) {
    const expression = String(valueAt(properties, relative));
    const match = /^\[\s*(parameters|variables)\('([^']+)'\)\s*\]$/.exec(expression);
    if (!match) continue;
    const scope = match[1] === 'parameters' ? ref.parameters : ref.variables;
    const declared = isPlainObject(scope) ? scope[match[2]] : undefined;
    const value = match[1] === 'parameters' ? (isPlainObject(declared) ? declared.defaultValue : undefined) : declared;
    if (value === undefined || (typeof value === 'string' && isArmExpression(value)) || (typeof value === 'object' && value !== null)) continue;
    out = replaceAt(out, relative, value);
    ctx.report('IMPORT_ARM_DEFAULT_USED', 'warning', relative, `${label}: ${expression} was replaced by its ${match[1] === 'parameters' ? 'default value' : 'value'} ${JSON.stringify(value)}`, {
      hint: 'check that this is the value your deployment uses',
    });
  }
  return out;
}

function valueAt(value: unknown, path: PropPath): unknown {
  return path.reduce<unknown>((v, step) => (v as Record<string | number, unknown>)[step], value);
}

function replaceAt<T>(value: T, path: PropPath, replacement: unknown): T {
  if (path.length === 0) return replacement as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy as T;
}

/** Reports each ARM expression in a resource's properties; true when there was any. */
export function reportExpressions(properties: unknown, ctx: ConversionContext, label: string): boolean {
  const found = findArmExpressions(properties);
  for (const relative of found) {
    const value = valueAt(properties, relative);
    const shown = String(value).length > 60 ? `${String(value).slice(0, 57)}...` : String(value);
    ctx.report('IMPORT_ARM_EXPRESSION', 'error', relative, `${label}: ${JSON.stringify(shown)} is an ARM template expression, whose value is only known at deployment; ${label} was not imported`, {
      hint: 'replace the expression with its value (or deploy the template and export the rule from the portal), then import again',
    });
  }
  return found.length > 0;
}
