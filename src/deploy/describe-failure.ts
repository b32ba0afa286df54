/** What went wrong with one resource, in words a deploy log can show. Never includes a token. */
import { what } from './compute-plan';
import type { PlanEntry } from './deploy-plan';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
}

export function describeFailure(entry: PlanEntry, error: unknown): string {
  const e = error as RestErrorLike;
  const subject = `${what(entry.kind)} "${entry.displayName}" (${entry.name})`;
  const detail = (e?.message ?? String(error)).replace(/Bearer\s+\S+/gi, 'Bearer REDACTED');
  switch (e?.statusCode) {
    case 409:
      return `${subject} was changed in the workspace after the plan read it (etag conflict); not overwritten. Run plan again: the edit shows as drift (deploy --force replaces it with the code). Service said: ${detail}`;
    case 401:
      return `${subject}: not signed in (401): ${detail}`;
    case 403:
      return `${subject}: permission denied (403); the identity needs Microsoft Sentinel Contributor on the workspace. Service said: ${detail}`;
    case 400:
      return `${subject}: rejected by the service (400): ${detail}`;
    case 429:
      return `${subject}: still throttled (429) after every retry: ${detail}`;
    case undefined:
      return `${subject}: ${e?.code ? `${e.code}: ` : ''}${detail}`;
    default:
      return `${subject}: ${e.statusCode}${e.code ? ` ${e.code}` : ''} after retries: ${detail}`;
  }
}
