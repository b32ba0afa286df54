/**
 * ARM's request throttling since 2024: a token bucket per subscription (per region and principal
 * in Azure; one region and one principal here) for each of reads, writes and deletes. A request
 * takes a token; an empty bucket answers 429 with Retry-After until a token has refilled.
 */

export interface TokenBucketSettings {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export type OperationClass = 'reads' | 'writes' | 'deletes';

export type ArmThrottleConfig = Readonly<Record<OperationClass, TokenBucketSettings>>;

/** The limits ARM documents (request-limits-and-throttling). */
export const ARM_THROTTLE_DEFAULTS: ArmThrottleConfig = {
  writes: { capacity: 200, refillPerSecond: 10 },
  deletes: { capacity: 200, refillPerSecond: 10 },
  reads: { capacity: 250, refillPerSecond: 25 },
};

export type TakeResult = { readonly ok: true; readonly remaining: number } | { readonly ok: false; readonly remaining: 0; readonly retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly settings: TokenBucketSettings,
    private readonly nowMs: () => number = () => performance.now(),
  ) {
    if (!(settings.capacity >= 1) || !(settings.refillPerSecond > 0)) {
      throw new Error(`Token bucket needs capacity >= 1 and refillPerSecond > 0 (got ${settings.capacity}, ${settings.refillPerSecond})`);
    }
    this.tokens = settings.capacity;
    this.last = nowMs();
  }

  take(): TakeResult {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true, remaining: Math.floor(this.tokens) };
    }
    // Retry-After is in whole seconds, as ARM sends it.
    return { ok: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.settings.refillPerSecond)) };
  }

  remaining(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  private refill(): void {
    const now = this.nowMs();
    this.tokens = Math.min(this.settings.capacity, this.tokens + ((now - this.last) / 1000) * this.settings.refillPerSecond);
    this.last = now;
  }
}

export function operationClass(method: string): OperationClass {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD') return 'reads';
  if (m === 'DELETE') return 'deletes';
  return 'writes';
}

/** One set of three buckets per subscription. */
export class ArmThrottle {
  private readonly buckets = new Map<string, Record<OperationClass, TokenBucket>>();

  constructor(
    readonly config: ArmThrottleConfig = ARM_THROTTLE_DEFAULTS,
    private readonly nowMs: () => number = () => performance.now(),
  ) {}

  take(subscriptionId: string, method: string): TakeResult & { readonly operation: OperationClass } {
    const key = subscriptionId.toLowerCase();
    let set = this.buckets.get(key);
    if (!set) {
      set = {
        reads: new TokenBucket(this.config.reads, this.nowMs),
        writes: new TokenBucket(this.config.writes, this.nowMs),
        deletes: new TokenBucket(this.config.deletes, this.nowMs),
      };
      this.buckets.set(key, set);
    }
    const operation = operationClass(method);
    return { ...set[operation].take(), operation };
  }
}
