/**
 * Reads `sentinel-cac.environments.yaml` with the `yaml` package, keeping positions, and reports
 * every problem at once as a Diagnostic at the file, line and column to fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../check/diagnostic';
import type { ConfigPosition, ContentSelection, EnvironmentConfig, EnvironmentsConfig, WatchlistRowsSource } from './environment-config';
import { DEFAULT_SOURCE_ID } from './environment-config';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Azure: 1-90 characters of letters, digits, _ - . ( ), not ending with a period. */
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
/** Log Analytics: 4-63 letters, digits and hyphens, starting and ending with a letter or digit. */
const WORKSPACE = /^[A-Za-z0-9][A-Za-z0-9-]{2,61}[A-Za-z0-9]$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const TOP_KEYS = ['sourceId', 'environments'];
const ENV_KEYS = ['subscriptionId', 'resourceGroup', 'workspace', 'content', 'watchlistRows', 'schema'];

export interface ReadConfigResult {
  readonly config: EnvironmentsConfig | undefined;
  readonly diagnostics: Diagnostic[];
}

/** `absolute` is the config file; `root` the project root (diagnostic paths are relative to it). */
export function readEnvironmentConfig(absolute: string, root: string): ReadConfigResult {
  const file = path.relative(root, absolute).split(path.sep).join('/') || path.basename(absolute);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    return { config: undefined, diagnostics: [{ code: 'DEPLOY_CONFIG_MISSING', severity: 'error', message: `environments file ${file} cannot be read`, file, line: 1, column: 1, hint: 'create it (see docs/deploy.md), pass --config <file>, or name one workspace with --subscription, --resource-group and --workspace' }] };
  }
  return parseEnvironmentConfig(text, file, path.dirname(absolute));
}

export function parseEnvironmentConfig(text: string, file: string, baseDir: string): ReadConfigResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const pos = (node: Node | null | undefined): ConfigPosition => {
    const p = lines.linePos(node?.range?.[0] ?? 0);
    return { line: p.line, column: p.col };
  };
  const report = (at: ConfigPosition, message: string, hint?: string): void => {
    diagnostics.push({ code: 'DEPLOY_CONFIG', severity: 'error', message: `${file}: ${message}`, file, ...at, ...(hint && { hint }) });
  };
  for (const e of doc.errors) {
    const p = lines.linePos(e.pos[0]);
    diagnostics.push({ code: 'DEPLOY_CONFIG_SYNTAX', severity: 'error', message: `${file}: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, file, line: p.line, column: p.col });
  }
  if (diagnostics.length) return { config: undefined, diagnostics };
  const top = doc.contents;
  if (!isMap(top)) {
    report(pos(top as Node), 'expected a mapping with `environments:` (and optionally `sourceId:`)');
    return { config: undefined, diagnostics };
  }
  unknownKeys(top, TOP_KEYS, report, pos);
  let sourceId = DEFAULT_SOURCE_ID;
  const sourceNode = top.get('sourceId', true);
  if (sourceNode !== undefined) {
    const s = stringValue(sourceNode);
    if (s === undefined || !/^[\w./@:-]{1,200}$/.test(s)) report(pos(sourceNode as Node), 'sourceId must be a string of letters, digits and _ . / @ : - (e.g. "contoso/sentinel-content")');
    else sourceId = s;
  }
  const envs = top.get('environments', true);
  const environments: EnvironmentConfig[] = [];
  if (!isMap(envs)) {
    report(envs === undefined ? { line: 1, column: 1 } : pos(envs as Node), '`environments` must be a mapping from environment name to its workspace', 'e.g.\nenvironments:\n  prod:\n    subscriptionId: <guid>\n    resourceGroup: rg-sentinel\n    workspace: law-sentinel');
  } else {
    for (const pair of envs.items) {
      const env = readEnvironment(pair as Pair<Node, Node>, { baseDir, report, pos });
      if (env) environments.push(env);
    }
    if (envs.items.length === 0) report(pos(envs), '`environments` is empty: declare at least one environment');
  }
  return { config: diagnostics.length ? undefined : { file, sourceId, environments }, diagnostics };
}

interface Ctx {
  readonly baseDir: string;
  report(at: ConfigPosition, message: string, hint?: string): void;
  pos(node: Node | null | undefined): ConfigPosition;
}

function readEnvironment(pair: Pair<Node, Node>, ctx: Ctx): EnvironmentConfig | undefined {
  const name = stringValue(pair.key);
  const at = ctx.pos(pair.key);
  if (name === undefined || !ENV_NAME.test(name)) return void ctx.report(at, `environment name ${JSON.stringify(name ?? null)} must start with a letter or digit and use letters, digits, _ . -`);
  const body = pair.value;
  if (!isMap(body)) return void ctx.report(body ? ctx.pos(body) : at, `environment ${name} must be a mapping with subscriptionId, resourceGroup and workspace`);
  unknownKeys(body, ENV_KEYS, ctx.report, ctx.pos, `environment ${name}`);
  const fieldAt: Record<string, ConfigPosition> = {};
  const required = (key: string, pattern: RegExp, what: string): string | undefined => {
    const node = body.get(key, true) as Node | undefined;
    if (node === undefined) return void ctx.report(at, `environment ${name} has no ${key}`, `add "${key}: ${what}"`);
    fieldAt[key] = ctx.pos(node);
    const value = stringValue(node);
    if (value === undefined || !pattern.test(value)) return void ctx.report(fieldAt[key], `environment ${name}: ${key} ${JSON.stringify(value ?? (node as { toJSON?: () => unknown }).toJSON?.() ?? null)} is not ${what}`);
    return value;
  };
  const subscriptionId = required('subscriptionId', GUID, 'a subscription id (a GUID)');
  const resourceGroup = required('resourceGroup', RESOURCE_GROUP, 'a resource group name (1-90 letters, digits, _ - . ( ))');
  const workspace = required('workspace', WORKSPACE, 'a Log Analytics workspace name (4-63 letters, digits and hyphens)');
  const content = readContent(body.get('content', true) as Node | undefined, name, ctx, fieldAt);
  const watchlistRows = readRows(body.get('watchlistRows', true) as Node | undefined, name, ctx, fieldAt);
  const schema = readSchemaPath(body.get('schema', true) as Node | undefined, name, ctx, fieldAt);
  if (!subscriptionId || !resourceGroup || !workspace || content === null || watchlistRows === null || schema === null) return undefined;
  return { name, subscriptionId, resourceGroup, workspace, ...(content && { content }), watchlistRows, ...(schema && { schema }), at, fieldAt };
}

/** undefined = all content; null = invalid (reported). */
function readContent(node: Node | undefined, env: string, ctx: Ctx, fieldAt: Record<string, ConfigPosition>): ContentSelection | undefined | null {
  if (node === undefined) return undefined;
  fieldAt.content = ctx.pos(node);
  if (!isMap(node)) {
    ctx.report(ctx.pos(node), `environment ${env}: content must be a mapping with tags and/or ids`);
    return null;
  }
  unknownKeys(node, ['tags', 'ids'], ctx.report, ctx.pos, `environment ${env} content`);
  const list = (key: string): string[] | undefined | null => {
    const n = node.get(key, true) as Node | undefined;
    if (n === undefined) return undefined;
    fieldAt[`content.${key}`] = ctx.pos(n);
    if (!isSeq(n) || n.items.some((i) => stringValue(i as Node) === undefined)) {
      ctx.report(ctx.pos(n), `environment ${env}: content.${key} must be a list of strings`);
      return null;
    }
    return n.items.map((i) => stringValue(i as Node) as string);
  };
  const tags = list('tags');
  const ids = list('ids');
  if (tags === null || ids === null) return null;
  if (!tags && !ids) {
    ctx.report(ctx.pos(node), `environment ${env}: content selects nothing; give tags and/or ids, or remove content to deploy everything`);
    return null;
  }
  return { ...(tags && { tags }), ...(ids && { ids }) };
}

function readRows(node: Node | undefined, env: string, ctx: Ctx, fieldAt: Record<string, ConfigPosition>): WatchlistRowsSource[] | null {
  if (node === undefined) return [];
  fieldAt.watchlistRows = ctx.pos(node);
  if (!isMap(node)) {
    ctx.report(ctx.pos(node), `environment ${env}: watchlistRows must map watchlist aliases to CSV files`, 'e.g. watchlistRows:\n  FicAuthorizedActors: environments/prod/fic-authorized-actors.csv');
    return null;
  }
  const out: WatchlistRowsSource[] = [];
  let ok = true;
  for (const pair of node.items as Pair<Node, Node>[]) {
    const alias = stringValue(pair.key);
    const written = stringValue(pair.value);
    const at = ctx.pos(pair.value ?? pair.key);
    if (alias === undefined || written === undefined || written === '') {
      ctx.report(at, `environment ${env}: watchlistRows entries must be "<alias>: <path to CSV>"`);
      ok = false;
      continue;
    }
    out.push({ alias, written, file: path.resolve(ctx.baseDir, written), at });
  }
  return ok ? out : null;
}

/** The environment's pulled schema file (`sentinel-cac schema pull`); undefined = the default path; null = invalid (reported). */
function readSchemaPath(node: Node | undefined, env: string, ctx: Ctx, fieldAt: Record<string, ConfigPosition>): string | undefined | null {
  if (node === undefined) return undefined;
  fieldAt.schema = ctx.pos(node);
  const written = stringValue(node);
  if (written === undefined || !written.endsWith('.json')) {
    ctx.report(ctx.pos(node), `environment ${env}: schema must be the path of a .json file (relative to this file)`, `e.g. schema: schemas/${env}.schema.json`);
    return null;
  }
  return path.resolve(ctx.baseDir, written);
}

function unknownKeys(map: YAMLMap, allowed: readonly string[], report: Ctx['report'], pos: Ctx['pos'], where = 'the environments file'): void {
  for (const pair of map.items as Pair<Node, Node>[]) {
    const key = stringValue(pair.key);
    if (key === undefined || !allowed.includes(key)) report(pos(pair.key), `unknown key ${JSON.stringify(key ?? null)} in ${where}`, `allowed: ${allowed.join(', ')}`);
  }
}

function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}
