/**
 * Microsoft.SecurityInsights/watchlists/{alias}/watchlistItems: one row of a watchlist each,
 * named by a GUID. Items made from a watchlist's CSV content are read and written here too.
 */
import { randomUUID } from 'node:crypto';
import { badRequest, methodNotAllowed, notFound } from '../cloud-error';
import type { WorkspaceScope } from '../router';
import { clone, type EmulatorStore, type ResourceBody } from '../store/emulator-store';
import { checkSentinelEtag } from './conditional-write';
import { type HandlerContext, type HandlerResult, objectBody } from './handler-context';
import { listPage } from './paging';

/** The tenant every emulated workspace belongs to. */
export const EMULATOR_TENANT_ID = '72f988bf-0000-4000-8000-00000000e1a7';
/** The user info Sentinel records for changes made through the API in the emulator. */
export const EMULATOR_USER = { objectId: '2b5f5a8e-0000-4000-8000-0000000c11e7' };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Writes one item (new or updated) and returns its stored form. */
export function writeItem(
  store: EmulatorStore,
  scope: WorkspaceScope,
  alias: string,
  itemId: string,
  existing: ResourceBody | undefined,
  values: { itemsKeyValue: Record<string, unknown>; entityMapping?: Record<string, unknown> },
): ResourceBody {
  const now = new Date().toISOString();
  const properties = {
    watchlistItemType: 'watchlist-item',
    watchlistItemId: existing?.properties?.watchlistItemId ?? itemId,
    tenantId: EMULATOR_TENANT_ID,
    isDeleted: false,
    created: existing?.properties?.created ?? now,
    updated: now,
    createdBy: existing?.properties?.createdBy ?? EMULATOR_USER,
    updatedBy: EMULATOR_USER,
    itemsKeyValue: clone(values.itemsKeyValue),
    entityMapping: clone(values.entityMapping ?? {}),
  };
  return store.write('watchlistItems', scope, itemId, { properties }, alias);
}

export function handleWatchlistItems(ctx: HandlerContext): HandlerResult {
  const { route, store } = ctx;
  const alias = route.parentName as string;
  if (!store.collection('watchlists', route.scope).has(alias.toLowerCase())) throw notFound(`Watchlist '${alias}'`);
  const items = store.collection('watchlistItems', route.scope, alias);
  if (route.name === undefined) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method, route.armType);
    return { status: 200, body: listPage(ctx, [...items.values()]) };
  }
  const existing = items.get(route.name.toLowerCase());
  switch (ctx.method) {
    case 'GET':
      if (!existing) throw notFound(`Watchlist item '${route.name}' in watchlist '${alias}'`);
      return { status: 200, body: clone(existing) };
    case 'PUT': {
      if (!GUID.test(route.name)) throw badRequest(`The watchlist item id '${route.name}' is not a GUID.`);
      const body = objectBody(ctx);
      checkSentinelEtag(body, existing, `watchlist item '${route.name}'`);
      const stored = writeItem(store, route.scope, alias, route.name, existing, body.properties);
      return { status: existing ? 200 : 201, body: stored };
    }
    case 'DELETE':
      return { status: store.remove('watchlistItems', route.scope, route.name, alias) ? 200 : 204 };
    default:
      throw methodNotAllowed(ctx.method, route.armType);
  }
}

/** Creates the items for CSV rows; in 'upsert' mode rows whose search key exists update that item. */
export function applyWatchlistRows(
  store: EmulatorStore,
  scope: WorkspaceScope,
  alias: string,
  searchKey: string,
  rows: readonly Record<string, string>[],
  mode: 'upsert' | 'replace',
): void {
  const items = store.collection('watchlistItems', scope, alias);
  // search-key value -> existing items with it, so a large upload stays linear
  const byKey = new Map<string, ResourceBody[]>();
  for (const item of items.values()) {
    const key = String(item.properties?.itemsKeyValue?.[searchKey]);
    const same = byKey.get(key);
    if (same) same.push(item);
    else byKey.set(key, [item]);
  }
  for (const row of rows) {
    const match = byKey.get(row[searchKey])?.shift();
    writeItem(store, scope, alias, match?.name ?? randomUUID(), match, { itemsKeyValue: row });
  }
  if (mode === 'replace') {
    for (const left of byKey.values()) for (const item of left) store.remove('watchlistItems', scope, item.name, alias);
  }
}
