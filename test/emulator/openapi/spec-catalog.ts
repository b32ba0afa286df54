/**
 * Which official spec files describe which api-version, and how their relative `$ref`s map onto
 * the files copied into `<reference>/api/`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { externalDocKeyFor, externalDocuments } from './external-definitions';

/** The two resource providers the emulator serves, each with its own api-version. */
export type ApiFamily = 'securityInsights' | 'operationalInsights';

export interface SpecSet {
  readonly family: ApiFamily;
  readonly apiVersion: string;
  /** Spec files (in `<reference>/api/`) keyed by the short name the converter uses for them. */
  readonly files: Readonly<Record<string, string>>;
}

/** The api-versions the real SDKs pinned by this project send. */
export const SPEC_SETS: readonly SpecSet[] = [
  {
    family: 'securityInsights',
    apiVersion: '2022-09-01-preview',
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
    files: { SavedSearches: 'SavedSearches_OperationalInsights_2020-08-01.json' },
  },
];

export function supportedApiVersions(family: ApiFamily): string[] {
  return SPEC_SETS.filter((s) => s.family === family).map((s) => s.apiVersion);
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
