/** The emulator's public surface for tests, benchmarks and the end-to-end suite. */
export { startEmulator, DEFAULT_LIMITS, type EmulatorOptions, type RunningEmulator } from './server';
export { FaultControls, type RequestMatcher, type RequestInfo, type ThrottleBurstOptions, type StatusFaultOptions, type RequestHook } from './faults';
export { EmulatorStore, type ResourceBody, type Actor, type StoreListFilter } from './store/emulator-store';
export { ids, resourceId, parseResourceId, ARM_RESOURCE_TYPE } from './store/resource-ids';
export type { EmulatorStats, OperationCounts, RequestLogEntry, FaultKind } from './request-log';
export type { ResourceTypeName, WorkspaceScope } from './router';
export { ARM_THROTTLE_DEFAULTS, type ArmThrottleConfig, type TokenBucketSettings } from './token-bucket';
export type { EmulatorLimits } from './handlers/handler-context';
