/**
 * The column name Kusto gives an unnamed expression in extend / mv-expand, following the binder's
 * rules: a column keeps its name, a path joins its parts (`d.a[0]` → `d_a_0`), a conversion such as
 * tostring() or bin() takes its first argument's name (its symbol's ResultNameKind), and anything
 * else gets a generated `ColumnN` (taken from the bound result, which numbers them query-wide).
 */
import { elementsOf, KNode, nodeClass, simpleName } from '../syntax';

// Kusto.Language's ResultNameKind values.
const NAME_AND_FIRST_ARGUMENT = 1;
const NAME_AND_ONLY_ARGUMENT = 2;
const PREFIX_AND_FIRST_ARGUMENT = 3;
const PREFIX_AND_ONLY_ARGUMENT = 4;
const FIRST_ARGUMENT = 7;
const ONLY_ARGUMENT = 8;

/** The name Kusto derives for an expression, or null when it generates one. */
export function derivedName(expression: KNode): string | null {
  switch (nodeClass(expression)) {
    case 'SimpleNamedExpression':
      return simpleName(expression.Name);
    case 'NameReference':
      return simpleName(expression);
    case 'ParenthesizedExpression':
      return derivedName(expression.Expression);
    case 'PathExpression': {
      const left = derivedName(expression.Expression);
      const selector = simpleName(expression.Selector);
      return left === null ? null : `${left}_${selector}`;
    }
    case 'ElementExpression': {
      const left = derivedName(expression.Expression);
      const selector = nodeClass(expression.Selector) === 'BracketedExpression' ? expression.Selector.Expression : expression.Selector;
      const value = selector?.IsLiteral ? selector.LiteralValue : selector?.IsConstant ? selector.ConstantValue : null;
      if (left === null || value === null || value === undefined || typeof value === 'object') return null;
      return `${left}_${String(value).replace(/^-/, '_')}`;
    }
    case 'FunctionCallExpression': {
      const symbol = expression.ReferencedSymbol;
      const kind = symbol?.ResultNameKind as number | undefined;
      const args = elementsOf(expression.ArgumentList?.Expressions);
      const first = args.length > 0 ? derivedName(args[0]) : null;
      switch (kind) {
        case FIRST_ARGUMENT: return first;
        case ONLY_ARGUMENT: return args.length === 1 ? first : null;
        case NAME_AND_FIRST_ARGUMENT: return first === null ? null : `${symbol.Name}_${first}`;
        case NAME_AND_ONLY_ARGUMENT: return args.length === 1 && first !== null ? `${symbol.Name}_${first}` : null;
        case PREFIX_AND_FIRST_ARGUMENT: return first === null ? null : `${symbol.ResultNamePrefix}_${first}`;
        case PREFIX_AND_ONLY_ARGUMENT: return args.length === 1 && first !== null ? `${symbol.ResultNamePrefix}_${first}` : null;
        default: return null;
      }
    }
    default:
      return null;
  }
}

/**
 * Output names for the expressions of an extend-like operator: derived names, then generated ones
 * in order from the bound result columns that neither the input nor a derived name accounts for.
 */
export function extendNames(expressions: readonly KNode[], staticInput: ReadonlySet<string>, bound: readonly string[], reserved: readonly string[] = []): (string | null)[] {
  const derived = expressions.map(derivedName);
  const known = new Set([...staticInput, ...derived.filter((n): n is string => n !== null), ...reserved]);
  const generated = bound.filter((n) => !known.has(n));
  return derived.map((name) => name ?? generated.shift() ?? null);
}
