/**
 * List paging. Every page but the last carries a `nextLink`: an absolute URL that repeats the
 * request's query (api-version included, since the SDK follows nextLink verbatim) plus a
 * `$skipToken` saying where the next page starts.
 */
import { badRequest } from '../cloud-error';
import { clone, type ResourceBody } from '../store/emulator-store';
import type { HandlerContext } from './handler-context';

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodeToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw badRequest(`The $skipToken '${token}' is not valid. Use the nextLink of the previous page as it is.`);
}

/** One page of `items` (already filtered and ordered; only the page is copied) for the request in `ctx`. */
export function listPage(ctx: HandlerContext, items: readonly ResourceBody[], pageSize = ctx.pageSize): { value: ResourceBody[]; nextLink?: string } {
  const token = ctx.query.get('$skipToken');
  const offset = token ? decodeToken(token) : 0;
  const value = items.slice(offset, offset + pageSize).map(clone);
  if (offset + pageSize >= items.length) return { value };
  const params: string[] = [];
  for (const [k, v] of ctx.query) if (k !== '$skipToken') params.push(`${k}=${encodeURIComponent(v)}`);
  params.push(`$skipToken=${encodeToken(offset + pageSize)}`);
  return { value, nextLink: `${ctx.baseUrl}${ctx.pathname}?${params.join('&')}` };
}
