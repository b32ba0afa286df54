/**
 * Reads a workspace schema file and checks every field, reporting each problem as a Diagnostic at
 * its line and column with its JSON path (`$.tables[3].columns[2].type`) and what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { isKustoScalarType, KUSTO_SCALAR_TYPES } from '../catalog/kusto-scalar-type';
import type { TableColumn } from '../catalog/table-catalog';
import type { Diagnostic } from '../check/diagnostic';
import type { FunctionParameter } from '../kql/kql-schema';
import { WORKSPACE_SCHEMA_VERSION, type WorkspaceFunction, type WorkspaceSchema, type WorkspaceTable } from './workspace-schema';
import { isKqlName } from '../kql/kql-name';

export interface ReadSchemaResult {
  readonly schema: WorkspaceSchema | undefined;
  readonly diagnostics: Diagnostic[];
  /** True when the file does not exist (as opposed to existing with errors). */
  readonly missing: boolean;
}

type JsonPath = (string | number)[];
type Json = Record<string, unknown>;

const MAX_PROBLEMS = 20;

/** `absolute` is the schema file; `root` the project root (diagnostic paths are relative to it). `pullCommand` goes in the hints. */
export function readSchemaFile(absolute: string, root: string, pullCommand: string): ReadSchemaResult {
  const file = path.relative(root, absolute).split(path.sep).join('/') || path.basename(absolute);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    const hint = `run \`${pullCommand}\` to write it, then commit it`;
    return { schema: undefined, missing: true, diagnostics: [{ code: 'SCHEMA_FILE_MISSING', severity: 'error', message: `workspace schema file ${file} does not exist`, file, line: 1, column: 1, hint }] };
  }
  return { ...parseSchemaText(text, file, pullCommand), missing: false };
}

export function parseSchemaText(text: string, file: string, pullCommand: string): { schema: WorkspaceSchema | undefined; diagnostics: Diagnostic[] } {
  const hint = `the file is written by \`${pullCommand}\`: pull again rather than editing it by hand`;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = positionOfOffset(text, Number(/position (\d+)/.exec(message)?.[1] ?? 0));
    return { schema: undefined, diagnostics: [{ code: 'SCHEMA_FILE_SYNTAX', severity: 'error', message: `${file} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, file, ...at, hint }] };
  }
  const problems: { at: JsonPath; message: string }[] = [];
  const schema = checkSchema(doc, (at, message) => void problems.push({ at, message }));
  if (problems.length === 0) return { schema, diagnostics: [] };
  const locate = locator(text);
  const diagnostics = problems.slice(0, MAX_PROBLEMS).map(({ at, message }): Diagnostic => ({ code: 'SCHEMA_FILE', severity: 'error', message: `${file}: ${jsonPath(at)}: ${message}`, file, ...locate(at), hint }));
  if (problems.length > MAX_PROBLEMS) diagnostics.push({ code: 'SCHEMA_FILE', severity: 'error', message: `${file}: ${problems.length - MAX_PROBLEMS} more problems not shown`, file, line: 1, column: 1, hint });
  return { schema: undefined, diagnostics };
}

type Report = (at: JsonPath, message: string) => void;

function checkSchema(doc: unknown, report: Report): WorkspaceSchema | undefined {
  if (!isObject(doc)) return void report([], 'expected an object with schemaVersion, source, tables and functions');
  keys(doc, [], ['schemaVersion', 'source', 'tables', 'functions'], report);
  if (doc.schemaVersion !== WORKSPACE_SCHEMA_VERSION) {
    report(['schemaVersion'], `schemaVersion ${JSON.stringify(doc.schemaVersion ?? null)} is not ${WORKSPACE_SCHEMA_VERSION}, the version this sentinel-cac reads`);
  }
  const source = doc.source;
  if (!isObject(source)) report(['source'], 'expected an object naming the workspace (subscriptionId, resourceGroup, workspace)');
  else {
    keys(source, ['source'], ['environment', 'subscriptionId', 'resourceGroup', 'workspace'], report);
    for (const key of ['subscriptionId', 'resourceGroup', 'workspace']) if (!nonEmptyString(source[key])) report(['source', key], 'expected a non-empty string');
    if (source.environment !== undefined && !nonEmptyString(source.environment)) report(['source', 'environment'], 'expected a non-empty string');
  }
  const tables = list(doc.tables, ['tables'], report, checkTable);
  const functions = list(doc.functions, ['functions'], report, checkFunction);
  return tables && functions ? ({ schemaVersion: WORKSPACE_SCHEMA_VERSION, source, tables, functions } as WorkspaceSchema) : undefined;
}

function checkTable(value: unknown, at: JsonPath, report: Report): WorkspaceTable | undefined {
  if (!isObject(value)) return void report(at, 'expected a table: {"name", "custom", "columns"}');
  keys(value, at, ['name', 'custom', 'columns'], report);
  if (!nonEmptyString(value.name)) report([...at, 'name'], 'expected the table name');
  if (typeof value.custom !== 'boolean') report([...at, 'custom'], 'expected true or false');
  const columns = checkColumns(value.columns, [...at, 'columns'], report);
  return { name: value.name as string, custom: value.custom as boolean, columns: columns ?? [] };
}

function checkFunction(value: unknown, at: JsonPath, report: Report): WorkspaceFunction | undefined {
  if (!isObject(value)) return void report(at, 'expected a function: {"name", "parameters", "body", "columns"?}');
  keys(value, at, ['name', 'parameters', 'body', 'columns'], report);
  if (!isKqlName(value.name)) report([...at, 'name'], 'expected the function alias (letters, digits and _)');
  const parameters = list(value.parameters, [...at, 'parameters'], report, checkParameter);
  const body = value.body;
  if (!Array.isArray(body) || body.some((line) => typeof line !== 'string')) report([...at, 'body'], 'expected the query as an array of lines (strings)');
  const columns = value.columns === undefined ? undefined : checkColumns(value.columns, [...at, 'columns'], report);
  return { name: value.name as string, parameters: parameters ?? [], body: body as string[], ...(columns && { columns }) };
}

function checkParameter(value: unknown, at: JsonPath, report: Report): FunctionParameter | undefined {
  if (!isObject(value)) return void report(at, 'expected a parameter: {"name", "type", "defaultValue"?}');
  keys(value, at, ['name', 'type', 'defaultValue'], report);
  if (!isKqlName(value.name)) report([...at, 'name'], 'expected a parameter name (letters, digits and _)');
  if (!nonEmptyString(value.type)) report([...at, 'type'], 'expected a KQL type, e.g. "string" or "(*)"');
  if (value.defaultValue !== undefined && typeof value.defaultValue !== 'string') report([...at, 'defaultValue'], 'expected the default as KQL literal text, e.g. "1d"');
  return value as unknown as FunctionParameter;
}

function checkColumns(value: unknown, at: JsonPath, report: Report): TableColumn[] | undefined {
  const columns = list(value, at, report, (column, columnAt): TableColumn | undefined => {
    if (!isObject(column)) return void report(columnAt, 'expected a column: {"name", "type"}');
    keys(column, columnAt, ['name', 'type'], report);
    if (!nonEmptyString(column.name)) report([...columnAt, 'name'], 'expected the column name');
    if (!isKustoScalarType(column.type)) report([...columnAt, 'type'], `${JSON.stringify(column.type ?? null)} is not a Kusto type (${KUSTO_SCALAR_TYPES.join(', ')})`);
    return column as unknown as TableColumn;
  });
  const seen = new Set<string>();
  columns?.forEach((c, i) => {
    if (seen.has(c.name)) report([...at, i, 'name'], `column ${c.name} appears twice`);
    seen.add(c.name);
  });
  return columns;
}

/** Checks an array item by item; duplicate `name`s are an error (the file keys tables and functions by name). */
function list<T>(value: unknown, at: JsonPath, report: Report, check: (item: unknown, at: JsonPath, report: Report) => T | undefined): T[] | undefined {
  if (!Array.isArray(value)) return void report(at, 'expected an array');
  const items = value.map((item, i) => check(item, [...at, i], report));
  const names = new Set<string>();
  value.forEach((item, i) => {
    const name = isObject(item) && typeof item.name === 'string' && at[at.length - 1] !== 'columns' ? item.name : undefined;
    if (name !== undefined && names.has(name)) report([...at, i, 'name'], `${name} appears twice`);
    if (name !== undefined) names.add(name);
  });
  return items.every((i) => i !== undefined) ? (items as T[]) : undefined;
}

function keys(value: Json, at: JsonPath, allowed: readonly string[], report: Report): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) report([...at, key], `unknown key (allowed: ${allowed.join(', ')})`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function jsonPath(at: JsonPath): string {
  return `$${at.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
}

function positionOfOffset(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Positions of JSON paths, found by parsing the text again with `yaml` (JSON is YAML), which keeps
 * node ranges. Only done when there is a problem to place, as it is slower than JSON.parse.
 */
function locator(text: string): (at: JsonPath) => { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false });
  return (at) => {
    for (let depth = at.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : (doc.getIn(at.slice(0, depth), true) as { range?: number[] } | undefined);
      if (node?.range) {
        const p = lines.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
    return { line: 1, column: 1 };
  };
}
