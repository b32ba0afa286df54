/**
 * Ownership and drift records in Sentinel's content metadata (Microsoft.SecurityInsights/metadata):
 * one item per deployed resource, `parentId` = the resource's id, `source.kind` SourceRepository.
 *
 * The hashes go into `customVersion`, which the 2022-09-01-preview spec describes as "optional
 * free text": `version` keeps the content's own semantic version (Sentinel compares it, and the
 * spec recommends a numeric format), and every other property has a meaning Sentinel's content
 * hub reads. Two hashes are kept, because Azure may hand a resource back with defaults filled in:
 *
 * - `desired`: the comparable form we sent. Code changed = the code's hash differs from it.
 * - `deployed`: the comparable form of the resource as the PUT returned it (for a watchlist, with
 *   its items). Edited in the portal = the live resource's hash differs from it.
 * - `pending` (watchlists only): written before a multi-request item sync, so a run that dies in
 *   the middle is recognised as our own unfinished work rather than as a portal edit.
 */
import type { MetadataModel } from '@azure/arm-securityinsight';
import { metadataKindOf, type ContentKind } from './workspace-target';

export const SOURCE_NAME = 'sentinel-cac';
const FORMAT = 'sentinel-cac/1';

export interface OwnershipRecord {
  /** The project (repository) that deployed it: the config's `sourceId`. */
  readonly sourceId: string;
  readonly desiredHash: string;
  readonly deployedHash: string;
  readonly pendingHash?: string;
}

export interface OwnedMetadata {
  readonly metadata: MetadataModel;
  /** Undefined when the metadata is a sentinel-cac record whose customVersion cannot be read. */
  readonly record: OwnershipRecord | undefined;
}

/** `sentinel-cac-analyticsrule-<guid>`: our own names, so we never overwrite the Repositories feature's `analyticsrule-<guid>`. */
export function metadataName(kind: ContentKind, name: string): string {
  return `${SOURCE_NAME}-${kind.toLowerCase()}-${name.toLowerCase()}`;
}

export function formatCustomVersion(r: Omit<OwnershipRecord, 'sourceId'>): string {
  return `${FORMAT} desired=${r.desiredHash} deployed=${r.deployedHash}${r.pendingHash ? ` pending=${r.pendingHash}` : ''}`;
}

export function parseCustomVersion(text: string | undefined): Omit<OwnershipRecord, 'sourceId'> | undefined {
  if (!text?.startsWith(`${FORMAT} `)) return undefined;
  const fields = Object.fromEntries(text.slice(FORMAT.length + 1).split(' ').map((f) => f.split('=') as [string, string]));
  if (!/^[0-9a-f]{32}$/.test(fields.desired ?? '') || !/^[0-9a-f]{32}$/.test(fields.deployed ?? '')) return undefined;
  return { desiredHash: fields.desired, deployedHash: fields.deployed, ...(fields.pending && { pendingHash: fields.pending }) };
}

/** Whether a metadata item was written by sentinel-cac (of any project). */
export function isSentinelCacMetadata(m: MetadataModel): boolean {
  return m.source?.kind === 'SourceRepository' && m.source.name === SOURCE_NAME;
}

export function readOwnership(m: MetadataModel): OwnedMetadata {
  const parsed = parseCustomVersion(m.customVersion);
  return { metadata: m, record: parsed && m.source?.sourceId ? { sourceId: m.source.sourceId, ...parsed } : undefined };
}

export interface MetadataInput {
  readonly kind: ContentKind;
  readonly parentId: string;
  readonly contentId: string;
  readonly version?: string;
  readonly record: OwnershipRecord;
  /** The current metadata's etag, when updating it. */
  readonly etag?: string;
}

export function ownershipMetadata(input: MetadataInput): MetadataModel {
  return {
    ...(input.etag && { etag: input.etag }),
    kind: metadataKindOf(input.kind),
    parentId: input.parentId,
    contentId: input.contentId,
    ...(input.version && { version: input.version }),
    source: { kind: 'SourceRepository', name: SOURCE_NAME, sourceId: input.record.sourceId },
    customVersion: formatCustomVersion(input.record),
  };
}
