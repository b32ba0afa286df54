/** What a resource handler gets and returns. Handlers are synchronous and never touch HTTP. */
import type { RouteMatch } from '../router';
import type { EmulatorStore } from '../store/emulator-store';

export interface EmulatorLimits {
  /** Inline watchlist rawContent above this many UTF-8 bytes is rejected (Azure: 3.8 MB). */
  readonly watchlistRawContentMaxBytes: number;
  /** A re-PUT of a watchlist with rawContent: 'upsert' keeps items whose search key is absent; 'replace' drops them. */
  readonly watchlistContentOnUpdate: 'upsert' | 'replace';
}

export interface HandlerContext {
  readonly method: string;
  readonly route: RouteMatch;
  /** The parsed JSON body, undefined when there was none. */
  readonly body: unknown;
  readonly query: URLSearchParams;
  readonly apiVersion: string;
  readonly store: EmulatorStore;
  /** `http://127.0.0.1:port`: nextLinks are absolute, as Azure's are. */
  readonly baseUrl: string;
  readonly pathname: string;
  readonly pageSize: number;
  readonly limits: EmulatorLimits;
}

export interface HandlerResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type ResourceHandler = (ctx: HandlerContext) => HandlerResult;

/** The JSON object body of a PUT/PATCH (validation has already ensured it is an object). */
export function objectBody(ctx: HandlerContext): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return (ctx.body ?? {}) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
