/** The plan for one workspace: what deploy would do to each content item, and why. */
import type { SavedSearch } from '@azure/arm-operationalinsights';
import type { AlertRuleUnion, Watchlist, WatchlistItem } from '@azure/arm-securityinsight';
import type { DesiredContent } from './desired-state';
import type { OwnedMetadata } from './ownership-metadata';
import type { PropertyChange } from './property-diff';
import type { ContentKind, WorkspaceTarget } from './workspace-target';

/**
 * - create / update / delete: what deploy will write.
 * - unchanged: nothing to do (also content no longer in code when --prune is off).
 * - drifted: edited outside sentinel-cac since the last deploy; left alone unless --force.
 * - blocked: deploy cannot touch it (a resource we do not own is in the way).
 */
export type PlanAction = 'create' | 'update' | 'delete' | 'unchanged' | 'drifted' | 'blocked';

export interface ItemChange {
  readonly action: 'create' | 'update' | 'delete';
  /** The search-key value. */
  readonly key: string;
  readonly itemId: string;
  readonly changes: readonly PropertyChange[];
  /** For update: the etag read when planning. */
  readonly etag?: string;
  /** For create/update: the row. */
  readonly values?: Readonly<Record<string, string>>;
}

export interface ItemsPlan {
  /** inline: the first PUT carries the rows as CSV; items: rows go one by one through the items API. */
  readonly upload: 'inline' | 'items' | 'none';
  readonly changes: readonly ItemChange[];
  readonly unchanged: number;
  /** Live items kept as they are, with their comparable form: the deployed hash is computed from them. */
  readonly kept: readonly WatchlistItem[];
}

export type LiveResource = AlertRuleUnion | SavedSearch | Watchlist;

export interface PlanEntry {
  readonly kind: ContentKind;
  readonly name: string;
  readonly displayName: string;
  readonly action: PlanAction;
  /** One sentence: why this action. */
  readonly reason: string;
  /** Live → desired (for delete: the properties that go). */
  readonly changes: readonly PropertyChange[];
  readonly notes: readonly string[];
  /** The live resource differs from what sentinel-cac last deployed (true for "drifted", and for updates forced over drift). */
  readonly drifted: boolean;
  /** An update that only writes the ownership record (the resource already matches the code). */
  readonly metadataOnly: boolean;
  readonly items?: ItemsPlan;
  /** Lower-case aliases of watchlists that must be deployed first. */
  readonly dependsOn: readonly string[];
  readonly desired?: DesiredContent;
  readonly live?: LiveResource;
  readonly ownership?: OwnedMetadata;
}

export interface DeployPlan {
  readonly target: WorkspaceTarget;
  readonly sourceId: string;
  readonly prune: boolean;
  readonly force: boolean;
  readonly entries: readonly PlanEntry[];
  /** Resources in the workspace without our ownership record: never touched, counted for the report. */
  readonly unowned: Readonly<Record<ContentKind, number>>;
}

/** Whether deploy would write anything (drift counts: code and workspace disagree). */
export function planHasChanges(plan: DeployPlan): boolean {
  return plan.entries.some((e) => e.action !== 'unchanged');
}

export function planIsBlocked(plan: DeployPlan): boolean {
  return plan.entries.some((e) => e.action === 'blocked');
}

export function countActions(plans: readonly DeployPlan[]): Record<PlanAction, number> {
  const counts: Record<PlanAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0, drifted: 0, blocked: 0 };
  for (const plan of plans) for (const e of plan.entries) counts[e.action] += 1;
  return counts;
}
