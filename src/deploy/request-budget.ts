/**
 * Client-side pacing for ARM's throttling: a token bucket per operation class (reads, writes,
 * deletes) shaped like ARM's own (per subscription and principal: writes and deletes 200 with
 * 10/s refill, reads 250 with 25/s), corrected by the `x-ms-ratelimit-remaining-subscription-*`
 * headers ARM returns, and paused for a 429's Retry-After so every worker waits, not only the
 * one that was refused. A semaphore bounds the requests in flight.
 */
export type OperationClass = 'reads' | 'writes' | 'deletes';

export interface BucketShape {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export const ARM_BUDGET: Readonly<Record<OperationClass, BucketShape>> = {
  reads: { capacity: 250, refillPerSecond: 25 },
  writes: { capacity: 200, refillPerSecond: 10 },
  deletes: { capacity: 200, refillPerSecond: 10 },
};

export function operationClassOf(method: string): OperationClass {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD') return 'reads';
  return m === 'DELETE' ? 'deletes' : 'writes';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TokenBucket {
  private tokens: number;
  private updatedAt = Date.now();
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly shape: BucketShape) {
    this.tokens = shape.capacity;
  }

  /** Resolves when a token is available and taken; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** ARM says how many requests remain: never believe we have more. */
  observeRemaining(remaining: number): void {
    this.refill();
    if (Number.isFinite(remaining) && remaining >= 0) this.tokens = Math.min(this.tokens, remaining);
  }

  /** Stop handing out tokens for `ms` (a 429 told us to wait). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.tokens = Math.min(this.tokens, 0);
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.shape.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.shape.refillPerSecond);
    this.updatedAt = now;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) {
        await sleep(pause);
        continue;
      }
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.max(1, Math.ceil(((1 - this.tokens) / this.shape.refillPerSecond) * 1000)));
    }
  }
}

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`concurrency must be a positive integer (got ${limit})`);
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

export class RequestBudget {
  readonly buckets: Record<OperationClass, TokenBucket>;
  readonly inFlight: Semaphore;

  constructor(concurrency: number, shapes: Readonly<Record<OperationClass, BucketShape>> = ARM_BUDGET) {
    this.inFlight = new Semaphore(concurrency);
    this.buckets = { reads: new TokenBucket(shapes.reads), writes: new TokenBucket(shapes.writes), deletes: new TokenBucket(shapes.deletes) };
  }
}
