import { providerOf } from '../catalog/solution-catalog';
import { closestName } from '../util/closest-name';

/** How a name Kusto.Language could not bind is reported: a specific code, and what to do. */
export interface UnknownNameReport {
  readonly code: 'KQL_UNKNOWN_TABLE' | 'KQL_UNKNOWN_FUNCTION' | 'KQL_UNKNOWN_NAME';
  readonly message: string;
  readonly hint: string;
}

const ADD_TO_CATALOG = 'defineWorkspaceCatalog() (see docs/catalog.md)';
const PULL = 'or run `sentinel-cac schema pull` and validate with --environment to use the workspace\'s real schema';

/**
 * Turns Kusto's unknown-name diagnostics (KS204 table, KS211 function, KS142 column or name) into
 * our codes. When the solution catalog knows who provides the name, the hint names the solution or
 * parser set to add; otherwise it offers the nearest known name.
 */
export function explainUnknownName(kustoCode: string, name: string, knownTabularNames: () => readonly string[]): UnknownNameReport | undefined {
  const provider = providerOf(name);
  if (provider && (kustoCode === 'KS204' || kustoCode === 'KS211' || kustoCode === 'KS142')) {
    const what = provider.kind === 'parser' ? 'parser function' : 'custom table';
    const code = provider.kind === 'parser' ? 'KQL_UNKNOWN_FUNCTION' : 'KQL_UNKNOWN_TABLE';
    if (provider.solutions.length > 0) {
      const solutions = provider.solutions.map((s) => `'${s}'`).join(' or ');
      return {
        code,
        message: `'${name}' is a ${what} of solution ${solutions}, which this project's workspace catalog does not include`,
        hint: `add ${provider.solutions.length > 1 ? 'one of them' : 'it'} to \`solutions\` in ${ADD_TO_CATALOG}, ${PULL}`,
      };
    }
    if (provider.legacyParser) {
      return { code, message: `'${name}' is a parser from Azure-Sentinel's Parsers/ folder, which this project's workspace catalog does not include`, hint: `add it to \`parsers\` in ${ADD_TO_CATALOG}, ${PULL}` };
    }
    return {
      code,
      message: `'${name}' is a custom log table this project does not declare`,
      hint: `declare its columns with defineCustomTable() in tables/, or list it in \`customTables\` of ${ADD_TO_CATALOG}, ${PULL}`,
    };
  }
  if (kustoCode === 'KS204' || kustoCode === 'KS211') {
    const code = kustoCode === 'KS204' ? 'KQL_UNKNOWN_TABLE' : 'KQL_UNKNOWN_FUNCTION';
    const near = kustoCode === 'KS204' ? nearestNames(name, knownTabularNames()) : [];
    const hint = near.length
      ? `did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`
      : name.endsWith('_CL')
        ? `declare it with defineCustomTable() in tables/ or in \`customTables\` of ${ADD_TO_CATALOG}`
        : `check the spelling; a workspace function is declared with defineFunction() in functions/, ${PULL}`;
    return { code, message: `unknown ${kustoCode === 'KS204' ? 'table or tabular function' : 'function'} '${name}'`, hint };
  }
  return undefined;
}

/**
 * Names that extend the unknown one (a retired `imProcess` → `imProcessCreate`, `imProcessTerminate`)
 * come first, as a misspelling by edit distance would point elsewhere (`VMProcess`); else the nearest.
 */
function nearestNames(name: string, known: readonly string[]): string[] {
  const lower = name.toLowerCase();
  const extended = name.length >= 4 ? known.filter((k) => k.toLowerCase().startsWith(lower) && k.length > name.length) : [];
  if (extended.length > 0 && extended.length <= 4) return [...extended].sort();
  const near = closestName(name, known);
  return near ? [near] : [];
}
