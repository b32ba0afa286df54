/** Real SDK clients wired to a running emulator, and sample bodies, for the emulator's tests. */
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { type NrtAlertRule, type ScheduledAlertRule, SecurityInsights } from '@azure/arm-securityinsight';
import { type ArmRetryOptions, armClientOptions, staticTokenCredential } from '../../src/deploy/arm-endpoint';
import type { RunningEmulator } from './server';
import type { WorkspaceScope } from './router';

export const SCOPE: WorkspaceScope = { subscriptionId: '7d9a2c1e-0000-4000-8000-000000000001', resourceGroup: 'rg-sentinel', workspace: 'law-sentinel' };

/** Small delays so retry tests stay fast. */
export const FAST_RETRY: ArmRetryOptions = { maxRetries: 3, retryDelayInMs: 20, maxRetryDelayInMs: 100 };

export function sdkClients(emulator: RunningEmulator, retryOptions: ArmRetryOptions = FAST_RETRY, subscriptionId = SCOPE.subscriptionId) {
  const credential = staticTokenCredential('emulator-test-token');
  return {
    sentinel: new SecurityInsights(credential, subscriptionId, armClientOptions(emulator.url, credential, { retryOptions })),
    logAnalytics: new OperationalInsightsManagementClient(credential, subscriptionId, armClientOptions(emulator.url, credential, { retryOptions })),
  };
}

export function scheduledRule(overrides: Partial<ScheduledAlertRule> = {}): ScheduledAlertRule {
  return {
    kind: 'Scheduled',
    displayName: 'Federated credential added to a managed identity',
    description: 'A FIC on a UAMI outlives password resets.',
    enabled: true,
    severity: 'High',
    query: 'AuditLogs | where OperationName == "Add federated identity credential"',
    queryFrequency: 'PT1H',
    queryPeriod: 'PT1H',
    triggerOperator: 'GreaterThan',
    triggerThreshold: 0,
    suppressionEnabled: false,
    suppressionDuration: 'PT5H',
    tactics: ['Persistence'],
    ...overrides,
  };
}

export function nrtRule(overrides: Partial<NrtAlertRule> = {}): NrtAlertRule {
  return {
    kind: 'NRT',
    displayName: 'NRT: token used from a new IP',
    enabled: true,
    severity: 'Medium',
    query: 'AADManagedIdentitySignInLogs | take 1',
    suppressionEnabled: false,
    suppressionDuration: 'PT5H',
    ...overrides,
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Runs `call` and returns the error it rejects with (fails the test if it resolves). */
export async function rejection(call: Promise<unknown>): Promise<{ statusCode?: number; code?: string; message: string }> {
  try {
    await call;
  } catch (e) {
    return e as { statusCode?: number; code?: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Collects the HTTP status of each response an SDK call gets (pass as `onResponse`). */
export function statusRecorder(): { statuses: number[]; onResponse: (raw: { status: number }) => void } {
  const statuses: number[] = [];
  return { statuses, onResponse: (raw) => statuses.push(raw.status) };
}
