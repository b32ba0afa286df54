/**
 * The emulator's state: per workspace, one collection per resource type, each resource kept as
 * the JSON representation a GET returns. Workspaces come into being on first use, as if every
 * workspace named in a request existed and had Sentinel enabled.
 *
 * Tests use the public methods (get/set/delete/list/portalEdit) to arrange and inspect state
 * without going through HTTP; the handlers use `collection` and `write`.
 */
import type { ResourceTypeName, WorkspaceScope } from '../router';
import { EtagFactory } from './etag';
import { ARM_RESOURCE_TYPE, parseResourceId, resourceId } from './resource-ids';

export type ResourceBody = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Who made a change; shows in systemData as Azure records it. */
export type Actor = 'client' | 'portal';

const ACTORS: Record<Actor, { by: string; byType: string }> = {
  client: { by: 'sentinel-cac-emulator-client', byType: 'Application' },
  portal: { by: 'analyst@contoso.example', byType: 'User' },
};

export interface StoreListFilter {
  readonly type?: ResourceTypeName;
  readonly scope?: WorkspaceScope;
}

type Collections = Record<Exclude<ResourceTypeName, 'watchlistItems'>, Map<string, ResourceBody>> & {
  /** watchlist alias (lower case) -> items */
  watchlistItems: Map<string, Map<string, ResourceBody>>;
};

interface WorkspaceState {
  readonly scope: WorkspaceScope;
  readonly collections: Collections;
}

function scopeKey(scope: WorkspaceScope): string {
  return `${scope.subscriptionId}/${scope.resourceGroup}/${scope.workspace}`.toLowerCase();
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

export class EmulatorStore {
  private readonly workspaces = new Map<string, WorkspaceState>();
  readonly etags = new EtagFactory();

  /** The collection a route addresses; watchlist items need the watchlist alias. */
  collection(type: ResourceTypeName, scope: WorkspaceScope, parentName?: string): Map<string, ResourceBody> {
    const collections = this.workspace(scope).collections;
    if (type !== 'watchlistItems') return collections[type];
    if (!parentName) throw new Error('Watchlist items live under a watchlist alias');
    const key = parentName.toLowerCase();
    let items = collections.watchlistItems.get(key);
    if (!items) {
      items = new Map();
      collections.watchlistItems.set(key, items);
    }
    return items;
  }

  /**
   * Stores `body` as the new state of a resource: fills id, name, type, a new etag and systemData
   * (and `properties.lastModifiedUtc` on alert rules), and returns what a GET would now return.
   */
  write(type: ResourceTypeName, scope: WorkspaceScope, name: string, body: ResourceBody, parentName?: string, actor: Actor = 'client'): ResourceBody {
    const items = this.collection(type, scope, parentName);
    const previous = items.get(name.toLowerCase());
    const now = new Date().toISOString();
    const who = ACTORS[actor];
    const stored: ResourceBody = {
      ...clone(body),
      id: previous?.id ?? resourceId(type, scope, name, parentName),
      name: previous?.name ?? name,
      type: ARM_RESOURCE_TYPE[type],
      // Tables (Tables_OperationalInsights_2022-10-01.json) have no etag.
      ...(type !== 'tables' && { etag: type === 'savedSearches' ? this.etags.savedSearch() : this.etags.sentinel() }),
    };
    if (type !== 'savedSearches') {
      stored.systemData = {
        createdBy: previous?.systemData?.createdBy ?? who.by,
        createdByType: previous?.systemData?.createdByType ?? who.byType,
        createdAt: previous?.systemData?.createdAt ?? now,
        lastModifiedBy: who.by,
        lastModifiedByType: who.byType,
        lastModifiedAt: now,
      };
    }
    if (type === 'alertRules' && stored.properties && typeof stored.properties === 'object') {
      stored.properties.lastModifiedUtc = now;
    }
    items.set(name.toLowerCase(), stored);
    return clone(stored);
  }

  /** Removes a resource (and a watchlist's items); returns whether it existed. */
  remove(type: ResourceTypeName, scope: WorkspaceScope, name: string, parentName?: string): boolean {
    const existed = this.collection(type, scope, parentName).delete(name.toLowerCase());
    if (type === 'watchlists') this.workspace(scope).collections.watchlistItems.delete(name.toLowerCase());
    return existed;
  }

  // ---- test-facing API -------------------------------------------------------------------

  /** The resource with this ARM id (matched case-insensitively), as a GET would return it. */
  get(id: string): ResourceBody | undefined {
    const p = parseResourceId(id);
    const found = this.collection(p.type, p.scope, p.parentName).get(p.name.toLowerCase());
    return found ? clone(found) : undefined;
  }

  /** Writes a resource directly (no validation, no watchlist CSV parsing); returns the stored form. */
  set(id: string, body: ResourceBody, actor: Actor = 'client'): ResourceBody {
    const p = parseResourceId(id);
    if (p.type === 'alertRules' && typeof body.kind !== 'string') {
      throw new Error(`${id}: an alert rule needs a kind (Scheduled, NRT, ...); the SDK cannot read one without it`);
    }
    return this.write(p.type, p.scope, p.name, body, p.parentName, actor);
  }

  delete(id: string): boolean {
    const p = parseResourceId(id);
    return this.remove(p.type, p.scope, p.name, p.parentName);
  }

  /** All stored resources, optionally of one type and/or in one workspace, in creation order. */
  list(filter: StoreListFilter = {}): ResourceBody[] {
    const out: ResourceBody[] = [];
    for (const ws of this.workspaces.values()) {
      if (filter.scope && scopeKey(filter.scope) !== scopeKey(ws.scope)) continue;
      for (const [type, collection] of Object.entries(ws.collections) as [ResourceTypeName, Map<string, unknown>][]) {
        if (filter.type && filter.type !== type) continue;
        const bodies = type === 'watchlistItems' ? [...(collection as Map<string, Map<string, ResourceBody>>).values()].flatMap((m) => [...m.values()]) : [...(collection as Map<string, ResourceBody>).values()];
        out.push(...bodies.map(clone));
      }
    }
    return out;
  }

  /**
   * "Someone edited it in the portal": applies `mutate` to the stored resource (by default it
   * appends " (edited in portal)" to properties.displayName, or to properties.description), then
   * gives it a new etag and a portal user's systemData. Returns the new state.
   */
  portalEdit(id: string, mutate?: (resource: ResourceBody) => void): ResourceBody {
    const current = this.get(id);
    if (!current) throw new Error(`${id}: cannot edit in the portal, no such resource in the emulator`);
    (mutate ?? defaultPortalEdit)(current);
    return this.set(id, current, 'portal');
  }

  workspaceScopes(): WorkspaceScope[] {
    return [...this.workspaces.values()].map((w) => ({ ...w.scope }));
  }

  /** Forgets every workspace and resource. */
  clear(): void {
    this.workspaces.clear();
  }

  private workspace(scope: WorkspaceScope): WorkspaceState {
    const key = scopeKey(scope);
    let ws = this.workspaces.get(key);
    if (!ws) {
      ws = {
        scope: { ...scope },
        collections: { alertRules: new Map(), watchlists: new Map(), watchlistItems: new Map(), metadata: new Map(), savedSearches: new Map(), tables: new Map() },
      };
      this.workspaces.set(key, ws);
    }
    return ws;
  }
}

function defaultPortalEdit(resource: ResourceBody): void {
  const props = (resource.properties ??= {});
  if (typeof props.displayName === 'string') props.displayName = `${props.displayName} (edited in portal)`;
  else props.description = `${typeof props.description === 'string' ? props.description : ''} (edited in portal)`.trim();
}
