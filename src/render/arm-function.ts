import { declaredFunction, functionParameterList } from '../check/project-schema-input';
import type { LoadedFunction } from '../load/loaded-project';
import { SAVED_SEARCH_API_VERSION, SAVED_SEARCH_RESOURCE_TYPE, savedSearchName, type ArmResource } from './arm-envelope';

export const FUNCTION_CATEGORY = 'Functions';

/**
 * A workspace function is a Log Analytics saved search with a function alias (how Azure-Sentinel
 * ships its parsers). Its resource name is the function's name, so a rename deploys a new one.
 * Undefined for a function declared by its columns, which is not ours to deploy.
 */
export function functionSavedSearchProperties(fn: LoadedFunction): Record<string, unknown> | undefined {
  const declared = declaredFunction(fn);
  if (!declared?.body) return undefined;
  const parameters = functionParameterList(declared);
  return {
    category: fn.props.category ?? FUNCTION_CATEGORY,
    displayName: declared.name,
    query: declared.body,
    functionAlias: declared.name,
    ...(parameters && { functionParameters: parameters }),
    version: 2,
  };
}

export function armFunctionResource(fn: LoadedFunction): ArmResource | undefined {
  const properties = functionSavedSearchProperties(fn);
  return properties && { name: savedSearchName(fn.props.name), type: SAVED_SEARCH_RESOURCE_TYPE, apiVersion: SAVED_SEARCH_API_VERSION, properties };
}
