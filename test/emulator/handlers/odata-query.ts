/**
 * The part of OData `$filter` and `$orderby` that the Sentinel metadata list offers and a deploy
 * needs: comparisons of a property path with a literal (`properties/source/kind eq
 * 'SourceRepository'`), `and`, `or`, `not`, parentheses, and contains/startswith/endswith.
 * String comparisons ignore case, like resource ids and names in ARM.
 */
import { badRequest } from '../cloud-error';
import type { ResourceBody } from '../store/emulator-store';

type Literal = string | number | boolean | null;
type Node =
  | { op: 'and' | 'or'; left: Node; right: Node }
  | { op: 'not'; operand: Node }
  | { op: 'eq' | 'ne'; path: string[]; value: Literal }
  | { op: 'contains' | 'startswith' | 'endswith'; path: string[]; value: string };

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\()|(\))|(,)|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*))/y;

function tokenize(text: string, fail: (why: string) => never): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) fail(`unexpected character at position ${at + 1}`);
    tokens.push(m[0].trim());
  }
  return tokens;
}

export function parseFilter(text: string): (resource: ResourceBody) => boolean {
  const fail = (why: string): never => {
    throw badRequest(`Invalid $filter "${text}": ${why}. Supported: <path> eq|ne <literal>, and, or, not, parentheses, contains/startswith/endswith(<path>, '<text>').`);
  };
  const tokens = tokenize(text, fail);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => tokens[i++] ?? fail('unexpected end');
  const expect = (t: string): void => {
    if (next().toLowerCase() !== t) fail(`expected "${t}"`);
  };
  const literal = (t: string): Literal => {
    if (t.startsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
    if (/^-?\d/.test(t)) return Number(t);
    const word = t.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return fail(`"${t}" is not a literal`);
  };
  const primary = (): Node => {
    const t = next();
    if (t === '(') {
      const inner = orExpr();
      expect(')');
      return inner;
    }
    const fn = t.toLowerCase();
    if ((fn === 'contains' || fn === 'startswith' || fn === 'endswith') && peek() === '(') {
      expect('(');
      const path = next().split('/');
      expect(',');
      const value = literal(next());
      expect(')');
      if (typeof value !== 'string') fail(`${fn} needs a string`);
      return { op: fn, path, value: value as string };
    }
    const op = next().toLowerCase();
    if (op !== 'eq' && op !== 'ne') fail(`unsupported operator "${op}"`);
    return { op: op as 'eq' | 'ne', path: t.split('/'), value: literal(next()) };
  };
  const unary = (): Node => (peek()?.toLowerCase() === 'not' ? (next(), { op: 'not', operand: unary() }) : primary());
  const andExpr = (): Node => {
    let left = unary();
    while (peek()?.toLowerCase() === 'and') left = (next(), { op: 'and', left, right: unary() });
    return left;
  };
  const orExpr = (): Node => {
    let left = andExpr();
    while (peek()?.toLowerCase() === 'or') left = (next(), { op: 'or', left, right: andExpr() });
    return left;
  };
  const tree = orExpr();
  if (i < tokens.length) fail(`unexpected "${tokens[i]}"`);
  return (resource) => evaluate(tree, resource);
}

function valueAt(resource: ResourceBody, path: string[]): unknown {
  let v: unknown = resource;
  for (const segment of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[segment] : undefined;
  return v;
}

function same(a: unknown, b: Literal): boolean {
  if (b === null) return a === null || a === undefined;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

function evaluate(node: Node, r: ResourceBody): boolean {
  switch (node.op) {
    case 'and':
      return evaluate(node.left, r) && evaluate(node.right, r);
    case 'or':
      return evaluate(node.left, r) || evaluate(node.right, r);
    case 'not':
      return !evaluate(node.operand, r);
    case 'eq':
      return same(valueAt(r, node.path), node.value);
    case 'ne':
      return !same(valueAt(r, node.path), node.value);
    default: {
      const v = valueAt(r, node.path);
      if (typeof v !== 'string') return false;
      const [s, t] = [v.toLowerCase(), node.value.toLowerCase()];
      return node.op === 'contains' ? s.includes(t) : node.op === 'startswith' ? s.startsWith(t) : s.endsWith(t);
    }
  }
}

/** `$orderby=properties/kind desc, name` as a comparator. */
export function parseOrderBy(text: string): (a: ResourceBody, b: ResourceBody) => number {
  const keys = text.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_/]*)\s*(asc|desc)?\s*$/i.exec(part);
    if (!m) throw badRequest(`Invalid $orderby "${text}": expected "<path> [asc|desc]" separated by commas.`);
    return { path: m[1].split('/'), sign: m[2]?.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { path, sign } of keys) {
      const [x, y] = [valueAt(a, path), valueAt(b, path)];
      if (x === y) continue;
      if (x === undefined || x === null) return 1;
      if (y === undefined || y === null) return -1;
      const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'en', { sensitivity: 'base' }) : x < y ? -1 : x > y ? 1 : 0;
      if (c !== 0) return c * sign;
    }
    return 0;
  };
}
