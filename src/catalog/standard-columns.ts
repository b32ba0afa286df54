import type { TableColumn } from './table-catalog';

/**
 * Columns every table has once it is in a Log Analytics workspace, whether or not its reference
 * page lists them ("Standard columns in Azure Monitor Logs",
 * learn.microsoft.com/azure/azure-monitor/logs/log-standard-columns).
 */
export const STANDARD_COLUMNS: readonly TableColumn[] = [
  { name: 'TenantId', type: 'string' },
  { name: 'TimeGenerated', type: 'datetime' },
  { name: '_TimeReceived', type: 'datetime' },
  { name: 'Type', type: 'string' },
  { name: '_ItemId', type: 'string' },
  { name: '_ResourceId', type: 'string' },
  { name: '_SubscriptionId', type: 'string' },
  { name: '_IsBillable', type: 'string' },
  { name: '_BilledSize', type: 'real' },
];

/**
 * Tables whose columns differ per workspace: AzureDiagnostics gains a column the first time any
 * Azure service logs one (up to 500; learn.microsoft.com/azure/azure-monitor/reference/tables/azurediagnostics),
 * so a name missing from the reference may well exist. They bind as open schemas: known columns
 * keep their types, any other name is accepted.
 */
export const OPEN_SCHEMA_TABLES: ReadonlySet<string> = new Set(['AzureDiagnostics']);
