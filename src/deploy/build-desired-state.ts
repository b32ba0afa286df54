/**
 * The desired state of one environment: the validated project's content, narrowed to the
 * environment's selection (plus the watchlists selected rules read), with each watchlist's rows
 * taken from the environment's own CSV when it names one.
 */
import type { Diagnostic } from '../check/diagnostic';
import { runChecks } from '../check/run-checks';
import type { ValidatedProject } from '../check/validate-project';
import { watchlistCheck } from '../check/watchlist-check';
import { readWatchlistRowsFile } from '../load/load-watchlist-rows';
import type { SavedSearch } from '@azure/arm-operationalinsights';
import type { LoadedFunction, LoadedHuntingQuery, LoadedProject, LoadedRule, LoadedWatchlist } from '../load/loaded-project';
import { functionSavedSearchProperties } from '../render/arm-function';
import { projectRelative } from '../load/project-layout';
import { renderCsv } from '../render/csv';
import { contentHash } from './canonical-json';
import type { DesiredFunction, DesiredRule, DesiredSearch, DesiredState, DesiredWatchlist } from './desired-state';
import type { EnvironmentConfig } from './environment-config';
import { comparableAlertRule, sdkAlertRule } from './sdk-alert-rule';
import { comparableSavedSearch, sdkSavedSearch } from './sdk-saved-search';
import { comparableWatchlist, sdkWatchlist, watchlistContentHash } from './sdk-watchlist';
import { contentSelector } from './content-selection';

export interface DesiredStateResult {
  readonly state: DesiredState;
  readonly diagnostics: Diagnostic[];
}

/** `env` is undefined for a workspace named by flags: all content, the definitions' own rows. */
export function buildDesiredState(validated: ValidatedProject, env: EnvironmentConfig | undefined, configFile?: string): DesiredStateResult {
  const { project, analyses } = validated;
  const diagnostics: Diagnostic[] = [];
  const selected = selector(project, env, configFile, diagnostics);
  const reads = (d: LoadedRule | LoadedHuntingQuery): string[] => [...new Set((analyses.get(d)?.watchlistCalls ?? []).map((c) => String(c.alias).toLowerCase()))];

  const rules = project.rules.filter((r) => r.query && selected(String(r.props.id), r.props.tags));
  const searches = project.huntingQueries.filter((q) => q.query && selected(String(q.props.id), q.props.tags));
  const needed = new Set([...rules, ...searches].flatMap(reads));
  const functions = deployedFunctions(validated, [...rules, ...searches].flatMap((d) => analyses.get(d)?.functions ?? []), env?.content === undefined);
  const calls = (d: LoadedRule | LoadedHuntingQuery): string[] => (analyses.get(d)?.functions ?? []).filter((name) => functions.some((f) => f.fn.props.name === name));
  const watchlistDefs = project.watchlists.filter((w) => selected(w.props.alias, w.props.tags) || needed.has(w.props.alias.toLowerCase()));

  const rowsByAlias = new Map((env?.watchlistRows ?? []).map((r) => [r.alias.toLowerCase(), r]));
  for (const source of env?.watchlistRows ?? []) {
    if (!project.watchlists.some((w) => w.props.alias.toLowerCase() === source.alias.toLowerCase())) {
      diagnostics.push(configDiagnostic(configFile, source.at, `environment ${env?.name}: watchlistRows names ${source.alias}, which no watchlist definition declares`, `declared aliases: ${project.watchlists.map((w) => w.props.alias).join(', ') || '(none)'}`));
    }
  }
  const withRows = watchlistDefs.map((w) => environmentRows(w, rowsByAlias.get(w.props.alias.toLowerCase()), project.root));
  const overridden = withRows.filter((w): w is WatchlistWithRows => 'loadDiagnostics' in w);
  diagnostics.push(...overridden.flatMap((w) => w.loadDiagnostics));
  if (overridden.length) {
    const checkProject: LoadedProject = { ...project, rules: [], huntingQueries: [], tables: [], watchlists: overridden, diagnostics: [] };
    diagnostics.push(...runChecks({ project: checkProject, analyses: new Map() }, [watchlistCheck]).filter((d) => d.severity === 'error'));
  }

  const state: DesiredState = {
    rules: rules.map((r) => desiredRule(r, reads(r), calls(r))),
    searches: searches.map((q) => desiredSearch(q, reads(q), calls(q))),
    functions: functions.map(desiredFunction),
    watchlists: withRows.map(desiredWatchlist),
  };
  return { state, diagnostics };
}

/** contentSelector(), reporting ids in `content.ids` that name no definition. */
function selector(project: LoadedProject, env: EnvironmentConfig | undefined, configFile: string | undefined, diagnostics: Diagnostic[]) {
  const content = env?.content;
  if (!content) return contentSelector(undefined);
  const known = new Set([...project.rules, ...project.huntingQueries].map((d) => String(d.props.id).toLowerCase()).concat(project.watchlists.map((w) => w.props.alias.toLowerCase())));
  for (const id of new Set((content.ids ?? []).map((i) => i.toLowerCase()))) {
    if (!known.has(id)) diagnostics.push(configDiagnostic(configFile, env.fieldAt['content.ids'] ?? env.at, `environment ${env.name}: content.ids names ${id}, which is no rule, hunting query or watchlist of this project`, 'use a rule or hunting query id (GUID) or a watchlist alias'));
  }
  return contentSelector(content);
}

type WatchlistWithRows = LoadedWatchlist & { readonly loadDiagnostics: Diagnostic[] };

function environmentRows(w: LoadedWatchlist, source: { file: string } | undefined, root: string): LoadedWatchlist | WatchlistWithRows {
  if (!source) return w;
  const loadDiagnostics: Diagnostic[] = [];
  const rows = readWatchlistRowsFile(source.file, projectRelative(root, source.file), w.source, loadDiagnostics);
  return { ...w, csvFile: rows.csvFile, rows: rows.rows, header: rows.header, loadDiagnostics };
}

function desiredRule(r: LoadedRule, reads: string[], calls: string[]): DesiredRule {
  const { body, dropped } = sdkAlertRule(r.props, r.query!.text);
  const comparable = comparableAlertRule(body);
  const notes = dropped.map((d) => `not deployed (absent from API 2022-09-01-preview): ${d}`);
  return { kind: 'AnalyticsRule', name: String(r.props.id), displayName: r.props.name, file: r.source.file, version: r.props.version, body, comparable, hash: contentHash(comparable), notes, reads, calls };
}

function desiredSearch(q: LoadedHuntingQuery, reads: string[], calls: string[]): DesiredSearch {
  const body = sdkSavedSearch(q.props, q.query!.text);
  const comparable = comparableSavedSearch(body);
  return { kind: 'HuntingQuery', name: String(q.props.id), displayName: q.props.name, file: q.source.file, version: q.props.version ?? '1.0.0', body, comparable, hash: contentHash(comparable), notes: [], reads, calls };
}

/**
 * The functions declared by their body (one declared by its columns lives in the workspace already),
 * each with its saved search: every one without a content selection; with one, those the selected
 * content calls, and the functions their bodies call in turn.
 */
function deployedFunctions(validated: ValidatedProject, called: readonly string[], all: boolean): DeployableFunction[] {
  const deployable = validated.project.functions.flatMap((fn) => {
    const body = functionSavedSearchProperties(fn);
    return body ? [{ fn, body: body as unknown as SavedSearch }] : [];
  });
  if (all) return deployable;
  const wanted = new Set<string>();
  const want = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    const fn = deployable.find((d) => d.fn.props.name === name)?.fn;
    for (const next of (fn && validated.functionAnalyses.get(fn)?.functions) ?? []) want(next);
  };
  called.forEach(want);
  return deployable.filter((d) => wanted.has(d.fn.props.name));
}

interface DeployableFunction {
  readonly fn: LoadedFunction;
  readonly body: SavedSearch;
}

function desiredFunction({ fn, body }: DeployableFunction): DesiredFunction {
  const comparable = comparableSavedSearch(body);
  return { kind: 'Function', name: fn.props.name, displayName: fn.props.name, file: fn.source.file, body, comparable, hash: contentHash(comparable), notes: [], reads: [], calls: [] };
}

function desiredWatchlist(w: LoadedWatchlist): DesiredWatchlist {
  const body = sdkWatchlist(w.props);
  const header = Object.keys(w.props.columns);
  const rows = (w.rows ?? []).map((r) => ({ key: r.values[w.props.searchKey] ?? '', values: Object.fromEntries(header.map((c) => [c, r.values[c] ?? ''])) }));
  const items = rows.map((r) => ({ key: r.key, comparable: { itemsKeyValue: r.values } }));
  return {
    kind: 'Watchlist',
    name: w.props.alias,
    displayName: w.props.displayName,
    file: w.source.file,
    comparable: comparableWatchlist(body),
    hash: watchlistContentHash(body, items),
    notes: [],
    body,
    searchKey: w.props.searchKey,
    rows,
    csv: renderCsv(header, rows.map((r) => r.values)),
    rowsFile: w.csvFile,
  };
}

function configDiagnostic(file: string | undefined, at: { line: number; column: number }, message: string, hint?: string): Diagnostic {
  return { code: 'DEPLOY_CONFIG', severity: 'error', message, file: file ?? '(command line)', ...at, ...(hint && { hint }) };
}
