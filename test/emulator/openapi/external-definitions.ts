/**
 * Definitions that the specs reference but that are not among the copied spec files.
 *
 * - ARM common-types (`common-types/resource-management/v1|v2|v3/types.json`): Resource and ProxyResource
 *   carry only the read-only id, name, type and systemData, which a request never needs to send;
 *   systemData itself (referenced by Tables) is read-only too.
 * - `preview/2022-09-01-preview/common/AlertTypes.json` was not copied (see CONTRACT-NOTES); its two
 *   enums are read from the SDK's Known* enums, which are generated from that very file.
 */
import { KnownAlertSeverity, KnownAttackTactic } from '@azure/arm-securityinsight';

export type SwaggerSchema = Record<string, unknown>;

const readOnlyString = { type: 'string', readOnly: true };

const armCommonTypes: Record<string, SwaggerSchema> = {
  Resource: {
    type: 'object',
    properties: { id: readOnlyString, name: readOnlyString, type: readOnlyString, systemData: { type: 'object', readOnly: true } },
  },
  ProxyResource: {
    type: 'object',
    properties: { id: readOnlyString, name: readOnlyString, type: readOnlyString, systemData: { type: 'object', readOnly: true } },
  },
  ErrorResponse: { type: 'object' },
  systemData: { type: 'object', readOnly: true },
};

function alertTypes(): Record<string, SwaggerSchema> {
  return {
    AttackTactic: { type: 'string', enum: Object.values(KnownAttackTactic) },
    AlertSeverityEnum: { type: 'string', enum: Object.values(KnownAlertSeverity) },
  };
}

/** Documents keyed by the name the converter gives them; see `externalDocKeyFor`. */
export function externalDocuments(): Map<string, { definitions: Record<string, SwaggerSchema> }> {
  return new Map([
    ['arm', { definitions: armCommonTypes }],
    ['AlertTypes', { definitions: alertTypes() }],
  ]);
}

/** Maps a relative `$ref` file part to the key of an external document, or undefined if not external. */
export function externalDocKeyFor(fileRef: string): string | undefined {
  if (/common-types\/resource-management\/v\d+\/types\.json$/.test(fileRef)) return 'arm';
  // Operational Insights' own common types hold only the workspace-name path parameter.
  if (/(^|\/)common\/v1\/types\.json$/.test(fileRef)) return 'arm';
  if (/(^|\/)common\/AlertTypes\.json$/.test(fileRef)) return 'AlertTypes';
  return undefined;
}
