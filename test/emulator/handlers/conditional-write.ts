/**
 * Optimistic concurrency as each service applies it to a PUT whose body carries `etag`.
 *
 * Sentinel (alert rules, watchlists, items, metadata): no etag = unconditional write; an etag that
 * does not match = 409 Conflict. Sentinel reads the etag from the body, not from If-Match, and
 * users report 409 Conflict (not ARM's 412) for stale updates of analytics rules
 * (hashicorp/terraform-provider-azurerm#25564, #27964); the etag has been optional on update since
 * 2021-09-01-preview (Azure/azure-rest-api-specs#13203).
 *
 * Log Analytics saved searches: updating an existing search needs its current etag or "*";
 * without one, or with a stale one, the service answers 409 "Newer data exists in the Customer
 * Configuration Store." (Azure/azure-powershell#3093, MicrosoftDocs/azure-docs#49275).
 */
import { conflict } from '../cloud-error';
import { etagMatches } from '../store/etag';
import type { ResourceBody } from '../store/emulator-store';

function requestedEtag(body: Record<string, unknown>): string | undefined {
  return typeof body.etag === 'string' && body.etag.trim() !== '' ? body.etag : undefined;
}

export function checkSentinelEtag(body: Record<string, unknown>, existing: ResourceBody | undefined, what: string): void {
  const requested = requestedEtag(body);
  if (requested === undefined || existing === undefined) return;
  if (!etagMatches(requested, existing.etag)) {
    throw conflict(
      `The etag ${requested} in the request does not match the current etag ${existing.etag} of ${what}. ` +
        'It was changed since it was read: read it again and retry with its current etag.',
    );
  }
}

export const SAVED_SEARCH_CONFLICT_MESSAGE = 'Newer data exists in the Customer Configuration Store.';

export function checkSavedSearchEtag(body: Record<string, unknown>, existing: ResourceBody | undefined): void {
  if (existing === undefined) return;
  const requested = requestedEtag(body);
  if (requested === undefined || !etagMatches(requested, existing.etag)) throw conflict(SAVED_SEARCH_CONFLICT_MESSAGE);
}
