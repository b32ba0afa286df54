import { CsvParseError } from '../load/read-watchlist-csv';
import { unescapeArmLiterals } from './arm-expressions';
import { resourceNameTail } from './arm-resource-name';
import { ConversionContext } from './conversion-context';
import { convertWatchlist } from './convert-watchlist';
import { isPlainObject, isStringArray } from './field-values';
import type { ImportedItem } from './imported-item';
import { reportExpressions, resolveSimpleReferences } from './arm-property-values';
import type { ArmResourceRef } from './arm-resource-ref';
import { parseWatchlistCsv } from './watchlist-rows';

/** Read by the import or set by Sentinel itself; none changes what the watchlist holds. */
const CONSUMED = ['displayName', 'description', 'provider', 'itemsSearchKey', 'rawContent', 'contentType', 'numberOfLinesToSkip', 'labels', 'source', 'sourceType', 'watchlistAlias', 'isDeleted'];
const SERVICE_SET = ['watchlistId', 'tenantId', 'created', 'updated', 'createdBy', 'updatedBy', 'uploadStatus', 'watchlistType', 'etag'];

/** A watchlist resource whose rows are inline (`rawContent`, CSV), as the portal and `az` deploy it. */
export function readArmWatchlist(ref: ArmResourceRef): { item?: ImportedItem; ctx: ConversionContext } {
  const { doc, resource, path: at } = ref;
  const ctx = new ConversionContext(doc, 'ARM watchlist', [...at, 'properties'], at);
  const properties = resource.properties;
  if (!isPlainObject(properties)) {
    ctx.report('IMPORT_MISSING_PROPERTY', 'error', undefined, 'the watchlist resource has no properties');
    return { ctx };
  }
  const alias = typeof properties.watchlistAlias === 'string' ? properties.watchlistAlias : resourceNameTail(resource.name, ref);
  const label = JSON.stringify(alias ?? properties.displayName ?? 'a watchlist');
  const resolved = resolveSimpleReferences(properties, ref, ctx, `watchlist ${label}`);
  if (reportExpressions(resolved, ctx, `watchlist ${label}`)) return { ctx };
  const bag = unescapeArmLiterals(resolved);
  if (!alias) {
    ctx.report('IMPORT_MISSING_PROPERTY', 'error', undefined, `watchlist ${label}: its alias is only known at deployment (${String(resource.name)})`, { hint: 'write the alias literally in the resource name or in properties.watchlistAlias' });
    return { ctx };
  }
  if (String(bag.sourceType ?? 'Local').toLowerCase() !== 'local' || typeof bag.rawContent !== 'string') {
    ctx.report('IMPORT_UNSUPPORTED_KIND', 'warning', undefined, `watchlist ${label}: only inline rows (rawContent, sourceType Local) can be imported; skipped`);
    return { ctx };
  }
  if (bag.contentType !== undefined && !/csv/i.test(String(bag.contentType))) {
    ctx.report('IMPORT_UNSUPPORTED_KIND', 'warning', ['contentType'], `watchlist ${label}: content type ${String(bag.contentType)} is not supported (only text/csv); skipped`);
    return { ctx };
  }
  let table;
  try {
    table = parseWatchlistCsv(bag.rawContent, Number(bag.numberOfLinesToSkip ?? 0) || 0);
  } catch (error) {
    if (!(error instanceof CsvParseError)) throw error;
    ctx.report('IMPORT_CSV_SYNTAX', 'error', ['rawContent'], `watchlist ${label}: invalid CSV at line ${error.line} of rawContent: ${error.message}`);
    return { ctx };
  }
  for (const key of Object.keys(bag)) {
    if (key === 'defaultDuration') ctx.report('IMPORT_DROPPED_PROPERTY', 'warning', [key], 'defaultDuration (item expiry) is not supported yet; not carried over', { key: true });
    else if (!CONSUMED.includes(key) && !SERVICE_SET.includes(key)) ctx.unknownProperty([key]);
  }
  ctx.trackAbsolute(['alias'], typeof properties.watchlistAlias === 'string' ? [...at, 'properties', 'watchlistAlias'] : [...at, 'name']);
  for (const [model, source] of [['displayName', 'displayName'], ['description', 'description'], ['searchKey', 'itemsSearchKey'], ['provider', 'provider'], ['labels', 'labels'], ['columns', 'rawContent']]) {
    ctx.track([model], [source]);
  }
  const item = convertWatchlist(
    {
      alias,
      displayName: String(bag.displayName ?? alias),
      description: typeof bag.description === 'string' ? bag.description : '',
      searchKey: String(bag.itemsSearchKey ?? table.header[0] ?? ''),
      provider: typeof bag.provider === 'string' ? bag.provider : undefined,
      labels: isStringArray(bag.labels) ? bag.labels : undefined,
    },
    table,
    ctx,
  );
  return { item, ctx };
}
