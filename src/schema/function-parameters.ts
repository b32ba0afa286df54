/**
 * Reads a saved search's `functionParameters`, the parameter list of a KQL user-defined function
 * without its parentheses: `lookback:timespan = 1d, user:string, T:(TimeGenerated:datetime)`.
 * Commas inside strings, brackets and tabular schemas do not split parameters.
 */
import { normalizeKustoType } from '../catalog/kusto-scalar-type';
import type { FunctionParameter } from '../kql/kql-schema';
import { isKqlName } from '../kql/kql-name';

export type ParametersResult = { readonly parameters: FunctionParameter[] } | { readonly problem: string };

/** Kusto's other names for scalar types that the catalog's alias table does not know. */
const KUSTO_TYPE_SYNONYMS: Readonly<Record<string, string>> = { date: 'datetime', time: 'timespan', uuid: 'guid', uniqueid: 'guid' };

export function parseFunctionParameters(text: string | undefined): ParametersResult {
  if (text === undefined || text.trim() === '') return { parameters: [] };
  const parts = splitTopLevel(text, ',');
  if (typeof parts === 'string') return { problem: parts };
  const parameters: FunctionParameter[] = [];
  for (const part of parts) {
    const colon = part.indexOf(':');
    const name = part.slice(0, colon).trim();
    if (colon < 0 || !isKqlName(name)) return { problem: `"${part.trim()}" is not "name:type" or "name:type = default"` };
    const rest = splitTopLevel(part.slice(colon + 1), '=');
    if (typeof rest === 'string') return { problem: rest };
    // Only the first "=" separates the type from the default; the rest belong to the default.
    const [rawType, ...defaults] = rest;
    const type = parameterType(rawType.trim());
    if (type === undefined) return { problem: `parameter ${name}: "${rawType.trim()}" is not a KQL scalar type or tabular schema` };
    const defaultValue = defaults.length ? defaults.join('=').trim() : undefined;
    if (defaultValue === '') return { problem: `parameter ${name}: "=" without a default value` };
    if (parameters.some((p) => p.name === name)) return { problem: `parameter ${name} is declared twice` };
    parameters.push({ name, type, ...(defaultValue !== undefined && { defaultValue }) });
  }
  return { parameters };
}

/** A tabular schema `(*)`, `(a:string, *)` is kept as written; a scalar type becomes its Kusto name. */
function parameterType(raw: string): string | undefined {
  if (raw.startsWith('(') && raw.endsWith(')')) return raw.replace(/\s+/g, ' ');
  const lower = raw.toLowerCase();
  return normalizeKustoType(lower) ?? KUSTO_TYPE_SYNONYMS[lower];
}

/** Splits at `separator` outside quotes and brackets; returns a message for an unclosed one. */
function splitTopLevel(text: string, separator: ',' | '='): string[] | string {
  const parts: string[] = [];
  const closers: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const verbatim = text[i - 1] === '@';
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += !verbatim && text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return `unclosed string starting at "${text.slice(i, i + 20)}"`;
      i = j;
    } else if (c === '(' || c === '[' || c === '{') closers.push(c === '(' ? ')' : c === '[' ? ']' : '}');
    else if (c === ')' || c === ']' || c === '}') {
      if (closers.pop() !== c) return `unbalanced "${c}" in "${text.trim()}"`;
    } else if (c === separator && closers.length === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (closers.length) return `unclosed "${closers[closers.length - 1] === ')' ? '(' : closers[closers.length - 1] === ']' ? '[' : '{'}" in "${text.trim()}"`;
  parts.push(text.slice(start));
  return parts;
}
