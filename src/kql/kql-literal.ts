import type { KqlValue } from '../model/kql-source';

/**
 * Renders a parameter value as a KQL literal. This is the only way parameter values enter a query,
 * so a value can never close a string and inject operators: strings are always emitted as one
 * double-quoted literal with every quote, backslash and line break escaped.
 */
export function toKqlLiteral(value: KqlValue): string {
  if (typeof value === 'string') return kqlString(value);
  if (typeof value === 'number') return kqlNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return kqlDatetime(value);
  if (Array.isArray(value)) return `dynamic([${value.map((v) => toKqlLiteral(v)).join(', ')}])`;
  if (isTimespan(value)) return kqlTimespanLiteral(value.kqlTimespan);
  throw new KqlLiteralError(`cannot be rendered as a KQL literal: ${JSON.stringify(value)}`);
}

export class KqlLiteralError extends Error {}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function kqlString(value: string): string {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(value);
  if (control) {
    throw new KqlLiteralError(`string contains control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}, which a KQL literal cannot carry safely`);
  }
  return `"${value.replace(/[\\"\n\r\t]/g, (c) => ESCAPES[c])}"`;
}

function kqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new KqlLiteralError(`number ${value} has no KQL literal`);
  if (Number.isInteger(value)) return String(value);
  // Kusto reads 1e-7 style only with a mantissa point; toString gives it for tiny numbers, so use real().
  const text = String(value);
  return /e/i.test(text) ? `real(${text})` : text;
}

function kqlDatetime(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new KqlLiteralError('invalid Date has no KQL literal');
  return `datetime(${value.toISOString()})`;
}

function isTimespan(value: unknown): value is { kqlTimespan: string } {
  return typeof value === 'object' && value !== null && typeof (value as { kqlTimespan?: unknown }).kqlTimespan === 'string';
}

function kqlTimespanLiteral(text: string): string {
  if (!/^[0-9]+(\.[0-9]+)?(d|h|m|s|ms)$/.test(text)) {
    throw new KqlLiteralError(`timespan ${JSON.stringify(text)} is not a KQL timespan literal such as 14d, 1h, 30m, 10s or 500ms`);
  }
  return text;
}
