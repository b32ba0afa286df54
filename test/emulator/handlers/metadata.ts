/**
 * Microsoft.SecurityInsights/metadata: Sentinel's record of where a content item came from
 * (source kind SourceRepository for content deployed from a repository). The list takes
 * $filter, $orderby, $top and $skip; PATCH merges the given properties into the stored ones.
 */
import { badRequest, methodNotAllowed, notFound } from '../cloud-error';
import { clone, type ResourceBody } from '../store/emulator-store';
import { checkSentinelEtag } from './conditional-write';
import { type HandlerContext, type HandlerResult, objectBody } from './handler-context';
import { parseFilter, parseOrderBy } from './odata-query';
import { listPage } from './paging';

function nonNegativeInt(ctx: HandlerContext, name: string, min: number): number | undefined {
  const raw = ctx.query.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw badRequest(`The query parameter ${name} must be an integer >= ${min} (got '${raw}').`);
  return Number(raw);
}

function listMetadata(ctx: HandlerContext, all: ResourceBody[]): HandlerResult {
  const filter = ctx.query.get('$filter');
  const orderBy = ctx.query.get('$orderby');
  const skip = nonNegativeInt(ctx, '$skip', 0) ?? 0;
  const top = nonNegativeInt(ctx, '$top', 1);
  let items = filter ? all.filter(parseFilter(filter)) : all;
  if (orderBy) items = [...items].sort(parseOrderBy(orderBy));
  items = items.slice(skip, top === undefined ? undefined : skip + top);
  return { status: 200, body: listPage(ctx, items) };
}

/** RFC 7386 merge: objects merge recursively, null removes, anything else replaces. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

export function handleMetadata(ctx: HandlerContext): HandlerResult {
  const { route, store } = ctx;
  const items = store.collection('metadata', route.scope);
  if (route.name === undefined) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method, route.armType);
    return listMetadata(ctx, [...items.values()]);
  }
  const existing = items.get(route.name.toLowerCase());
  const what = `metadata '${route.name}'`;
  switch (ctx.method) {
    case 'GET':
      if (!existing) throw notFound(`Metadata '${route.name}'`);
      return { status: 200, body: clone(existing) };
    case 'PUT': {
      const body = objectBody(ctx);
      checkSentinelEtag(body, existing, what);
      return { status: existing ? 200 : 201, body: store.write('metadata', route.scope, route.name, { properties: body.properties }) };
    }
    case 'PATCH': {
      if (!existing) throw notFound(`Metadata '${route.name}'`);
      const body = objectBody(ctx);
      checkSentinelEtag(body, existing, what);
      const properties = mergePatch(existing.properties, body.properties ?? {});
      return { status: 200, body: store.write('metadata', route.scope, route.name, { properties }) };
    }
    case 'DELETE':
      return { status: store.remove('metadata', route.scope, route.name) ? 200 : 204 };
    default:
      throw methodNotAllowed(ctx.method, route.armType);
  }
}
