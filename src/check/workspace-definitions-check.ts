import type { Check, CheckContext, Report } from './check';
import { ShapeAssertions } from './shape-assertions';
import { loadSolutionCatalog } from '../catalog/solution-catalog';
import { loadTableCatalog } from '../catalog/table-catalog';
import type { LoadedFunction, LoadedWorkspaceCatalog } from '../load/loaded-project';
import { COLUMN_TYPES } from '../model/column-types';
import { closestName } from '../util/closest-name';
import { isKqlName, KQL_NAME } from '../kql/kql-name';


/**
 * Workspace functions (defineFunction) and the workspace catalog (defineWorkspaceCatalog): their
 * shape, names the solution catalog knows, and each function body's own KQL problems.
 */
export const workspaceDefinitionsCheck: Check = {
  name: 'workspace-definitions',
  finalize(ctx, report) {
    ctx.project.workspaceCatalogs.forEach((catalog, i) => checkCatalog(catalog, i, ctx, report));
    for (const fn of ctx.project.functions) checkFunction(fn, ctx, report);
  },
};

function checkCatalog(catalog: LoadedWorkspaceCatalog, index: number, ctx: CheckContext, report: Report): void {
  const a = new ShapeAssertions(catalog, report);
  if (index > 0) {
    const first = ctx.project.workspaceCatalogs[0].source;
    a.fail([], `a project has one workspace catalog; ${first.exportName} in ${first.file} is the first`, 'merge the two defineWorkspaceCatalog() calls');
  }
  const known = loadSolutionCatalog();
  const solutions = a.value(['solutions']);
  if (solutions !== undefined && solutions !== 'all') {
    const names = [...known.solutions.keys()];
    a.arrayOf(['solutions'], (i) => {
      const value = a.value(['solutions', i]);
      if (typeof value !== 'string' || !known.solutions.has(value)) {
        const near = typeof value === 'string' ? closestName(value, names) : undefined;
        a.fail(['solutions', i], `unknown solution ${JSON.stringify(value)}`, near ? `did you mean '${near}'?` : "use a solution name as the Content hub lists it, or 'all'");
      }
    });
  }
  a.arrayOf(['parsers'], (i) => {
    const value = a.value(['parsers', i]);
    if (typeof value !== 'string' || !known.legacyParsers.includes(value)) {
      const near = typeof value === 'string' ? closestName(value, known.legacyParsers) : undefined;
      a.fail(['parsers', i], `${JSON.stringify(value)} is not a legacy Azure-Sentinel parser`, near ? `did you mean '${near}'?` : 'a parser of a solution comes with `solutions`; your own functions are declared with defineFunction()');
    }
  });
  a.arrayOf(['customTables'], (i) => a.pattern(['customTables', i], /^[A-Za-z][A-Za-z0-9_]{0,59}_CL$/, 'a custom table name ending in _CL'));
}

function checkFunction(fn: LoadedFunction, ctx: CheckContext, report: Report): void {
  const a = new ShapeAssertions(fn, report);
  a.pattern(['name'], KQL_NAME, 'a KQL function name (letters, digits and _, not starting with a digit)', { required: true });
  const { name, query, columns } = fn.props;
  if (typeof name === 'string' && loadTableCatalog().has(name)) {
    a.fail(['name'], `function '${name}' has the name of a built-in table, which wins over it in every query`, 'rename the function', 'FUNCTION_SHADOWED');
  }
  if ((query === undefined) === (columns === undefined)) {
    a.fail([], 'a function is declared by its body (`query`) or by its output `columns`, exactly one of them', 'give `query` for a function you own, `columns` for one whose body lives elsewhere');
  }
  if (columns !== undefined) {
    const object = a.object(['columns']);
    for (const column of Object.keys(object ?? {})) a.oneOf(['columns', column], COLUMN_TYPES);
  }
  for (const [parameter, spec] of Object.entries(fn.props.parameters ?? {})) {
    if (!isKqlName(parameter)) a.fail(['parameters', parameter], `parameter name '${parameter}' is not a KQL name`);
    if (typeof spec === 'string') a.oneOf(['parameters', parameter], COLUMN_TYPES);
    else a.oneOf(['parameters', parameter, 'type'], COLUMN_TYPES, { required: true });
  }
  const analysis = ctx.functionAnalyses?.get(fn);
  if (!analysis || !fn.query) return;
  for (const problem of analysis.problems) {
    report.raw({ code: problem.code, severity: problem.severity, message: `in function '${String(name)}': ${problem.message}`, file: fn.query.file, ...fn.query.positionAt(problem.offset), ...(problem.hint ? { hint: problem.hint } : {}) });
  }
}
