/**
 * KQL_NOT_IN_WORKSPACE: a query reads a table, or calls a workspace-deployed function, that the
 * environment's pulled workspace does not have. The built-in schema knows every Log Analytics
 * table and ASIM parser, so such a query binds cleanly offline and fails only once deployed.
 *
 * Tables come from each query's analysis; the position and the function calls from binding the
 * query again, which is done only for the few queries that can have a finding.
 */
import { loadAsimCatalog } from '../catalog/asim-catalog';
import type { Diagnostic } from '../check/diagnostic';
import type { ValidatedProject } from '../check/validate-project';
import { tableReadBy } from '../kql/analyze-query';
import { kindOf, kustoLanguage } from '../kql/kusto-bridge';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import type { WorkspaceNames } from './workspace-schema-input';

export const NOT_IN_WORKSPACE = 'KQL_NOT_IN_WORKSPACE';

/** `pullCommand` is how to refresh the schema file, for the hints. */
export function notInWorkspaceDiagnostics(validated: ValidatedProject, names: WorkspaceNames, pullCommand: string): Diagnostic[] {
  const candidates = workspaceDeployedFunctions().filter((name) => !names.functions.has(name));
  const out: Diagnostic[] = [];
  for (const definition of [...validated.project.rules, ...validated.project.huntingQueries]) {
    const query = definition.query;
    const analysis = validated.analyses.get(definition);
    if (!query || !analysis) continue;
    const missingTables = new Set(analysis.tables.filter((t) => !names.tables.has(t)));
    const identifiers = new Set(query.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
    const mentioned = new Set(candidates.filter((name) => identifiers.has(name)));
    if (missingTables.size === 0 && mentioned.size === 0) continue;
    for (const found of findReferences(query.text, validated.schema.globals, missingTables, mentioned)) {
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

/** The first reference to each missing table (by name or `table("...")`) or workspace function, in text order. */
function findReferences(text: string, globals: any, tables: ReadonlySet<string>, functions: ReadonlySet<string>): Reference[] {
  const code = kustoLanguage().KustoCode.ParseAndAnalyze(text, globals);
  const found = new Map<string, Reference>();
  const functionReferences: { node: any; symbol: any }[] = [];
  // Symbols the query declares itself (`let imDns = ...`): a reference to one is not to the workspace's.
  const declaredHere = new Set<unknown>();
  const stack: any[] = [code.Syntax];
  while (stack.length > 0) {
    const node = stack.pop();
    const kind = kindOf(node);
    if (kind === 'NameDeclaration' && node.ReferencedSymbol) declaredHere.add(node.ReferencedSymbol);
    const table = tableReadBy(node, globals.Database);
    if (table !== undefined && tables.has(table) && !found.has(table)) found.set(table, { kind: 'table', name: table, offset: node.TextStart });
    if (kind === 'NameReference' && kindOf(node.ReferencedSymbol) === 'FunctionSymbol') functionReferences.push({ node, symbol: node.ReferencedSymbol });
    for (let i = node.ChildCount - 1; i >= 0; i--) {
      const child = node.GetChild(i);
      if (child && !child.IsToken) stack.push(child);
    }
  }
  for (const { node, symbol } of functionReferences) {
    const name = symbol.Name as string;
    if (functions.has(name) && !declaredHere.has(symbol) && !found.has(name)) found.set(name, { kind: 'function', name, offset: node.TextStart });
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
