/**
 * KQL_NOT_IN_WORKSPACE: a query reads a table, or calls a workspace-deployed function, that the
 * environment's pulled workspace does not have. The built-in schema knows every Log Analytics
 * table and ASIM parser, so such a query binds cleanly offline and fails only once deployed.
 *
 * The tables and functions come from each query's analysis; their positions from binding the query
 * again, which is done only for the few queries that have a finding.
 */
import { loadAsimCatalog } from '../catalog/asim-catalog';
import type { Diagnostic } from '../check/diagnostic';
import type { ValidatedProject } from '../check/validate-project';
import { functionCalledBy, tableReadBy } from '../kql/analyze-query';
import { kustoLanguage } from '../kql/kusto-bridge';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import type { WorkspaceNames } from './workspace-schema-input';

export const NOT_IN_WORKSPACE = 'KQL_NOT_IN_WORKSPACE';

/** `pullCommand` is how to refresh the schema file, for the hints. */
export function notInWorkspaceDiagnostics(validated: ValidatedProject, names: WorkspaceNames, pullCommand: string): Diagnostic[] {
  const candidates = new Set(workspaceDeployedFunctions().filter((name) => !names.functions.has(name)));
  const out: Diagnostic[] = [];
  for (const definition of [...validated.project.rules, ...validated.project.huntingQueries]) {
    const query = definition.query;
    const analysis = validated.analyses.get(definition);
    if (!query || !analysis) continue;
    const missingTables = new Set(analysis.tables.filter((t) => !names.tables.has(t)));
    const missingFunctions = new Set(analysis.functions.filter((f) => candidates.has(f)));
    if (missingTables.size === 0 && missingFunctions.size === 0) continue;
    for (const found of findReferences(query.text, validated.schema.globals, missingTables, missingFunctions)) {
      out.push(diagnostic(definition, found, names, pullCommand));
    }
  }
  return out;
}

/**
 * ASIM parsers a workspace has only once they are deployed to it (`imDns`, `ASimDns`, `vimDns...`);
 * the built-in ones (`_Im_Dns`, `_ASim_Dns`) are in every Sentinel workspace.
 */
function workspaceDeployedFunctions(): string[] {
  return [...loadAsimCatalog().functions.keys()].filter((name) => !name.startsWith('_'));
}

interface Reference {
  readonly kind: 'table' | 'function';
  readonly name: string;
  readonly offset: number;
}

/**
 * The first reference to each missing table or workspace function, in text order: the analysis
 * says which ones a query reads, binding it again says where (as analyzeQuery found them).
 */
function findReferences(text: string, globals: any, tables: ReadonlySet<string>, functions: ReadonlySet<string>): Reference[] {
  const code = kustoLanguage().KustoCode.ParseAndAnalyze(text, globals);
  const found = new Map<string, Reference>();
  const stack: any[] = [code.Syntax];
  while (stack.length > 0) {
    const node = stack.pop();
    const table = tableReadBy(node, globals.Database);
    if (table !== undefined && tables.has(table) && !found.has(table)) found.set(table, { kind: 'table', name: table, offset: node.TextStart });
    const fn = functionCalledBy(node, globals.Database);
    if (fn !== undefined && functions.has(fn) && !found.has(fn)) found.set(fn, { kind: 'function', name: fn, offset: node.TextStart });
    for (let i = node.ChildCount - 1; i >= 0; i--) {
      const child = node.GetChild(i);
      if (child && !child.IsToken) stack.push(child);
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

function diagnostic(definition: LoadedRule | LoadedHuntingQuery, found: Reference, names: WorkspaceNames, pullCommand: string): Diagnostic {
  const query = definition.query!;
  const hint =
    found.kind === 'table'
      ? `if the table was created since the schema was pulled, run \`${pullCommand}\`; otherwise create it (or install the solution or data connector that does) in that workspace before deploying there`
      : `deploy the function (e.g. the ASIM parser) to that workspace and run \`${pullCommand}\`, or call the built-in parser (_Im_... / _ASim_...) instead`;
  return {
    code: NOT_IN_WORKSPACE,
    severity: 'error',
    message: `${found.kind} ${found.name} does not exist in ${names.label}`,
    file: query.file,
    ...query.positionAt(found.offset),
    ruleId: String(definition.props.id),
    hint,
  };
}
