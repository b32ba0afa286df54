/**
 * Arranges an emulated workspace for the schema tests: Microsoft tables seeded from the generated
 * catalog in the shape the tables API returns them (TablesList.json of the spec), custom tables and
 * function saved searches created through the real SDK over HTTP.
 */
import { OperationalInsightsManagementClient } from '@azure/arm-operationalinsights';
import { STANDARD_COLUMNS } from '../../src/catalog/standard-columns';
import { loadTableCatalog, type TableColumn } from '../../src/catalog/table-catalog';
import { armClientOptions, staticTokenCredential } from '../../src/deploy/arm-endpoint';
import type { RunningEmulator, WorkspaceScope } from '../emulator';

export const PROD: WorkspaceScope = { subscriptionId: '5c1a9e2b-0000-4000-8000-0000000000a1', resourceGroup: 'rg-sentinel-prod', workspace: 'law-sentinel-prod' };
export const DEV: WorkspaceScope = { subscriptionId: '5c1a9e2b-0000-4000-8000-0000000000a2', resourceGroup: 'rg-sentinel-dev', workspace: 'law-sentinel-dev' };

/** Kusto type -> the ARM column type the tables API uses. */
export function armColumnType(type: TableColumn['type']): string {
  const arm: Partial<Record<TableColumn['type'], string>> = { datetime: 'dateTime', bool: 'boolean' };
  if (type === 'timespan' || type === 'decimal') throw new Error(`the tables API has no column type for ${type}`);
  return arm[type] ?? type;
}

/**
 * The API lists TenantId, SourceSystem and TimeGenerated among a table's standard columns, but not
 * the other columns every table has (Type, _ResourceId, _BilledSize, ...), which the catalog adds.
 */
const UNLISTED = new Set(STANDARD_COLUMNS.map((c) => c.name).filter((n) => n !== 'TenantId' && n !== 'TimeGenerated'));

export function microsoftTableBody(name: string, columns: readonly TableColumn[]): Record<string, unknown> {
  return {
    properties: {
      schema: {
        name,
        tableSubType: 'Any',
        tableType: 'Microsoft',
        columns: null,
        standardColumns: columns.filter((c) => !UNLISTED.has(c.name)).map((c) => ({ isHidden: c.name === 'TenantId', name: c.name, type: armColumnType(c.type), isDefaultDisplay: false })),
        solutions: ['LogManagement'],
      },
      provisioningState: 'Succeeded',
      retentionInDays: 90,
      totalRetentionInDays: 90,
      archiveRetentionInDays: 0,
      plan: 'Analytics',
    },
  };
}

/** Seeds Microsoft tables straight into the store (no request): `names` from the catalog, or all ~900. */
export function seedCatalogTables(emulator: RunningEmulator, scope: WorkspaceScope, names?: readonly string[], order: 'catalog' | 'reversed' = 'catalog'): number {
  const catalog = loadTableCatalog();
  const chosen = (names ?? [...catalog.keys()]).map((n) => {
    const columns = catalog.get(n);
    if (!columns) throw new Error(`${n} is not in the table catalog`);
    return [n, columns] as const;
  });
  if (order === 'reversed') chosen.reverse();
  for (const [name, columns] of chosen) emulator.store.set(emulator.ids.table(scope, name), microsoftTableBody(name, columns));
  return chosen.length;
}

export function logAnalytics(emulator: RunningEmulator, scope: WorkspaceScope): OperationalInsightsManagementClient {
  const credential = staticTokenCredential('schema-test-token');
  return new OperationalInsightsManagementClient(credential, scope.subscriptionId, armClientOptions(emulator.url, credential, { retryOptions: { maxRetries: 2, retryDelayInMs: 10, maxRetryDelayInMs: 50 } }));
}

/** Creates a custom table with the SDK (PUT over HTTP, validated against the spec). */
export async function createCustomTable(emulator: RunningEmulator, scope: WorkspaceScope, name: string, columns: Record<string, string>): Promise<void> {
  await logAnalytics(emulator, scope).tables.beginCreateOrUpdateAndWait(scope.resourceGroup, scope.workspace, name, {
    schema: { name, columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })) },
  });
}

/** Saves a function (a saved search with a function alias) with the SDK. */
export async function createFunction(emulator: RunningEmulator, scope: WorkspaceScope, alias: string, query: string, functionParameters?: string): Promise<void> {
  await logAnalytics(emulator, scope).savedSearches.createOrUpdate(scope.resourceGroup, scope.workspace, `fn-${alias.toLowerCase()}`, {
    category: 'Functions',
    displayName: `${alias} parser`,
    query,
    functionAlias: alias,
    ...(functionParameters !== undefined && { functionParameters }),
  });
}
