import { renderCsv } from '../../render/csv';
import type { ImportedItem } from '../imported-item';
import { code, printObject } from './ts-printer';

/** Property order of hand-written definitions: identity, what it detects, the query, then how it alerts. */
const ORDER: Readonly<Record<ImportedItem['kind'], readonly string[]>> = {
  AnalyticsRule: [
    'id', 'version', 'kind', 'name', 'description', 'severity', 'tactics', 'techniques', 'requiredDataConnectors', 'query', 'enabled',
    'queryFrequency', 'queryPeriod', 'trigger', 'suppression', 'startTimeUtc', 'eventGrouping', 'entityMappings', 'customDetails',
    'alertDetailsOverride', 'incidentConfiguration', 'tags',
  ],
  HuntingQuery: ['id', 'version', 'name', 'description', 'tactics', 'techniques', 'requiredDataConnectors', 'query', 'entityMappings', 'savedSearchTags', 'tags'],
  Watchlist: ['alias', 'displayName', 'description', 'columns', 'searchKey', 'rows', 'provider', 'labels', 'tags'],
  WorkspaceFunction: ['name', 'description', 'category', 'parameters', 'query'],
};

const DEFINE: Readonly<Record<ImportedItem['kind'], string>> = {
  AnalyticsRule: 'defineAnalyticsRule',
  HuntingQuery: 'defineHuntingQuery',
  Watchlist: 'defineWatchlist',
  WorkspaceFunction: 'defineFunction',
};

/**
 * The `.ts` definition of an imported item, written like a hand-written one: the authoring API's
 * define function, the query in a `.kql` beside it through kqlFile(), rows in a `.csv`.
 */
export function definitionSource(item: ImportedItem, exportName: string, dataFileName: string): string {
  const props: Record<string, unknown> = { ...item.props };
  if (item.kind === 'Watchlist') props.rows = `./${dataFileName}`;
  else props.query = code(`kqlFile(${quoteFileName(dataFileName)})`);
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER[item.kind]) if (props[key] !== undefined) ordered[key] = props[key];
  for (const key of Object.keys(props)) if (!(key in ordered) && props[key] !== undefined) ordered[key] = props[key];
  const define = DEFINE[item.kind];
  const imports = item.kind === 'Watchlist' ? define : `${define}, kqlFile`;
  const where = item.origin.pointer ? `${item.origin.file}, ${item.origin.pointer}` : item.origin.file;
  return [
    `import { ${imports} } from 'sentinel-cac';`,
    '',
    `/** Imported from ${where} (${item.origin.format}). */`.replace(/\*\/(?=.)/g, '*\\/'),
    `export const ${exportName} = ${define}(${printObject(ordered, 0)});`,
    '',
  ].join('\n');
}

/**
 * The query as a `.kql` template. Its text is the source's; only `{{`, which starts a parameter
 * placeholder in sentinel-cac templates, is escaped (`\{{`) so the query renders back unchanged.
 */
export function kqlSource(item: Extract<ImportedItem, { query: unknown }>): string {
  return item.query.text.replace(/\{\{/g, '\\{{');
}

export function csvSource(item: Extract<ImportedItem, { kind: 'Watchlist' }>): string {
  const records = item.rows.map((row) => Object.fromEntries(item.header.map((h, i) => [h, row[i] ?? ''])));
  return renderCsv(item.header, records);
}

function quoteFileName(name: string): string {
  return `'./${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
