/**
 * From a routed request to a handler result: the checks ARM and the resource provider make
 * before touching state (api-version, JSON body, OpenAPI validation), then the resource handler.
 */
import { checkApiVersion } from './api-version';
import { ApiError, badRequest } from './cloud-error';
import { handleAlertRules } from './handlers/alert-rules';
import type { EmulatorLimits, HandlerResult, ResourceHandler } from './handlers/handler-context';
import { handleMetadata } from './handlers/metadata';
import { handleSavedSearches } from './handlers/saved-searches';
import { handleTables } from './handlers/tables';
import { handleWatchlistItems } from './handlers/watchlist-items';
import { handleWatchlists } from './handlers/watchlists';
import type { RequestValidator } from './openapi/request-validator';
import type { ResourceTypeName, RouteMatch } from './router';
import type { EmulatorStore } from './store/emulator-store';

const HANDLERS: Record<ResourceTypeName, ResourceHandler> = {
  alertRules: handleAlertRules,
  watchlists: handleWatchlists,
  watchlistItems: handleWatchlistItems,
  metadata: handleMetadata,
  savedSearches: handleSavedSearches,
  tables: handleTables,
};

export interface DispatchInput {
  readonly method: string;
  readonly route: RouteMatch;
  readonly url: URL;
  readonly rawBody: string;
}

export interface DispatchEnvironment {
  readonly store: EmulatorStore;
  readonly validator: RequestValidator;
  readonly baseUrl: string;
  readonly pageSize: number;
  readonly limits: EmulatorLimits;
}

function parseJsonBody(method: string, raw: string): unknown {
  if (raw.trim() === '') {
    if (method === 'PUT' || method === 'PATCH') throw new ApiError(400, 'InvalidRequestContent', `The request content was invalid: a ${method} needs a JSON body.`);
    return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new ApiError(400, 'InvalidRequestContent', `The request content was invalid and could not be deserialized: ${(e as Error).message}`);
  }
}

export function dispatch(input: DispatchInput, env: DispatchEnvironment): HandlerResult {
  const { method, route, url } = input;
  const apiVersion = checkApiVersion(route.family, url.searchParams.get('api-version'), env.validator.supportedApiVersions(route.family, route.resourceType), route.armType);
  const body = parseJsonBody(method, input.rawBody);
  if (body !== undefined && env.validator.hasBodySchema(route.family, apiVersion, method, route.template)) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Invalid data model. [: the request body must be a JSON object]');
    const problem = env.validator.validateBody(route.family, apiVersion, method, route.template, body);
    if (problem) throw badRequest(problem);
  }
  return HANDLERS[route.resourceType]({
    method,
    route,
    body,
    query: url.searchParams,
    apiVersion,
    store: env.store,
    baseUrl: env.baseUrl,
    pathname: url.pathname,
    pageSize: env.pageSize,
    limits: env.limits,
  });
}
