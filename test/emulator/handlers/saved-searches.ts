/**
 * Microsoft.OperationalInsights/workspaces/savedSearches (api-version 2020-08-01), where Sentinel
 * keeps hunting queries. Unlike Sentinel: PUT answers 200 on create too, DELETE answers 200 even
 * for a search that does not exist, the list has no paging, and updates need the current etag or
 * "*" (see conditional-write.ts).
 */
import { methodNotAllowed, notFound } from '../cloud-error';
import { clone } from '../store/emulator-store';
import { checkSavedSearchEtag } from './conditional-write';
import { type HandlerContext, type HandlerResult, objectBody } from './handler-context';

export function handleSavedSearches(ctx: HandlerContext): HandlerResult {
  const { route, store } = ctx;
  const searches = store.collection('savedSearches', route.scope);
  if (route.name === undefined) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method, route.armType);
    return { status: 200, body: { value: [...searches.values()].map(clone) } };
  }
  const existing = searches.get(route.name.toLowerCase());
  switch (ctx.method) {
    case 'GET':
      if (!existing) throw notFound(`Saved search '${route.name}'`);
      return { status: 200, body: clone(existing) };
    case 'PUT': {
      const body = objectBody(ctx);
      checkSavedSearchEtag(body, existing);
      return { status: 200, body: store.write('savedSearches', route.scope, route.name, { properties: body.properties }) };
    }
    case 'DELETE':
      store.remove('savedSearches', route.scope, route.name);
      return { status: 200 };
    default:
      throw methodNotAllowed(ctx.method, route.armType);
  }
}
