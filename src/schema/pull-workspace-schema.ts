/**
 * Reads one workspace's schema: every table (Microsoft's and custom, one `workspaces/tables` LIST)
 * and every function (one `savedSearches` LIST), with throttling and server errors retried by the
 * clients' policies as deploy does. Nothing is written here.
 */
import type { SavedSearch, Table } from '@azure/arm-operationalinsights';
import type { DeployClients } from '../deploy/live-state';
import { describeTarget, type WorkspaceTarget } from '../deploy/workspace-target';
import { byName, type WorkspaceSchema, type WorkspaceTable, WORKSPACE_SCHEMA_VERSION } from './workspace-schema';
import { workspaceFunctions } from './workspace-functions';
import { workspaceTableFromArm } from './workspace-table-from-arm';

export interface PulledSchema {
  readonly schema: WorkspaceSchema;
  /** Tables or functions left out or recorded approximately, and KQL errors in function bodies. */
  readonly warnings: readonly string[];
}

/** Reading the workspace failed after the retries; the message names the workspace and what to do. */
export class WorkspaceReadError extends Error {}

export async function pullWorkspaceSchema(clients: Pick<DeployClients, 'logAnalytics'>, target: WorkspaceTarget, environment: string | undefined): Promise<PulledSchema> {
  const { tables, searches } = await readWorkspace(clients, target);
  const warnings: string[] = [];
  const warn = (message: string): void => void warnings.push(message);
  const workspaceTables = uniqueTables(tables.map((t) => workspaceTableFromArm(t, warn)).filter((t): t is WorkspaceTable => t !== undefined), warn);
  const functions = workspaceFunctions(searches, workspaceTables, warn);
  const source = { ...(environment !== undefined && { environment }), subscriptionId: target.subscriptionId, resourceGroup: target.resourceGroup, workspace: target.workspace };
  return { schema: { schemaVersion: WORKSPACE_SCHEMA_VERSION, source, tables: workspaceTables, functions }, warnings };
}

async function readWorkspace(clients: Pick<DeployClients, 'logAnalytics'>, t: WorkspaceTarget): Promise<{ tables: Table[]; searches: SavedSearch[] }> {
  try {
    const [tables, searches] = await Promise.all([
      collect(clients.logAnalytics.tables.listByWorkspace(t.resourceGroup, t.workspace)),
      clients.logAnalytics.savedSearches.listByWorkspace(t.resourceGroup, t.workspace).then((r) => r.value ?? []),
    ]);
    return { tables, searches };
  } catch (error) {
    throw new WorkspaceReadError(describeReadFailure(t, error));
  }
}

function describeReadFailure(t: WorkspaceTarget, error: unknown): string {
  const e = error as { statusCode?: number; code?: string; message?: string };
  const subject = `cannot read the schema of workspace ${describeTarget(t)}`;
  const detail = (e?.message ?? String(error)).replace(/Bearer\s+\S+/gi, 'Bearer REDACTED');
  switch (e?.statusCode) {
    case undefined:
      return `${subject}: ${e?.code ? `${e.code}: ` : ''}${detail}`;
    case 401:
      return `${subject}: not signed in (401): ${detail}`;
    case 403:
      return `${subject}: permission denied (403); the identity needs Log Analytics Reader on the workspace. Service said: ${detail}`;
    case 404:
      return `${subject}: not found (404); check the subscription, resource group and workspace names. Service said: ${detail}`;
    case 429:
      return `${subject}: still throttled (429) after every retry; try again later. Service said: ${detail}`;
    default:
      return `${subject}: ${e.statusCode}${e.code ? ` ${e.code}` : ''} after retries: ${detail}`;
  }
}

/** Sorted by name; a name listed twice is kept once (the first), with a warning. */
function uniqueTables(tables: readonly WorkspaceTable[], warn: (message: string) => void): WorkspaceTable[] {
  const seen = new Set<string>();
  const out: WorkspaceTable[] = [];
  for (const table of [...tables].sort(byName)) {
    if (seen.has(table.name)) warn(`table ${table.name} is listed twice; kept the first`);
    else out.push(table);
    seen.add(table.name);
  }
  return out;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
