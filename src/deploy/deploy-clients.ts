/**
 * The two management clients a deploy uses, pointed at the ARM endpoint, signed in, and fitted
 * with the pacing, throttling-retry and debug policies.
 */
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { SecurityInsights } from '@azure/arm-securityinsight';
import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import { type ArmRetryOptions, armClientOptions, staticTokenCredential } from './arm-endpoint';
import { budgetPolicy, debugLogPolicy, type ThrottleRetryOptions, throttleRetryPolicy } from './arm-policies';
import type { DeployClients } from './live-state';
import { RequestBudget } from './request-budget';

export const DEFAULT_ARM_ENDPOINT = 'https://management.azure.com';
export const TOKEN_ENV = 'SENTINEL_CAC_ACCESS_TOKEN';
export const ENDPOINT_ENV = 'SENTINEL_CAC_ARM_ENDPOINT';

export interface ClientSettings {
  readonly endpoint: string;
  readonly credential: TokenCredential;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** The SDK's retries of 5xx, 408, honoured 429s and dropped connections. */
  readonly retryOptions?: ArmRetryOptions;
  readonly throttleRetry?: ThrottleRetryOptions;
  /** Shared by every client of one run, so all workspaces of a subscription draw on one budget. */
  readonly budget?: RequestBudget;
  readonly debug?: (line: string) => void;
}

/** SENTINEL_CAC_ACCESS_TOKEN when set, else DefaultAzureCredential (workload identity, managed identity, Azure CLI, ...). */
export function credentialFromEnvironment(env: NodeJS.ProcessEnv = process.env): { credential: TokenCredential; source: string } {
  const token = env[TOKEN_ENV];
  if (token !== undefined && token.trim() !== '') return { credential: staticTokenCredential(token), source: TOKEN_ENV };
  return { credential: new DefaultAzureCredential(), source: 'DefaultAzureCredential' };
}

export function createDeployClients(subscriptionId: string, settings: ClientSettings): DeployClients & { readonly budget: RequestBudget } {
  const budget = settings.budget ?? new RequestBudget(settings.concurrency ?? 8);
  const options = () => {
    const base = armClientOptions(settings.endpoint, settings.credential, { retryOptions: settings.retryOptions });
    const additionalPolicies = [
      { policy: throttleRetryPolicy(settings.throttleRetry), position: 'perCall' as const },
      { policy: budgetPolicy(budget, settings.throttleRetry?.baseDelayMs), position: 'perRetry' as const },
      ...(settings.debug ? [{ policy: debugLogPolicy(settings.debug), position: 'perRetry' as const }] : []),
    ];
    return { ...base, additionalPolicies };
  };
  return {
    sentinel: new SecurityInsights(settings.credential, subscriptionId, options()),
    logAnalytics: new OperationalInsightsManagementClient(settings.credential, subscriptionId, options()),
    budget,
  };
}
