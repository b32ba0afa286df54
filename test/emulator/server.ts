/**
 * A local stand-in for management.azure.com, for the Sentinel and saved-search calls a deploy
 * makes. The real SDKs talk to it over HTTP on 127.0.0.1 (see src/deploy/arm-endpoint.ts).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { ApiError } from './cloud-error';
import { dispatch } from './dispatch';
import { FaultControls } from './faults';
import type { EmulatorLimits } from './handlers/handler-context';
import { RequestValidator } from './openapi/request-validator';
import { referenceDir } from './reference-dir';
import { type EmulatorStats, type FaultKind, RequestRecorder, type RequestLogEntry } from './request-log';
import { matchRoute, type RouteMatch } from './router';
import { EmulatorStore } from './store/emulator-store';
import { ids } from './store/resource-ids';
import type { ArmThrottleConfig, TokenBucketSettings } from './token-bucket';

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Folder holding `api/*.json`; default SENTINEL_CAC_REFERENCE_DIR or ../shared/reference. */
  readonly referenceDir?: string;
  /** Items per list page before a nextLink (default 50, small so tests exercise paging). */
  readonly pageSize?: number;
  /** Fixed delay added to every request, in ms (default 0). */
  readonly latencyMs?: number;
  /** ARM token-bucket throttling: true for ARM's limits, or bucket overrides; off by default. */
  readonly throttle?: boolean | Partial<Record<keyof ArmThrottleConfig, Partial<TokenBucketSettings>>>;
  /** Reject requests without `Authorization: Bearer <token>` with 401, as ARM does (default true). */
  readonly requireAuthorization?: boolean;
  readonly limits?: Partial<EmulatorLimits>;
  /** Entries kept in the request log (default 10,000; oldest dropped first). */
  readonly requestLogLimit?: number;
  /** Called with each log entry as it is recorded (the CLI prints them). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: pass it to armClientOptions as the endpoint. */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultControls;
  readonly store: EmulatorStore;
  /** Builders for the ARM ids of emulated resources. */
  readonly ids: typeof ids;
  /** A snapshot of the counters. */
  readonly stats: EmulatorStats;
  /** A copy of the request log, oldest first. */
  readonly requestLog: RequestLogEntry[];
  resetStats(): void;
  close(): Promise<void>;
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  watchlistRawContentMaxBytes: Math.floor(3.8 * 1024 * 1024),
  watchlistContentOnUpdate: 'upsert',
};

const MAX_BODY_BYTES = 32 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES ? reject(new ApiError(413, 'RequestEntityTooLarge', `The request body is ${size} bytes; the emulator accepts at most ${MAX_BODY_BYTES}.`)) : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(payload)),
    'x-ms-request-id': randomUUID(),
  });
  res.end(payload);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const validator = RequestValidator.load(referenceDir(options.referenceDir));
  const store = new EmulatorStore();
  const faults = new FaultControls();
  const recorder = new RequestRecorder(options.requestLogLimit, options.onRequest);
  const limits: EmulatorLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const pageSize = options.pageSize ?? 50;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`pageSize must be a positive integer (got ${options.pageSize})`);
  if (options.latencyMs) faults.setLatency(options.latencyMs);
  if (options.throttle) faults.enableArmThrottling(options.throttle === true ? {} : options.throttle);
  const requireAuthorization = options.requireAuthorization ?? true;
  let seq = 0;
  let baseUrl = '';

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const info = { method, path: `${url.pathname}${url.search}` };
    let route: RouteMatch | undefined;
    let handled = false;
    let fault: FaultKind | undefined;
    const headers: Record<string, string> = {};
    const finish = (status: number): void => {
      recorder.record(
        { seq: ++seq, method, path: info.path, status, startedAt, durationMs: Date.now() - startedAt, ...(route && { resourceType: route.resourceType }), ...(fault && { fault }) },
        handled,
      );
    };
    try {
      const rawBody = await readBody(req);
      await faults.runHooks(info);
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      if (faults.takeConnectionReset(info)) {
        fault = 'connection-reset';
        req.socket.destroy();
        finish(0);
        return;
      }
      const injected = faults.takeStatusFault(info);
      if (injected) {
        fault = 'injected-status';
        throw injected;
      }
      route = matchRoute(url.pathname);
      if (!route) throw new ApiError(404, 'InvalidResourceType', `The emulator does not serve the path '${url.pathname}'.`);
      if (requireAuthorization && !/^Bearer \S+/i.test(req.headers.authorization ?? '')) {
        throw new ApiError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing or is not a Bearer token.");
      }
      const bucket = faults.armThrottle?.take(route.scope.subscriptionId, method);
      if (bucket) {
        headers[`x-ms-ratelimit-remaining-subscription-${bucket.operation}`] = String(bucket.remaining);
        if (!bucket.ok) {
          fault = 'arm-throttle';
          throw new ApiError(
            429,
            'SubscriptionRequestsThrottled',
            `Number of '${bucket.operation}' requests for subscription '${route.scope.subscriptionId}' exceeded. Please try again after '${bucket.retryAfterSeconds}' seconds after additional tokens are available.`,
            { 'retry-after': String(bucket.retryAfterSeconds) },
          );
        }
      }
      handled = true;
      const result = dispatch({ method, route, url, rawBody }, { store, validator, baseUrl, pageSize, limits });
      send(res, result.status, result.body, { ...headers, ...result.headers });
      finish(result.status);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(500, 'InternalServerError', `Emulator error: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) send(res, error.status, error.body(), { ...headers, ...error.headers });
      finish(error.status);
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    port,
    faults,
    store,
    ids,
    get stats() {
      return recorder.stats();
    },
    get requestLog() {
      return recorder.log();
    },
    resetStats: () => recorder.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
