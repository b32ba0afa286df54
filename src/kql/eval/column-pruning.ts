/**
 * Column pruning: database tables are read with only the columns the query can observe. Test
 * fixtures are typed from the full workspace schema (SigninLogs has 95 columns) while a detection
 * reads a handful, and copying the rest through joins and unions dominated the run time.
 *
 * A column is kept when its name is, or is a prefix of, any name the query text mentions (every
 * token and string literal, including the bodies of called functions) or any column of the final
 * result; a prefix covers the names Kusto derives from a column (`Id1` after a join, `x_long` in a
 * union). Pruning is off whenever the query can see columns it does not name: `*` (arg_max(x, *),
 * distinct *, parse patterns), wildcards, pack_all(), and bag_unpack (whose conflict check reads
 * every input column).
 */
import { columnsOfType, KNode, nodeClass, syntaxKind } from './syntax';

const OPAQUE_FUNCTIONS: ReadonlySet<string> = new Set(['pack_all', 'bag_pack_columns', 'bag_unpack', 'narrow', 'pivot']);

interface Scan {
  readonly names: Set<string>;
  opaque: boolean;
}

function scanTree(node: KNode, scan: Scan, visitedBodies: Set<KNode>): void {
  if (scan.opaque) return;
  for (let i = 0; i < node.ChildCount; i++) {
    const child = node.GetChild(i);
    if (!child) continue;
    if (child.IsToken) {
      const text = String(child.Text);
      scan.names.add(text);
      const quoted = /^@?h?(["'])([\s\S]*)\1$/.exec(text);
      if (quoted) scan.names.add(quoted[2]);
      if (text === '*' && !(nodeClass(node) === 'BinaryExpression' && syntaxKind(node) === 'MultiplyExpression')) scan.opaque = true;
      continue;
    }
    const kind = nodeClass(child);
    if (kind === 'StarExpression' || kind === 'WildcardedName') { scan.opaque = true; return; }
    if (kind === 'FunctionCallExpression' || kind === 'NameReference') {
      const symbol = child.ReferencedSymbol;
      if (symbol && OPAQUE_FUNCTIONS.has(String(symbol.Name))) { scan.opaque = true; return; }
      if (nodeClass(symbol ?? {}) === 'FunctionSymbol') {
        const body = child.GetCalledFunctionBody?.() as KNode | null;
        if (body && !visitedBodies.has(body)) { visitedBodies.add(body); scanTree(body, scan, visitedBodies); }
      }
    }
    scanTree(child, scan, visitedBodies);
  }
}

/** A predicate telling which database columns to read, or null to read them all. */
export function columnFilter(code: KNode): ((column: string) => boolean) | null {
  const scan: Scan = { names: new Set(), opaque: false };
  scanTree(code.Syntax, scan, new Set());
  if (scan.opaque) return null;
  for (const column of columnsOfType(code.ResultType)) scan.names.add(column.name);
  const names = [...scan.names];
  return (column) => scan.names.has(column) || names.some((name) => name.startsWith(column));
}
