/**
 * A small printer from plain values to TypeScript source in the house style of hand-written
 * definitions: object literals, single quotes, 2-space indent, trailing commas, and a line width
 * past which objects and arrays break one entry per line and long strings move under their key.
 * It prints data only (plus verbatim `code(...)` expressions such as `kqlFile('./x.kql')`), so its
 * output is always a valid expression; `test/import` compiles the result with tsc to prove it.
 */
export const LINE_WIDTH = 140;
const INDENT = '  ';

/** A TypeScript expression printed as is. */
export class Code {
  constructor(readonly text: string) {}
}

export function code(text: string): Code {
  return new Code(text);
}

/** An object literal broken one property per line, starting at indentation `level`. */
export function printObject(value: Readonly<Record<string, unknown>>, level: number): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, v]) => `${pad(level + 1)}${printProperty(key, v, level + 1)},\n`);
  return `{\n${lines.join('')}${pad(level)}}`;
}

function printProperty(key: string, value: unknown, level: number): string {
  const head = `${printKey(key)}: `;
  const room = LINE_WIDTH - pad(level).length - head.length - 1;
  const flat = flatText(value);
  if (flat.length <= room) return head + flat;
  // A string cannot break; like prettier, it moves to its own line under the key.
  if (typeof value === 'string') return `${printKey(key)}:\n${pad(level + 1)}${flat}`;
  return head + printBroken(value, level);
}

function printValue(value: unknown, level: number): string {
  const flat = flatText(value);
  return flat.length <= LINE_WIDTH - pad(level).length - 1 ? flat : printBroken(value, level);
}

function printBroken(value: unknown, level: number): string {
  if (Array.isArray(value) && value.length) {
    return `[\n${value.map((v) => `${pad(level + 1)}${printValue(v, level + 1)},\n`).join('')}${pad(level)}]`;
  }
  if (isRecord(value) && Object.keys(value).length) return printObject(value, level);
  return flatText(value);
}

/** The value on one line: `{ a: 'x', b: [1, 2] }`. */
export function flatText(value: unknown): string {
  if (value instanceof Code) return value.text;
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(flatText).join(', ')}]`;
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length ? `{ ${entries.map(([k, v]) => `${printKey(k)}: ${flatText(v)}`).join(', ')} }` : '{}';
  }
  throw new Error(`cannot print ${typeof value} as a TypeScript literal`);
}

export function printKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

/**
 * A string literal on one line whatever the text holds. Single quotes, unless the text has more
 * single than double quotes (prettier's rule), so `'It\'s'` stays readable as `"It's"`.
 */
export function quote(text: string): string {
  const q = (text.match(/'/g)?.length ?? 0) > (text.match(/"/g)?.length ?? 0) ? '"' : "'";
  let out = q;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === q) out += `\\${q}`;
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f || c === 0x2028 || c === 0x2029 || c === 0xfeff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}${q}`;
}

function pad(level: number): string {
  return INDENT.repeat(level);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Code);
}
