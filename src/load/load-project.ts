import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { definitionKindOf } from '../model/definition-brand';
import type { AnalyticsRuleProps } from '../model/analytics-rule';
import type { HuntingQueryProps } from '../model/hunting-query';
import type { WatchlistProps } from '../model/watchlist';
import type { CustomTableProps } from '../model/custom-table';
import type { DefinitionCache } from './definition-cache';
import { discoverDefinitionFiles } from './discover-files';
import type { DefinitionSource, LoadedCustomTable, LoadedFunction, LoadedHuntingQuery, LoadedProject, LoadedRule, LoadedWatchlist, LoadedWorkspaceCatalog } from './loaded-project';
import type { WorkspaceCatalogProps } from '../model/workspace-catalog';
import type { WorkspaceFunctionProps } from '../model/workspace-function';
import { projectRelative } from './project-layout';
import { loadQuery } from './load-query';
import { SourceLocator, lazyPosition, type Position, type PropPath } from './source-locator';
import { loadWatchlistRows } from './load-watchlist-rows';
import type ts from 'typescript';

export interface LoadOptions {
  /**
   * Reuse what definition files exported, and where their properties are written, when nothing they
   * depend on changed (`validate` passes the project's; the caller saves it after the checks ran).
   */
  readonly definitionCache?: DefinitionCache;
}

/**
 * Reads every definition file of a project. Collects problems as diagnostics instead of stopping,
 * so `validate` can report all of them at once.
 */
export function loadProject(root: string, options: LoadOptions = {}): LoadedProject {
  const cache = options.definitionCache;
  const diagnostics: Diagnostic[] = [];
  const rules: LoadedRule[] = [];
  const huntingQueries: LoadedHuntingQuery[] = [];
  const watchlists: LoadedWatchlist[] = [];
  const tables: LoadedCustomTable[] = [];
  const functions: LoadedFunction[] = [];
  const workspaceCatalogs: LoadedWorkspaceCatalog[] = [];
  for (const absolute of discoverDefinitionFiles(root)) {
    const file = projectRelative(root, absolute);
    const text = fs.readFileSync(absolute, 'utf8');
    let exports = cache?.lookup(absolute, text);
    if (!exports) {
      try {
        exports = require(absolute) as Record<string, unknown>;
      } catch (error) {
        // It re-reads the file with the TypeScript compiler (~0.3 s to load), so only for a file that fails.
        const { loadErrorDiagnostic } = require('./load-error') as typeof import('./load-error');
        diagnostics.push(loadErrorDiagnostic(error, absolute, file, text));
        continue;
      }
      cache?.record(absolute, text, exports);
    }
    const locator = new SourceLocator(absolute, text);
    let keyless = 0;
    for (const [exportName, value] of Object.entries(exports)) {
      const kind = definitionKindOf(value);
      if (kind === undefined) continue;
      const key = kind === 'Watchlist' ? 'alias' : kind === 'CustomTable' || kind === 'WorkspaceFunction' ? 'name' : 'id';
      const keyValue = (value as Record<string, unknown>)[key];
      const nth = kind === 'WorkspaceCatalog' ? keyless++ : 0;
      // Found, and the file parsed, only when a position or an inline query needs it.
      let found: { readonly object: ts.ObjectLiteralExpression | undefined } | undefined;
      const objectOf = (): ts.ObjectLiteralExpression | undefined =>
        (found ??= {
          object: kind === 'WorkspaceCatalog' ? locator.keylessDefinitionObject(['id', 'alias', 'name'], nth) : typeof keyValue === 'string' ? locator.definitionObject(key, keyValue) : undefined,
        }).object;
      const find = (p: PropPath) => (): Position => locator.positionOf(locator.nodeAt(objectOf(), p));
      const source: DefinitionSource = { file, exportName, locate: (p) => lazyPosition(cache ? () => cache.position(absolute, exportName, p, find(p)) : find(p)) };
      const dir = path.dirname(absolute);
      const queryContext = () => ({
        root,
        dir,
        source,
        locator,
        get object() {
          return objectOf();
        },
        diagnostics,
      });
      if (kind === 'AnalyticsRule' || kind === 'HuntingQuery') {
        const props = value as AnalyticsRuleProps | HuntingQueryProps;
        const query = loadQuery(props.query, queryContext());
        if (kind === 'AnalyticsRule') rules.push({ kind, props: props as AnalyticsRuleProps, source, query });
        else huntingQueries.push({ kind, props: props as HuntingQueryProps, source, query });
      } else if (kind === 'Watchlist') {
        const props = value as WatchlistProps;
        watchlists.push({ kind, props, source, ...loadWatchlistRows(props, { root, dir, source, diagnostics }) });
      } else if (kind === 'WorkspaceFunction') {
        const props = value as WorkspaceFunctionProps;
        const query = props.query === undefined ? undefined : loadQuery(props.query, queryContext());
        functions.push({ kind, props, source, query });
      } else if (kind === 'WorkspaceCatalog') {
        workspaceCatalogs.push({ kind, props: value as WorkspaceCatalogProps, source });
      } else {
        tables.push({ kind, props: value as CustomTableProps, source });
      }
    }
  }
  return { root, rules, huntingQueries, watchlists, tables, functions, workspaceCatalogs, diagnostics };
}
