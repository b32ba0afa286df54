import { COLUMN_TYPES, type ColumnType } from '../model/column-types';
import type { FunctionParameterSpec } from '../model/workspace-function';
import { FUNCTION_CATEGORY } from '../render/arm-function';
import { parseFunctionParameters } from '../schema/function-parameters';
import { unescapeArmLiterals } from './arm-expressions';
import { reportExpressions, resolveSimpleReferences } from './arm-property-values';
import type { ArmResourceRef } from './arm-resource-ref';
import { ConversionContext } from './conversion-context';
import type { ImportedFunctionProps, ImportedItem } from './imported-item';
import { importQuery } from './import-query';
import { isKqlName } from '../kql/kql-name';

const KNOWN = ['category', 'displayName', 'query', 'functionAlias', 'functionParameters', 'version', 'etag', 'eTag', 'tags'];

/**
 * A Log Analytics saved search with a function alias: a workspace function (a parser), imported as
 * a defineFunction() declared by its body, so that `deploy` creates it again. Its name is the
 * alias; a category other than the default is kept; parameters must be scalar (a tabular
 * parameter has no place in the authoring API yet, and is an error naming it).
 */
export function readArmFunction(ref: ArmResourceRef, properties: Record<string, unknown>): { item?: ImportedItem; ctx: ConversionContext } {
  const { doc, path: at } = ref;
  const ctx = new ConversionContext(doc, 'ARM function', [...at, 'properties'], at);
  const label = `function ${JSON.stringify(properties.functionAlias)}`;
  const resolved = resolveSimpleReferences(properties, ref, ctx, label);
  if (reportExpressions(resolved, ctx, label)) return { ctx };
  const bag = unescapeArmLiterals(resolved);
  const name = bag.functionAlias;
  if (!isKqlName(name)) {
    ctx.report('IMPORT_BAD_VALUE', 'error', ['functionAlias'], `functionAlias ${JSON.stringify(name)} is not a KQL function name (letters, digits and _, not starting with a digit)`);
    return { ctx };
  }
  const props: Record<string, unknown> = { name };
  ctx.track(['name'], ['functionAlias']);
  if (typeof bag.category === 'string' && bag.category.toLowerCase() !== FUNCTION_CATEGORY.toLowerCase()) {
    props.category = bag.category;
    ctx.track(['category'], ['category']);
  }
  if (typeof bag.displayName === 'string' && bag.displayName !== name) {
    ctx.report('IMPORT_DROPPED', 'info', ['displayName'], `displayName ${JSON.stringify(bag.displayName)} is not carried over: a deployed function is listed under its name, ${name}`);
  }
  const parameters = readParameters(bag.functionParameters, ctx);
  if (parameters && Object.keys(parameters).length) {
    props.parameters = parameters;
    ctx.track(['parameters'], ['functionParameters']);
  }
  if (Array.isArray(bag.tags) && bag.tags.length) ctx.report('IMPORT_DROPPED', 'warning', ['tags'], 'the saved search tags of a function are not carried over', { key: true });
  for (const key of Object.keys(bag)) {
    if (!KNOWN.includes(key)) ctx.unknownProperty([key]);
  }
  const query = importQuery(bag.query, ctx, ['query']);
  if (!query || ctx.hasErrors()) return { ctx };
  return { item: { kind: 'WorkspaceFunction', props: props as unknown as ImportedFunctionProps, query, origin: ctx.origin() }, ctx };
}

/** `functionParameters` as defineFunction() parameters; undefined (after reporting why) when they cannot be. */
function readParameters(raw: unknown, ctx: ConversionContext): Record<string, FunctionParameterSpec> | undefined {
  if (raw === undefined || raw === '') return {};
  if (typeof raw !== 'string') {
    ctx.report('IMPORT_BAD_VALUE', 'error', ['functionParameters'], 'functionParameters must be a string such as "lookback:timespan = 1d"');
    return undefined;
  }
  const parsed = parseFunctionParameters(raw);
  if ('problem' in parsed) {
    ctx.report('IMPORT_BAD_VALUE', 'error', ['functionParameters'], `cannot read functionParameters: ${parsed.problem}`);
    return undefined;
  }
  const out: Record<string, FunctionParameterSpec> = {};
  for (const p of parsed.parameters) {
    if (!(COLUMN_TYPES as readonly string[]).includes(p.type)) {
      ctx.report('IMPORT_UNSUPPORTED', 'error', ['functionParameters'], `parameter ${p.name} has type ${p.type}; defineFunction() takes scalar parameters only`, { hint: 'declare the function by hand, or rewrite it without the tabular parameter' });
      return undefined;
    }
    const type = p.type as ColumnType;
    out[p.name] = p.defaultValue === undefined ? type : { type, default: p.defaultValue };
  }
  return out;
}
