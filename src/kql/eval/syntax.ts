/**
 * Small helpers over Kusto.Language's bound syntax tree (Bridge.NET objects), so the rest of the
 * evaluator reads node properties by name and never re-parses query text.
 */
import { kindOf, kustoLanguage } from '../kusto-bridge';

/**
 * A node of the bound tree. The Bridge.NET typings are not importable as a module, so nodes are
 * typed structurally: the members used everywhere, plus named children (`Condition`, `Expression`,
 * ...) read by name as the Bridge typings declare them per node class.
 */
export interface KNode {
  readonly Kind: number;
  readonly TextStart: number;
  readonly Width: number;
  readonly ChildCount: number;
  readonly IsToken: boolean;
  readonly IsMissing: boolean;
  GetChild(index: number): KNode | null;
  GetName(index: number): string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly [member: string]: any;
}

/** The node's class name, e.g. `FilterOperator` or `BinaryExpression`. */
export const nodeClass: (node: KNode) => string = kindOf;

let syntaxKindNames: Map<number, string> | undefined;

/** The node's SyntaxKind as a name, e.g. `AndExpression`, `HasCsExpression`, `StringLiteralToken`. */
export function syntaxKind(node: KNode): string {
  if (syntaxKindNames === undefined) {
    syntaxKindNames = new Map();
    const enumObject = kustoLanguage().Syntax.SyntaxKind as Record<string, unknown>;
    for (const [name, value] of Object.entries(enumObject)) {
      if (typeof value === 'number' && !name.startsWith('$')) syntaxKindNames.set(value, name);
    }
  }
  return syntaxKindNames.get(node.Kind) ?? `SyntaxKind#${node.Kind}`;
}

/**
 * The elements of a syntax list. Lists hold either `SeparatedElement`s (expression lists) or the
 * nodes themselves (e.g. parse patterns); both are unwrapped here.
 */
export function elementsOf(list: KNode | null | undefined): KNode[] {
  const out: KNode[] = [];
  if (!list) return out;
  for (let i = 0; i < list.ChildCount; i++) {
    const child = list.GetChild(i);
    if (!child) continue;
    // Generic Bridge classes are named after their type argument, so test the SyntaxKind instead.
    if (syntaxKind(child) === 'SeparatedElement') {
      const element = child.Element as KNode | null;
      if (element) out.push(element);
    } else {
      out.push(child);
    }
  }
  return out;
}

/** `kind=inner`, `withsource=S`, `hint.strategy=...`: the named parameters of a query operator. */
export interface NamedParameter {
  readonly name: string;
  readonly node: KNode;
  /** The value node: a literal, a token literal (`kind=inner`) or a name declaration (`withsource=S`). */
  readonly value: KNode;
}

export function namedParametersOf(operator: KNode): NamedParameter[] {
  return elementsOf(operator.Parameters).map((parameter) => ({
    name: String(parameter.Name.SimpleName).toLowerCase(),
    node: parameter,
    value: parameter.Expression as KNode,
  }));
}

/** The text of a named parameter's value: `inner` for `kind=inner`, `S` for `withsource=S`. */
export function parameterValueText(value: KNode): string {
  if (nodeClass(value) === 'NameDeclaration') return String(value.SimpleName);
  if (value.IsConstant && typeof value.ConstantValue === 'string') return value.ConstantValue;
  return String(value.ToString()).trim();
}

/** The name a NameDeclaration or NameReference introduces or uses. */
/** The expression of `Name = Expression` (summarize and make-series items), or the node itself. */
export function unwrapNamed(node: KNode): KNode {
  return nodeClass(node) === 'SimpleNamedExpression' ? node.Expression : node;
}

export function simpleName(node: KNode): string {
  return String(node.SimpleName);
}

/** A Bridge list (IReadOnlyList) as a JS array. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function bridgeList(list: any): any[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const out: any[] = [];
  if (!list) return out;
  const n = list.Count as number;
  for (let i = 0; i < n; i++) out.push(list.getItem(i));
  return out;
}

/** True when the bound type is a table (a tabular expression) rather than a scalar. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isTabularType(type: any): boolean {
  return type != null && kindOf(type) === 'TableSymbol';
}

/** The scalar type name of a bound type symbol: `long`, `string`, `dynamic`, ... */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function scalarTypeName(type: any): string {
  if (type == null) return 'unknown';
  const kind = kindOf(type);
  if (kind.startsWith('Dynamic')) return 'dynamic';
  return String(type.Name);
}

/** Column names and types of a bound table type, in order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function columnsOfType(type: any): { name: string; type: string }[] {
  return bridgeList(type?.Columns).map((column) => ({ name: String(column.Name), type: scalarTypeName(column.Type) }));
}
