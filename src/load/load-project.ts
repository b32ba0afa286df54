import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { definitionKindOf } from '../model/definition-brand';
import type { AnalyticsRuleProps } from '../model/analytics-rule';
import type { HuntingQueryProps } from '../model/hunting-query';
import type { WatchlistProps } from '../model/watchlist';
import type { CustomTableProps } from '../model/custom-table';
import { discoverDefinitionFiles } from './discover-files';
import type { DefinitionSource, LoadedCustomTable, LoadedHuntingQuery, LoadedProject, LoadedRule, LoadedWatchlist } from './loaded-project';
import { projectRelative } from './project-layout';
import { loadQuery } from './load-query';
import { SourceLocator } from './source-locator';
import { loadWatchlistRows } from './load-watchlist-rows';
import { loadErrorDiagnostic } from './load-error';

/**
 * Reads every definition file of a project. Collects problems as diagnostics instead of stopping,
 * so `validate` can report all of them at once.
 */
export function loadProject(root: string): LoadedProject {
  const diagnostics: Diagnostic[] = [];
  const rules: LoadedRule[] = [];
  const huntingQueries: LoadedHuntingQuery[] = [];
  const watchlists: LoadedWatchlist[] = [];
  const tables: LoadedCustomTable[] = [];
  for (const absolute of discoverDefinitionFiles(root)) {
    const file = projectRelative(root, absolute);
    const text = fs.readFileSync(absolute, 'utf8');
    let exports: Record<string, unknown>;
    try {
      exports = require(absolute);
    } catch (error) {
      diagnostics.push(loadErrorDiagnostic(error, absolute, file, text));
      continue;
    }
    const locator = new SourceLocator(absolute, text);
    for (const [exportName, value] of Object.entries(exports)) {
      const kind = definitionKindOf(value);
      if (kind === undefined) continue;
      const key = kind === 'Watchlist' ? 'alias' : kind === 'CustomTable' ? 'name' : 'id';
      const keyValue = (value as Record<string, unknown>)[key];
      const object = typeof keyValue === 'string' ? locator.definitionObject(key, keyValue) : undefined;
      const source: DefinitionSource = { file, exportName, locate: (p) => locator.positionOf(locator.nodeAt(object, p)) };
      const dir = path.dirname(absolute);
      if (kind === 'AnalyticsRule' || kind === 'HuntingQuery') {
        const props = value as AnalyticsRuleProps | HuntingQueryProps;
        const query = loadQuery(props.query, { root, dir, source, locator, object, diagnostics });
        if (kind === 'AnalyticsRule') rules.push({ kind, props: props as AnalyticsRuleProps, source, query });
        else huntingQueries.push({ kind, props: props as HuntingQueryProps, source, query });
      } else if (kind === 'Watchlist') {
        const props = value as WatchlistProps;
        watchlists.push({ kind, props, source, ...loadWatchlistRows(props, { root, dir, source, diagnostics }) });
      } else {
        tables.push({ kind, props: value as CustomTableProps, source });
      }
    }
  }
  return { root, rules, huntingQueries, watchlists, tables, diagnostics };
}
