/**
 * The workspace's functions: saved searches with a function alias, their parameters read from
 * `functionParameters`, and each body analyzed by Kusto.Language against the pulled tables and
 * the other functions (a function may call another).
 */
import type { SavedSearch } from '@azure/arm-operationalinsights';
import { KqlSchema } from '../kql/kql-schema';
import { analyzeFunctionBody } from './analyze-function-body';
import { parseFunctionParameters } from './function-parameters';
import { byName, type WorkspaceFunction, type WorkspaceTable } from './workspace-schema';
import { schemaInputOf } from './workspace-schema-input';
import { isKqlName } from '../kql/kql-name';


export function workspaceFunctions(searches: readonly SavedSearch[], tables: readonly WorkspaceTable[], warn: (message: string) => void): WorkspaceFunction[] {
  const declared = declaredFunctions(searches, tables, warn);
  if (declared.length === 0) return [];
  const schema = new KqlSchema(schemaInputOf(tables, declared));
  const tableNames = new Set(tables.map((t) => t.name));
  return declared.map((fn) => {
    const analysis = analyzeFunctionBody(fn.name, fn.parameters, fn.body.join('\n'), schema);
    for (const problem of analysis.problems) warn(`function ${fn.name}: ${problem}`);
    for (const table of analysis.tables.filter((t) => !tableNames.has(t))) warn(`function ${fn.name} reads table ${table}, which this workspace does not have`);
    return { ...fn, ...(analysis.columns && { columns: analysis.columns }) };
  });
}

/** One function per alias, sorted; the saved searches that cannot be one are left out with a warning saying why. */
function declaredFunctions(searches: readonly SavedSearch[], tables: readonly WorkspaceTable[], warn: (message: string) => void): WorkspaceFunction[] {
  const tableNames = new Set(tables.map((t) => t.name));
  const byAlias = new Map<string, SavedSearch[]>();
  for (const search of searches) {
    const alias = search.functionAlias?.trim();
    if (!alias) continue;
    if (!isKqlName(alias)) {
      warn(`saved search ${describe(search)}: function alias ${JSON.stringify(alias)} is not a KQL name; left out`);
      continue;
    }
    byAlias.set(alias, [...(byAlias.get(alias) ?? []), search]);
  }
  const functions: WorkspaceFunction[] = [];
  for (const [alias, candidates] of byAlias) {
    // The order of a list is not guaranteed: pick by resource name so every pull picks the same one.
    const [search, ...others] = [...candidates].sort((a, b) => byName({ name: a.name ?? '' }, { name: b.name ?? '' }));
    if (others.length) warn(`function ${alias} is the alias of ${candidates.length} saved searches (${candidates.map(describe).join(', ')}); kept ${describe(search)}`);
    if (tableNames.has(alias)) warn(`function ${alias} has the name of a table; queries naming it read the table`);
    const parsed = parseFunctionParameters(search.functionParameters);
    if ('problem' in parsed) {
      warn(`function ${alias} (saved search ${describe(search)}): cannot read functionParameters ${JSON.stringify(search.functionParameters)}: ${parsed.problem}; left out`);
      continue;
    }
    functions.push({ name: alias, parameters: parsed.parameters, body: (search.query ?? '').replace(/\r\n?/g, '\n').split('\n') });
  }
  return functions.sort(byName);
}

function describe(search: SavedSearch): string {
  return `"${search.displayName ?? ''}" (${search.name ?? 'no name'})`;
}
