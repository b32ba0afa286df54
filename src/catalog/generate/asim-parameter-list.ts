import { normalizeKustoType, type KustoScalarType } from '../kusto-scalar-type';

/** One parameter of an ASIM parser function: all of them are optional, with a default. */
export interface AsimParameter {
  readonly name: string;
  readonly type: KustoScalarType;
  /** The default as KQL text (e.g. `datetime(null)`, `dynamic([])`, `'*'`, `False`); undefined if none was given. */
  readonly defaultValue: string | undefined;
}

export interface ParsedParameterList {
  readonly parameters: AsimParameter[];
  /** One line per item that is not a `name:type[=default]` parameter; those items are left out. */
  readonly problems: string[];
}

const ITEM = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:=\s*([\s\S]+))?$/;

/**
 * Parses a parameter list as the ASIM reference writes it: `name:type=default` items separated by
 * `;` (the CSV's `parser_params`) or `,` (a KQL function signature, optionally in parentheses).
 * Defaults are KQL expressions that may hold separators themselves (`dynamic(['a','b'])`, `'a;b'`),
 * so items are split only outside brackets and string literals.
 */
export function parseAsimParameterList(text: string): ParsedParameterList {
  const parameters: AsimParameter[] = [];
  const problems: string[] = [];
  const body = stripEnclosingParentheses(text.trim());
  const split = splitTopLevel(body);
  if (split.unbalanced) problems.push(`unbalanced brackets or quotes in "${text}"`);
  const seen = new Set<string>();
  for (const raw of split.items) {
    const item = raw.trim();
    if (item === '') continue;
    const match = ITEM.exec(item);
    if (!match) {
      problems.push(`"${item}" is not name:type or name:type=default`);
      continue;
    }
    const [, name, rawType, rawDefault] = match;
    const type = normalizeKustoType(rawType);
    if (!type) {
      problems.push(`parameter ${name}: type "${rawType}" is not a Kusto scalar type`);
      continue;
    }
    if (seen.has(name)) {
      problems.push(`parameter ${name} is listed twice; the first is kept`);
      continue;
    }
    seen.add(name);
    parameters.push({ name, type, defaultValue: rawDefault?.trim() || undefined });
  }
  return { parameters, problems };
}

function stripEnclosingParentheses(text: string): string {
  if (!text.startsWith('(') || !text.endsWith(')')) return text;
  const inner = text.slice(1, -1);
  // Only when the outer pair belongs together: "(a:int=int(1))" yes, "(x)=int(1)" style no.
  return splitTopLevel(inner).unbalanced ? text : inner;
}

interface Split {
  readonly items: string[];
  readonly unbalanced: boolean;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

function splitTopLevel(text: string): Split {
  const items: string[] = [];
  const closers: string[] = [];
  let quote: string | undefined;
  let start = 0;
  let unbalanced = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (OPENERS[ch]) closers.push(OPENERS[ch]);
    else if (ch === ')' || ch === ']' || ch === '}') {
      if (closers.pop() !== ch) unbalanced = true;
    } else if ((ch === ';' || ch === ',') && closers.length === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return { items, unbalanced: unbalanced || closers.length > 0 || quote !== undefined };
}
