/**
 * The api-version check ARM performs before a request reaches the resource provider.
 * Codes follow ARM: a missing parameter is MissingApiVersionParameter, a malformed one
 * InvalidApiVersionParameter, and a well-formed version the provider does not offer
 * NoRegisteredProviderFound; each message lists the versions this emulator supports.
 */
import { ApiError } from './cloud-error';
import type { ApiFamily } from './openapi/spec-catalog';

const WELL_FORMED = /^\d{4}-\d{2}-\d{2}(-(preview|beta|alpha|privatepreview))?$/i;

const NAMESPACE: Record<ApiFamily, string> = {
  securityInsights: 'Microsoft.SecurityInsights',
  operationalInsights: 'Microsoft.OperationalInsights',
};

/** Returns the supported api-version as the spec spells it, or throws the ARM error. */
export function checkApiVersion(family: ApiFamily, requested: string | null, supported: readonly string[], resourceType: string): string {
  const list = supported.join(', ');
  if (requested === null || requested === '') {
    throw new ApiError(400, 'MissingApiVersionParameter', `The api-version query parameter (?api-version=) is required for all requests. Supported api-versions for ${NAMESPACE[family]}/${resourceType}: ${list}.`);
  }
  if (!WELL_FORMED.test(requested)) {
    throw new ApiError(400, 'InvalidApiVersionParameter', `The api-version '${requested}' is invalid. The supported versions are '${list}'.`);
  }
  const match = supported.find((v) => v.toLowerCase() === requested.toLowerCase());
  if (!match) {
    throw new ApiError(
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for API version '${requested}' and type '${resourceType}' in namespace '${NAMESPACE[family]}'. The supported api-versions are '${list}'.`,
    );
  }
  return match;
}
