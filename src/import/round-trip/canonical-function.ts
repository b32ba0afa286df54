import { parseFunctionParameters } from '../../schema/function-parameters';
import { functionParameterList } from '../../check/project-schema-input';
import { text } from './canonical-values';

/**
 * A saved search with a function alias, reduced to what makes the function: its alias, category,
 * body and parameters. Parameters are compared after parsing, so `x:string=1` equals `x: string = 1`;
 * the display name is not compared (the built one is the alias).
 */
export function canonicalFunction(properties: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const parsed = parseFunctionParameters(typeof properties.functionParameters === 'string' ? properties.functionParameters : undefined);
  return {
    name: properties.functionAlias,
    category: String(properties.category ?? '').toLowerCase(),
    query: text(properties.query),
    parameters: 'parameters' in parsed ? functionParameterList(parsed) : properties.functionParameters,
  };
}
