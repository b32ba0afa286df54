/**
 * Microsoft.SecurityInsights/watchlists (api-version 2022-09-01-preview: plain PUT/DELETE, no
 * long-running operation, which is how SDK beta.6 calls them). A PUT with inline `rawContent`
 * creates the items at once; the content itself is not returned, as Sentinel does not return it.
 */
import { randomUUID } from 'node:crypto';
import { badRequest, methodNotAllowed, notFound } from '../cloud-error';
import { clone } from '../store/emulator-store';
import { checkSentinelEtag } from './conditional-write';
import { type HandlerContext, type HandlerResult, objectBody } from './handler-context';
import { listPage } from './paging';
import { parseWatchlistContent, type WatchlistContent } from './watchlist-csv';
import { applyWatchlistRows, EMULATOR_TENANT_ID, EMULATOR_USER } from './watchlist-items';

/** Sentinel: 3-64 characters, starting and ending with a letter or digit. */
const ALIAS = /^[A-Za-z0-9][A-Za-z0-9_-]{1,62}[A-Za-z0-9]$/;

export function handleWatchlists(ctx: HandlerContext): HandlerResult {
  const { route, store } = ctx;
  const watchlists = store.collection('watchlists', route.scope);
  if (route.name === undefined) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method, route.armType);
    return { status: 200, body: listPage(ctx, [...watchlists.values()]) };
  }
  const alias = route.name;
  const existing = watchlists.get(alias.toLowerCase());
  switch (ctx.method) {
    case 'GET':
      if (!existing) throw notFound(`Watchlist '${alias}'`);
      return { status: 200, body: clone(existing) };
    case 'PUT':
      return putWatchlist(ctx, alias, existing);
    case 'DELETE':
      return { status: store.remove('watchlists', route.scope, alias) ? 200 : 204 };
    default:
      throw methodNotAllowed(ctx.method, route.armType);
  }
}

function putWatchlist(ctx: HandlerContext, alias: string, existing: Record<string, any> | undefined): HandlerResult { // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!ALIAS.test(alias)) {
    throw badRequest(`The watchlist alias '${alias}' is invalid: it must have 3 to 64 characters and start and end with a letter or digit.`);
  }
  const body = objectBody(ctx);
  checkSentinelEtag(body, existing, `watchlist '${alias}'`);
  const { rawContent, ...requested } = body.properties as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let content: WatchlistContent | undefined;
  if (typeof rawContent === 'string' && rawContent !== '') {
    const bytes = Buffer.byteLength(rawContent, 'utf8');
    if (bytes > ctx.limits.watchlistRawContentMaxBytes) {
      throw badRequest(
        `The watchlist rawContent is ${bytes} bytes, over the ${ctx.limits.watchlistRawContentMaxBytes}-byte (3.8 MB) limit for inline content. ` +
          'Create larger watchlists from a file in Azure Storage (SAS URI) instead.',
      );
    }
    content = parseWatchlistContent(rawContent, { contentType: requested.contentType, numberOfLinesToSkip: requested.numberOfLinesToSkip, itemsSearchKey: requested.itemsSearchKey });
  }
  const now = new Date().toISOString();
  const properties = {
    ...requested,
    watchlistId: existing?.properties?.watchlistId ?? randomUUID(),
    watchlistAlias: alias,
    watchlistType: 'watchlist',
    tenantId: EMULATOR_TENANT_ID,
    isDeleted: false,
    numberOfLinesToSkip: requested.numberOfLinesToSkip ?? 0,
    created: existing?.properties?.created ?? now,
    updated: now,
    createdBy: existing?.properties?.createdBy ?? EMULATOR_USER,
    updatedBy: EMULATOR_USER,
    uploadStatus: 'Complete',
  };
  const stored = ctx.store.write('watchlists', ctx.route.scope, alias, { properties });
  if (content) applyWatchlistRows(ctx.store, ctx.route.scope, alias, requested.itemsSearchKey, content.rows, ctx.limits.watchlistContentOnUpdate);
  return { status: existing ? 200 : 201, body: stored };
}
