import type { KustoScalarType } from '../kusto-scalar-type';
import { STANDARD_COLUMNS } from '../standard-columns';
import type { SourceColumn } from './source-tables';

/**
 * Defender XDR advanced-hunting tables that the Microsoft Defender XDR connector streams into
 * Sentinel. There they keep the event time `Timestamp` next to TimeGenerated, and rules written for
 * both portals filter on it; the Log Analytics reference lists only TimeGenerated.
 */
export const DEFENDER_XDR_STREAMED_TABLES: readonly string[] = [
  'AlertEvidence',
  'AlertInfo',
  'CloudAppEvents',
  'DeviceEvents',
  'DeviceFileCertificateInfo',
  'DeviceFileEvents',
  'DeviceImageLoadEvents',
  'DeviceInfo',
  'DeviceLogonEvents',
  'DeviceNetworkEvents',
  'DeviceNetworkInfo',
  'DeviceProcessEvents',
  'DeviceRegistryEvents',
  'EmailAttachmentInfo',
  'EmailEvents',
  'EmailPostDeliveryEvents',
  'EmailUrlInfo',
  'IdentityDirectoryEvents',
  'IdentityLogonEvents',
  'IdentityQueryEvents',
  'UrlClickEvents',
];

/**
 * Columns the reference CSV lost: it has no column named `Name` in any table, while the
 * reference pages list one (e.g. learn.microsoft.com/azure/azure-monitor/reference/tables/dnsevents).
 * Only columns checked against their reference page are listed.
 */
export const DOCUMENTED_MISSING_COLUMNS: ReadonlyMap<string, readonly SourceColumn[]> = new Map<string, readonly SourceColumn[]>([
  ['DnsEvents', [{ name: 'Name', type: 'string' }]],
  ['AADDomainServicesDNSAuditsDynamicUpdates', [{ name: 'Name', type: 'string' }]],
]);

/** A column the workspace rules above added to a table, for the generator's report. */
export interface AddedColumn {
  readonly table: string;
  readonly column: string;
  readonly type: KustoScalarType;
  readonly why: 'standard' | 'defender-xdr' | 'documented';
}

/** Appends the workspace columns a table lacks, in a fixed order, and says what it added. */
export function addWorkspaceColumns(tables: ReadonlyMap<string, readonly SourceColumn[]>): {
  tables: Map<string, SourceColumn[]>;
  added: AddedColumn[];
} {
  const added: AddedColumn[] = [];
  const xdr = new Set(DEFENDER_XDR_STREAMED_TABLES);
  const out = new Map<string, SourceColumn[]>();
  for (const [table, columns] of tables) {
    const result = [...columns];
    const add = (column: SourceColumn, why: AddedColumn['why']): void => {
      if (result.some((c) => c.name === column.name)) return;
      result.push(column);
      added.push({ table, column: column.name, type: column.type, why });
    };
    for (const column of DOCUMENTED_MISSING_COLUMNS.get(table) ?? []) add(column, 'documented');
    if (xdr.has(table)) add({ name: 'Timestamp', type: 'datetime' }, 'defender-xdr');
    for (const column of STANDARD_COLUMNS) add(column, 'standard');
    out.set(table, result);
  }
  return { tables: out, added };
}
