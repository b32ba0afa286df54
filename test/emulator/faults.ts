/**
 * Fault injection: what can go wrong between a deploy and Azure, on demand.
 *
 * Rules are checked in this order for each request: hooks (e.g. a portal edit just before it),
 * added latency, connection resets, injected status codes, then ARM's token-bucket throttling.
 * Every rule takes an optional matcher so a test can aim it at, say, only PUTs of alert rules.
 */
import { ApiError } from './cloud-error';
import { ARM_THROTTLE_DEFAULTS, ArmThrottle, type ArmThrottleConfig, type TokenBucketSettings } from './token-bucket';

export interface RequestMatcher {
  /** One method or several (case-insensitive); any when omitted. */
  readonly method?: string | readonly string[];
  /** Substring of the path (case-insensitive) or a RegExp tested against it; any when omitted. */
  readonly path?: string | RegExp;
}

export interface RequestInfo {
  readonly method: string;
  /** Path and query, as received. */
  readonly path: string;
}

export interface ThrottleBurstOptions {
  readonly match?: RequestMatcher;
  /** Sent as `Retry-After` (seconds). */
  readonly retryAfterSeconds?: number;
  /** Sent as `retry-after-ms` and `x-ms-retry-after-ms`, which the SDK also honours; handy for fast tests. */
  readonly retryAfterMs?: number;
}

export interface StatusFaultOptions {
  readonly status?: number;
  readonly match?: RequestMatcher;
  readonly retryAfterSeconds?: number;
}

export type RequestHook = (request: RequestInfo) => void | Promise<void>;

type StatusRule = { readonly match?: RequestMatcher; readonly status: number; readonly headers: Record<string, string>; remaining?: number; everyNth?: number; seen: number };
type CountedRule = { readonly match?: RequestMatcher; remaining: number };
type HookRule = CountedRule & { readonly hook: RequestHook };

const CODES: Record<number, string> = { 429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout' };

export function matches(matcher: RequestMatcher | undefined, request: RequestInfo): boolean {
  if (!matcher) return true;
  if (matcher.method !== undefined) {
    const methods = (typeof matcher.method === 'string' ? [matcher.method] : matcher.method).map((m) => m.toUpperCase());
    if (!methods.includes(request.method.toUpperCase())) return false;
  }
  if (matcher.path instanceof RegExp) return matcher.path.test(request.path);
  if (typeof matcher.path === 'string') return request.path.toLowerCase().includes(matcher.path.toLowerCase());
  return true;
}

function positiveInt(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${what} must be a positive integer (got ${value})`);
  return value;
}

export class FaultControls {
  private latency = 0;
  private statusRules: StatusRule[] = [];
  private resetRules: CountedRule[] = [];
  private hooks: HookRule[] = [];
  private throttle: ArmThrottle | undefined;

  /** Adds `ms` of delay before every request is answered. */
  setLatency(ms: number): void {
    if (!(ms >= 0)) throw new Error(`Latency must be >= 0 ms (got ${ms})`);
    this.latency = ms;
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** The next `count` matching requests get 429, with Retry-After only if asked for. */
  throttleNext(count: number, options: ThrottleBurstOptions = {}): void {
    const headers: Record<string, string> = {};
    if (options.retryAfterSeconds !== undefined) headers['retry-after'] = String(options.retryAfterSeconds);
    if (options.retryAfterMs !== undefined) {
      headers['retry-after-ms'] = String(options.retryAfterMs);
      headers['x-ms-retry-after-ms'] = String(options.retryAfterMs);
    }
    this.statusRules.push({ match: options.match, status: 429, headers, remaining: positiveInt(count, 'count'), seen: 0 });
  }

  /** The next `count` matching requests fail with `status` (default 503). */
  failNext(count: number, options: StatusFaultOptions = {}): void {
    this.statusRules.push({ match: options.match, status: options.status ?? 503, headers: retryAfter(options), remaining: positiveInt(count, 'count'), seen: 0 });
  }

  /** Every `n`th matching request (the nth, 2nth, ...) fails with `status` (default 500), until cleared. */
  failEveryNth(n: number, options: StatusFaultOptions = {}): void {
    this.statusRules.push({ match: options.match, status: options.status ?? 500, headers: retryAfter(options), everyNth: positiveInt(n, 'n'), seen: 0 });
  }

  /** The next `count` matching requests have their connection destroyed after the request was read. */
  resetConnectionNext(count: number, match?: RequestMatcher): void {
    this.resetRules.push({ match, remaining: positiveInt(count, 'count') });
  }

  /**
   * Runs `hook` just before the next `times` matching requests are handled: e.g. a portal edit
   * (`store.portalEdit(id)`) between a deploy's read and its write.
   */
  beforeNext(match: RequestMatcher | undefined, hook: RequestHook, times = 1): void {
    this.hooks.push({ match, hook, remaining: positiveInt(times, 'times') });
  }

  /** Turns on ARM's token buckets (ARM's limits unless overridden); resets them if already on. */
  enableArmThrottling(config: Partial<Record<keyof ArmThrottleConfig, Partial<TokenBucketSettings>>> = {}): void {
    const merged = Object.fromEntries(
      (Object.keys(ARM_THROTTLE_DEFAULTS) as (keyof ArmThrottleConfig)[]).map((k) => [k, { ...ARM_THROTTLE_DEFAULTS[k], ...config[k] }]),
    ) as unknown as ArmThrottleConfig;
    this.throttle = new ArmThrottle(merged);
  }

  disableArmThrottling(): void {
    this.throttle = undefined;
  }

  get armThrottle(): ArmThrottle | undefined {
    return this.throttle;
  }

  /** Removes every rule and hook, sets latency to 0 and turns throttling off. */
  clear(): void {
    this.latency = 0;
    this.statusRules = [];
    this.resetRules = [];
    this.hooks = [];
    this.throttle = undefined;
  }

  /** Whether any one-shot rule or hook is still waiting for its requests. */
  pending(): { statusFaults: number; connectionResets: number; hooks: number } {
    return {
      statusFaults: this.statusRules.reduce((n, r) => n + (r.remaining ?? 0), 0),
      connectionResets: this.resetRules.reduce((n, r) => n + r.remaining, 0),
      hooks: this.hooks.reduce((n, r) => n + r.remaining, 0),
    };
  }

  // ---- used by the server ------------------------------------------------------------------

  async runHooks(request: RequestInfo): Promise<void> {
    for (const rule of this.hooks.filter((h) => h.remaining > 0 && matches(h.match, request))) {
      rule.remaining -= 1;
      await rule.hook(request);
    }
    this.hooks = this.hooks.filter((h) => h.remaining > 0);
  }

  takeConnectionReset(request: RequestInfo): boolean {
    const rule = this.resetRules.find((r) => r.remaining > 0 && matches(r.match, request));
    if (!rule) return false;
    rule.remaining -= 1;
    this.resetRules = this.resetRules.filter((r) => r.remaining > 0);
    return true;
  }

  /** The injected error for this request, if a status rule fires. */
  takeStatusFault(request: RequestInfo): ApiError | undefined {
    let fired: StatusRule | undefined;
    for (const rule of this.statusRules) {
      if (!matches(rule.match, request)) continue;
      rule.seen += 1; // every-Nth rules count every matching request, even one another rule fails
      const fires = rule.everyNth !== undefined ? rule.seen % rule.everyNth === 0 : (rule.remaining ?? 0) > 0;
      if (fires && !fired) fired = rule;
    }
    if (!fired) return undefined;
    if (fired.remaining !== undefined) fired.remaining -= 1;
    this.statusRules = this.statusRules.filter((r) => r.everyNth !== undefined || (r.remaining ?? 0) > 0);
    const code = CODES[fired.status] ?? 'InjectedFault';
    return new ApiError(fired.status, code, `Injected fault: ${fired.status} ${code} for ${request.method} ${request.path}`, { ...fired.headers });
  }
}

function retryAfter(options: StatusFaultOptions): Record<string, string> {
  return options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) };
}
