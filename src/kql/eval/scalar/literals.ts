/**
 * Literal values read from the literal tokens' text. The Bridge's own ConstantValue is not used for
 * datetimes, timespans, hex longs or special reals because it drops precision or reads them as 0.
 */
import type { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass, syntaxKind } from '../syntax';
import { parseDatetime } from '../values/datetime';
import { toDynamicValue } from '../values/dynamic';
import { DynamicValue, ScalarType } from '../values/types';
import { parseTimespan } from '../values/timespan';
import { constant, Compiled } from './compiled';

/** The text between the parentheses of `datetime(...)`, `long(...)`, ..., or the text itself. */
function unwrap(text: string): string {
  const match = /^[a-z0-9_]+\s*\((.*)\)$/is.exec(text.trim());
  return match ? match[1].trim() : text.trim();
}

/** `datetime("2019-02-05T10:02:51")` and `datetime('…')`: Kusto also reads the value in quotes. */
function unquote(text: string): string {
  const match = /^(["'])(.*)\1$/s.exec(text);
  return match ? match[2].trim() : text;
}

function isNullText(text: string): boolean {
  return text.toLowerCase() === 'null';
}

function parseNumberText(text: string): number | null {
  const lower = text.toLowerCase();
  if (isNullText(lower)) return null;
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (lower === 'nan') return NaN;
  if (/^[+-]?0x[0-9a-f]+$/i.test(text)) return (text.startsWith('-') ? -1 : 1) * parseInt(text.replace(/^[+-]?0x/i, ''), 16);
  return Number(text);
}

/** The value and type of a LiteralExpression node. */
export function literalValue(node: KNode, ctx: EvalContext): { value: unknown; type: ScalarType } {
  const kind = syntaxKind(node);
  const text = String(node.Token?.Text ?? '');
  switch (kind) {
    case 'StringLiteralExpression':
    case 'CompoundStringLiteralExpression':
      return { value: String(node.ConstantValue ?? ''), type: 'string' };
    case 'LongLiteralExpression':
      return { value: parseNumberText(unwrap(text)), type: 'long' };
    case 'IntLiteralExpression':
      return { value: parseNumberText(unwrap(text)), type: 'int' };
    case 'RealLiteralExpression':
      return { value: parseNumberText(unwrap(text)), type: 'real' };
    case 'DecimalLiteralExpression':
      return { value: parseNumberText(unwrap(text)), type: 'decimal' };
    case 'BooleanLiteralExpression': {
      const inner = unwrap(text).toLowerCase();
      return { value: isNullText(inner) ? null : inner === 'true', type: 'bool' };
    }
    case 'DateTimeLiteralExpression': {
      const inner = unquote(unwrap(text));
      if (isNullText(inner)) return { value: null, type: 'datetime' };
      const value = parseDatetime(inner);
      if (value === null) ctx.fail(node, 'datetime', `cannot read the datetime literal ${text}`);
      return { value, type: 'datetime' };
    }
    case 'TimespanLiteralExpression': {
      if (isNullText(unwrap(text))) return { value: null, type: 'timespan' };
      const value = parseTimespan(text);
      if (value === null) ctx.fail(node, 'timespan', `cannot read the timespan literal ${text}`);
      return { value, type: 'timespan' };
    }
    case 'GuidLiteralExpression': {
      const inner = unwrap(text);
      return { value: isNullText(inner) ? null : inner.toLowerCase(), type: 'guid' };
    }
    case 'NullLiteralExpression':
      return { value: null, type: 'dynamic' };
    default:
      return ctx.unsupported(node, kind, 'literal');
  }
}

export function compileLiteral(node: KNode, ctx: EvalContext): Compiled {
  const { value, type } = literalValue(node, ctx);
  return constant(value, type);
}

/** The JSON value of the body of `dynamic(...)`; datetimes and timespans inside become their text. */
export function dynamicLiteral(node: KNode, ctx: EvalContext): DynamicValue {
  switch (nodeClass(node)) {
    case 'JsonArrayExpression': {
      return elementsOf(node.Values).map((element) => dynamicLiteral(element, ctx));
    }
    case 'JsonObjectExpression': {
      const bag: Record<string, DynamicValue> = {};
      for (const pair of elementsOf(node.Pairs)) bag[jsonKey(String(pair.Name.Text))] = dynamicLiteral(pair.Value, ctx);
      return bag;
    }
    case 'LiteralExpression': {
      const { value, type } = literalValue(node, ctx);
      return toDynamicValue(value, type);
    }
    case 'PrefixUnaryExpression': {
      const inner = dynamicLiteral(node.Expression, ctx);
      return syntaxKind(node) === 'UnaryMinusExpression' && typeof inner === 'number' ? -inner : inner;
    }
    default:
      return ctx.unsupported(node, nodeClass(node), 'dynamic literal element');
  }
}

/** A JSON pair name token: a quoted string (double or single quotes) or a bare name. */
function jsonKey(token: string): string {
  const text = token.trim();
  if (text.startsWith('"')) return JSON.parse(text) as string;
  if (text.startsWith("'")) return JSON.parse(`"${text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
  return text;
}
