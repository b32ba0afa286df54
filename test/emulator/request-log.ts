/** What the emulator saw: a log of requests and counters that tests and benchmarks read and reset. */
import { RESOURCE_TYPES, type ResourceTypeName } from './router';
import { operationClass, type OperationClass } from './token-bucket';

export type FaultKind = 'injected-status' | 'arm-throttle' | 'connection-reset';

export interface RequestLogEntry {
  readonly seq: number;
  readonly method: string;
  /** Path and query as received. */
  readonly path: string;
  /** HTTP status sent; 0 when the connection was reset instead. */
  readonly status: number;
  /** Epoch milliseconds when the request arrived. */
  readonly startedAt: number;
  readonly durationMs: number;
  readonly resourceType?: ResourceTypeName;
  readonly fault?: FaultKind;
}

export type OperationCounts = Record<OperationClass, number>;

export interface EmulatorStats extends OperationCounts {
  /** Every request received, faulted or not. */
  readonly total: number;
  /** Requests that reached a resource handler, by resource type (reads/writes/deletes at top level sum these). */
  readonly byResourceType: Readonly<Record<ResourceTypeName, OperationCounts>>;
  readonly armThrottled: number;
  readonly injectedStatus: number;
  readonly connectionResets: number;
}

const zero = (): OperationCounts => ({ reads: 0, writes: 0, deletes: 0 });

export class RequestRecorder {
  private entries: RequestLogEntry[] = [];
  private counts = this.freshCounts();

  constructor(
    private readonly limit = 10_000,
    private readonly onRecord?: (entry: RequestLogEntry) => void,
  ) {}

  record(entry: RequestLogEntry, handled: boolean): void {
    this.onRecord?.(entry);
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.counts.total += 1;
    if (entry.fault === 'arm-throttle') this.counts.armThrottled += 1;
    if (entry.fault === 'injected-status') this.counts.injectedStatus += 1;
    if (entry.fault === 'connection-reset') this.counts.connectionResets += 1;
    if (handled && entry.resourceType) this.counts.byResourceType[entry.resourceType][operationClass(entry.method)] += 1;
  }

  log(): RequestLogEntry[] {
    return [...this.entries];
  }

  stats(): EmulatorStats {
    const byResourceType = Object.fromEntries(RESOURCE_TYPES.map((t) => [t, { ...this.counts.byResourceType[t] }])) as Record<ResourceTypeName, OperationCounts>;
    const sum = (c: OperationClass): number => RESOURCE_TYPES.reduce((n, t) => n + byResourceType[t][c], 0);
    const { total, armThrottled, injectedStatus, connectionResets } = this.counts;
    return { total, reads: sum('reads'), writes: sum('writes'), deletes: sum('deletes'), byResourceType, armThrottled, injectedStatus, connectionResets };
  }

  reset(): void {
    this.entries = [];
    this.counts = this.freshCounts();
  }

  private freshCounts() {
    return {
      total: 0,
      armThrottled: 0,
      injectedStatus: 0,
      connectionResets: 0,
      byResourceType: Object.fromEntries(RESOURCE_TYPES.map((t) => [t, zero()])) as Record<ResourceTypeName, OperationCounts>,
    };
  }
}
