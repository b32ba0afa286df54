import fs from 'node:fs';
import path from 'node:path';
import type { RuleVersion } from '../model/analytics-rule';
import { parseVersion } from './semver';

/** The lock file, at the project root, committed beside rules/. */
export const VERSION_LOCK_FILE = 'sentinel-cac.lock.json';

export interface VersionLockEntry {
  readonly kind: 'AnalyticsRule' | 'HuntingQuery';
  /** For people reading the diff; the id is the key. */
  readonly name: string;
  readonly version: RuleVersion;
  /** `sha256:<hex>` of the rendered content without version fields (see content-hash.ts). */
  readonly sha256: string;
}

/** Entries keyed by the definition's GUID, as Elastic's version.lock.json keys by rule_id. */
export type VersionLockEntries = Readonly<Record<string, VersionLockEntry>>;

export class VersionLockError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** Reads the project's lock; undefined when the project has none yet. Throws VersionLockError when it is malformed. */
export function readVersionLockFile(root: string): VersionLockEntries | undefined {
  const file = path.join(root, VERSION_LOCK_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseVersionLock(text);
}

export function parseVersionLock(text: string): VersionLockEntries {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new VersionLockError(VERSION_LOCK_FILE, `not valid JSON (${(error as Error).message}); restore it from git or delete it and run npx sentinel-cac version --bump`);
  }
  const definitions = (parsed as { definitions?: unknown })?.definitions;
  if (typeof definitions !== 'object' || definitions === null || Array.isArray(definitions)) {
    throw new VersionLockError(VERSION_LOCK_FILE, 'expected an object with a "definitions" object keyed by rule id');
  }
  const out: Record<string, VersionLockEntry> = {};
  for (const [id, raw] of Object.entries(definitions)) {
    const entry = raw as Partial<VersionLockEntry>;
    const problem =
      entry?.kind !== 'AnalyticsRule' && entry?.kind !== 'HuntingQuery' ? 'kind must be AnalyticsRule or HuntingQuery'
      : !parseVersion(entry.version) ? 'version must be major.minor.patch'
      : typeof entry.sha256 !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(entry.sha256) ? 'sha256 must be "sha256:" and 64 hex digits'
      : undefined;
    if (problem) throw new VersionLockError(VERSION_LOCK_FILE, `entry ${id}: ${problem}`);
    out[id] = { kind: entry.kind!, name: String(entry.name ?? ''), version: entry.version!, sha256: entry.sha256! };
  }
  return out;
}

/** Deterministic text: entries sorted by id, fields in a fixed order, LF line endings, final newline. */
export function serializeVersionLock(entries: VersionLockEntries): string {
  const definitions: Record<string, VersionLockEntry> = {};
  for (const id of Object.keys(entries).sort()) {
    const e = entries[id];
    definitions[id] = { kind: e.kind, name: e.name, version: e.version, sha256: e.sha256 };
  }
  const document = {
    $comment: 'Version lock written by `npx sentinel-cac version --bump`: the content hash and version of each rule and hunting query. Do not edit by hand.',
    definitions,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function writeVersionLockFile(root: string, entries: VersionLockEntries): void {
  fs.writeFileSync(path.join(root, VERSION_LOCK_FILE), serializeVersionLock(entries));
}
