/**
 * Which official spec files describe which api-version, and how their relative `$ref`s map onto
 * the files copied into `<reference>/api/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResourceTypeName } from '../router';
import { externalDocKeyFor, externalDocuments } from './external-definitions';

/** The two resource providers the emulator serves, each with its own api-version. */
export type ApiFamily = 'securityInsights' | 'operationalInsights';

export interface SpecSet {
  readonly family: ApiFamily;
  readonly apiVersion: string;
  /** ARM answers api-versions per resource type: the types this set's api-version serves. */
  readonly resourceTypes: readonly ResourceTypeName[];
  /** Spec files (in `<reference>/api/`, or in `dir`) keyed by the short name the converter uses for them. */
  readonly files: Readonly<Record<string, string>>;
  /** Absolute folder holding `files` when they are not in the shared reference (see specs/README.md). */
  readonly dir?: string;
}

/** The api-versions the real SDKs pinned by this project send. */
export const SPEC_SETS: readonly SpecSet[] = [
  {
    family: 'securityInsights',
    apiVersion: '2022-09-01-preview',
    resourceTypes: ['alertRules', 'watchlists', 'watchlistItems', 'metadata'],
    files: {
      AlertRules: 'AlertRules_2022-09-01-preview.json',
      Watchlists: 'Watchlists_2022-09-01-preview.json',
      Metadata: 'Metadata_2022-09-01-preview.json',
      common: 'securityinsights-common-types_2.0.json',
    },
  },
  {
    family: 'operationalInsights',
    apiVersion: '2020-08-01',
    resourceTypes: ['savedSearches'],
    files: { SavedSearches: 'SavedSearches_OperationalInsights_2020-08-01.json' },
  },
  {
    // The SDK's `tables` operations send 2022-10-01 (its apiVersion3), unlike its saved searches.
    family: 'operationalInsights',
    apiVersion: '2022-10-01',
    resourceTypes: ['tables'],
    files: { Tables: 'Tables_OperationalInsights_2022-10-01.json' },
    dir: path.join(__dirname, '..', 'specs'),
  },
];

export function supportedApiVersions(family: ApiFamily, resourceType: ResourceTypeName): string[] {
  return SPEC_SETS.filter((s) => s.family === family && s.resourceTypes.includes(resourceType)).map((s) => s.apiVersion);
}

export type SwaggerDoc = {
  definitions?: Record<string, Record<string, unknown>>;
  parameters?: Record<string, Record<string, unknown>>;
  paths?: Record<string, Record<string, unknown>>;
};

/** Reads one spec set's files; a missing file is an error naming the file and the override variable. */
export function loadSpecDocuments(set: SpecSet, apiDir: string): Map<string, SwaggerDoc> {
  const docs = new Map<string, SwaggerDoc>(externalDocuments());
  for (const [key, file] of Object.entries(set.files)) {
    const full = path.join(apiDir, file);
    if (!fs.existsSync(full)) {
      throw new Error(
        `${full}: OpenAPI spec not found (needed for ${set.family} api-version ${set.apiVersion}). ` +
          'Point SENTINEL_CAC_REFERENCE_DIR (or the referenceDir option) at the shared reference folder.',
      );
    }
    docs.set(key, JSON.parse(fs.readFileSync(full, 'utf8')) as SwaggerDoc);
  }
  return docs;
}

/** Resolves the file part of a `$ref` (relative to the spec repo layout) to a loaded document key. */
export function docKeyForFileRef(fromDoc: string, fileRef: string): string {
  if (fileRef === '') return fromDoc;
  const external = externalDocKeyFor(fileRef);
  if (external) return external;
  if (/(^|\/)common\/2\.0\/types\.json$/.test(fileRef)) return 'common';
  throw new Error(`Unresolvable $ref file "${fileRef}" in spec document ${fromDoc}`);
}
