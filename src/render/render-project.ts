import type { ValidatedProject } from '../check/validate-project';
import type { LoadedDefinition, LoadedHuntingQuery, LoadedRule, LoadedWatchlist } from '../load/loaded-project';
import type { ArtifactKind } from './artifact-validator';
import { armAlertRuleResource } from './arm-alert-rule';
import { deploymentTemplate, savedSearchId, securityInsightsId, type ArmResource } from './arm-envelope';
import { armFunctionResource } from './arm-function';
import { armHuntingQueryResource } from './arm-hunting-query';
import { armWatchlistResource } from './arm-watchlist';
import { renderCsv } from './csv';
import { slugify } from './slug';
import { detectionYamlObject, huntingYamlObject } from './yaml-rule';
import { renderYaml } from './yaml-document';

/** One file of dist/, with the parsed value that is schema-checked before anything is written. */
export interface Artifact {
  /** Path under dist/, forward slashes. */
  readonly path: string;
  readonly text: string;
  /** Set for JSON/YAML artifacts that have a schema. */
  readonly kind?: ArtifactKind;
  readonly value?: unknown;
  /** The definition it was rendered from, for diagnostics. */
  readonly from?: LoadedDefinition;
}

/**
 * Renders every artifact of a validated project as text. Pure: no I/O. Files are named after the
 * definition's name (rules, hunting queries) or alias (watchlists), which are unique by validation.
 */
export function renderProject(validated: ValidatedProject): Artifact[] {
  const { project, analyses } = validated;
  const artifacts: Artifact[] = [];
  const combined: ArmResource[] = [];
  const watchlistResourceIds = new Map<string, string>();

  for (const watchlist of sortBy(project.watchlists, (w) => w.props.alias.toLowerCase())) {
    const csv = watchlistCsv(watchlist);
    const resource = armWatchlistResource(watchlist.props, csv);
    const base = `watchlists/${watchlist.props.alias}`;
    artifacts.push({ path: `${base}.csv`, text: csv, from: watchlist });
    artifacts.push(json(`${base}.json`, deploymentTemplate([resource]), 'watchlistTemplate', watchlist));
    combined.push(resource);
    watchlistResourceIds.set(watchlist.props.alias.toLowerCase(), securityInsightsId('Watchlists', watchlist.props.alias));
  }

  // Workspace functions declared by their body; one declared by its columns is deployed elsewhere.
  const functionResourceIds = new Map<string, string>();
  for (const fn of sortBy(project.functions, (f) => String(f.props.name).toLowerCase())) {
    const resource = armFunctionResource(fn);
    if (!resource) continue;
    artifacts.push(json(`functions/${fn.props.name}.json`, deploymentTemplate([resource]), 'functionTemplate', fn));
    combined.push(resource);
    functionResourceIds.set(fn.props.name, savedSearchId(fn.props.name));
  }
  // Content deploys after the watchlists it reads and the functions it calls: a rule whose query
  // calls a function the workspace does not have yet is refused, and one that reads a watchlist
  // would see no allow-list on its first runs.
  const dependencies = (definition: LoadedRule | LoadedHuntingQuery): (string | undefined)[] => {
    const analysis = analyses.get(definition);
    return [
      ...(analysis?.watchlistCalls ?? []).map((c) => watchlistResourceIds.get(String(c.alias).toLowerCase())),
      ...(analysis?.functions ?? []).map((name) => functionResourceIds.get(name)),
    ];
  };

  for (const rule of sortBy(project.rules, (r) => r.props.name.toLowerCase())) {
    if (!rule.query) continue;
    const resource = armAlertRuleResource(rule.props, rule.query.text);
    const base = `analytics-rules/${slugify(rule.props.name)}`;
    artifacts.push(json(`${base}.json`, deploymentTemplate([resource]), 'alertRuleTemplate', rule));
    artifacts.push(yaml(`${base}.yaml`, detectionYamlObject(rule.props, rule.query.text), 'detectionYaml', rule));
    combined.push(withDependsOn(resource, dependencies(rule)));
  }

  for (const query of sortBy(project.huntingQueries, (q) => q.props.name.toLowerCase())) {
    if (!query.query) continue;
    const resource = armHuntingQueryResource(query.props, query.query.text);
    const base = `hunting-queries/${slugify(query.props.name)}`;
    artifacts.push(json(`${base}.json`, deploymentTemplate([resource]), 'huntingTemplate', query));
    artifacts.push(yaml(`${base}.yaml`, huntingYamlObject(query.props, query.query.text), 'huntingYaml', query));
    combined.push(withDependsOn(resource, dependencies(query)));
  }

  artifacts.push(json('azuredeploy.json', deploymentTemplate(combined), 'combinedTemplate'));
  return artifacts;
}


function watchlistCsv(watchlist: LoadedWatchlist): string {
  const header = Object.keys(watchlist.props.columns);
  return renderCsv(header, (watchlist.rows ?? []).map((r) => r.values));
}

function withDependsOn(resource: ArmResource, ids: readonly (string | undefined)[]): ArmResource {
  const dependsOn = [...new Set(ids.filter((id): id is string => id !== undefined))];
  return dependsOn.length ? { ...resource, dependsOn } : resource;
}

function json(path: string, value: Record<string, unknown>, kind: ArtifactKind, from?: LoadedDefinition): Artifact {
  return { path, text: `${JSON.stringify(value, null, 2)}\n`, kind, value, ...(from ? { from } : {}) };
}

function yaml(path: string, value: Record<string, unknown>, kind: ArtifactKind, from: LoadedDefinition): Artifact {
  return { path, text: renderYaml(value, ['query']), kind, value, from };
}

function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
