import * as path from 'path';

/** The artifacts the build writes to dist/, each checked against its own JSON Schema first. */
export type ArtifactKind =
  | 'alertRuleTemplate' | 'watchlistTemplate' | 'huntingTemplate' | 'functionTemplate' | 'combinedTemplate' | 'detectionYaml' | 'huntingYaml';

/** The committed schema file for each artifact kind, in {@link SCHEMA_DIRECTORY}. */
export const ARTIFACT_SCHEMA_FILES: Readonly<Record<ArtifactKind, string>> = {
  alertRuleTemplate: 'alert-rule-template.schema.json',
  watchlistTemplate: 'watchlist-template.schema.json',
  huntingTemplate: 'hunting-template.schema.json',
  functionTemplate: 'function-template.schema.json',
  combinedTemplate: 'combined-template.schema.json',
  detectionYaml: 'detection-yaml.schema.json',
  huntingYaml: 'hunting-yaml.schema.json',
};

export const ARTIFACT_KINDS = Object.keys(ARTIFACT_SCHEMA_FILES) as readonly ArtifactKind[];

/** Where the generated schemas are committed (src/render/schemas). */
export const SCHEMA_DIRECTORY = path.resolve(__dirname, '..', 'schemas');

export function isArtifactKind(value: unknown): value is ArtifactKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ARTIFACT_SCHEMA_FILES, value);
}
