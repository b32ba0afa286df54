/**
 * Generates src/render/schemas/*.schema.json: one JSON Schema (draft-07) per artifact the build writes,
 * derived from the official OpenAPI specs and the Azure-Sentinel YAML model in the shared reference folder.
 * The output is committed, so a build never needs the reference folder; a test regenerates it and fails
 * when the committed files are stale.
 *
 *   npm run gen:schemas              write the schemas
 *   npm run gen:schemas -- --check   exit 1 if the committed schemas differ from a fresh generation
 *
 * The reference folder is ../shared/reference next to the repository, or SENTINEL_CAC_REFERENCE_DIR.
 */
import * as fs from 'fs';
import * as path from 'path';
import { KnownAlertSeverity, KnownAttackTactic } from '@azure/arm-securityinsight';
import {
  ARTIFACT_KINDS, ARTIFACT_SCHEMA_FILES, SCHEMA_DIRECTORY, type ArtifactKind,
} from '../src/render/artifact-validation/artifact-kinds';
import { armEnvelopeDefinitions, armTemplateSchema } from '../src/render/artifact-validation/arm-template-schemas';
import { DRAFT_07, inKeywordOrder, localDefinitionRefs, type JsonSchema } from '../src/render/artifact-validation/json-schema';
import { OpenApiToJsonSchema, type OpenApiDocument, type SpecFile } from '../src/render/artifact-validation/openapi-to-json-schema';
import { applySpecDeviations, specDeviations } from '../src/render/artifact-validation/spec-deviations';
import { detectionYamlSchema, huntingYamlSchema } from '../src/render/artifact-validation/yaml-schemas';

const REPO_ROOT = path.resolve(__dirname, '..');

/** The reference files read, relative to the reference folder. */
export const REFERENCE_FILES = {
  alertRules: 'api/AlertRules_2025-09-01_commit56c0996.json',
  alertRulesPreview: 'api/AlertRules_2022-09-01-preview.json',
  watchlists: 'api/Watchlists_2025-09-01.json',
  metadata: 'api/Metadata_2025-09-01.json',
  metadataPreview: 'api/Metadata_2022-09-01-preview.json',
  savedSearches: 'api/SavedSearches_OperationalInsights_2020-08-01.json',
  commonTypes: 'api/securityinsights-common-types_2.0.json',
  detectionYaml: 'sentinel/detection-yaml.derived.schema.json',
} as const;

export function defaultReferenceDir(): string {
  return process.env.SENTINEL_CAC_REFERENCE_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'reference');
}

/** Every schema file's name and exact text, in a fixed order. */
export function generateArtifactSchemas(referenceDir: string = defaultReferenceDir()): Map<string, string> {
  const read = (key: keyof typeof REFERENCE_FILES): SpecFile => readSpec(referenceDir, REFERENCE_FILES[key]);
  const files = {
    alertRules: read('alertRules'), alertRulesPreview: read('alertRulesPreview'), watchlists: read('watchlists'),
    metadata: read('metadata'), metadataPreview: read('metadataPreview'), savedSearches: read('savedSearches'),
    commonTypes: read('commonTypes'),
  };
  const converter = new OpenApiToJsonSchema({
    files: Object.values(files),
    externalRefs: [
      { fileSuffix: 'common/2.0/types.json', rule: { kind: 'file', label: files.commonTypes.label } },
      {
        fileSuffix: 'common/AlertTypes.json',
        rule: {
          kind: 'supplied',
          source: '@azure/arm-securityinsight KnownAlertSeverity and KnownAttackTactic (common/AlertTypes.json is not among the reference copies)',
          definitions: {
            AlertSeverityEnum: { description: 'The severity of the alert', type: 'string', enum: Object.values(KnownAlertSeverity) },
            AttackTactic: { description: 'A MITRE ATT&CK tactic', type: 'string', enum: Object.values(KnownAttackTactic) },
          },
        },
      },
      {
        fileSuffix: 'common/ContentCommonTypes.json',
        rule: { kind: 'omit', reason: 'its definition file is not among the reference copies, and the build does not write dependencies' },
      },
    ],
    // NRT left the 2025-09-01 stable spec; its property bag comes from 2022-09-01-preview, and the nested
    // definitions it shares by name with the stable spec are the stable ones, so both kinds agree on them.
    sharedDefinitions: [{ from: files.alertRulesPreview.label, preferred: files.alertRules.label }],
  });
  converter.addDefinition(files.alertRules.label, 'ScheduledAlertRuleProperties');
  converter.addDefinition(files.alertRulesPreview.label, 'NrtAlertRuleProperties');
  converter.addDefinition(files.watchlists.label, 'WatchlistProperties');
  converter.addDefinition(files.savedSearches.label, 'SavedSearchProperties');
  converter.addDefinition(files.metadata.label, 'metadataProperties');

  const definitions = converter.definitions();
  applySpecDeviations(definitions, specDeviations(previewMetadataKinds(files.metadataPreview)));
  for (const [name, schema] of Object.entries(armEnvelopeDefinitions())) {
    if (definitions[name] !== undefined) throw new Error(`envelope definition ${name} collides with a spec definition`);
    definitions[name] = schema;
  }

  const detection = detectionYamlSchema(readJson(referenceDir, REFERENCE_FILES.detectionYaml) as JsonSchema);
  const roots: Record<ArtifactKind, JsonSchema> = {
    alertRuleTemplate: armTemplateSchema({
      title: 'Analytics rules ARM template (portal export format)',
      description: 'Scheduled and NRT analytics rules in the format of the Sentinel portal\'s Export, which its Import accepts (up to 50 rules).',
      resources: ['AlertRuleResource'], maxResources: 50,
    }),
    watchlistTemplate: armTemplateSchema({
      title: 'Watchlist ARM template', description: 'Watchlists with their items inline as CSV (rawContent).',
      resources: ['WatchlistResource'],
    }),
    huntingTemplate: armTemplateSchema({
      title: 'Hunting queries ARM template', description: 'Hunting queries as Log Analytics saved searches (api-version 2020-08-01).',
      resources: ['SavedSearchResource'],
    }),
    functionTemplate: armTemplateSchema({
      title: 'Workspace functions ARM template', description: 'Workspace functions (parsers) as Log Analytics saved searches with a function alias (api-version 2020-08-01).',
      resources: ['SavedSearchResource'],
    }),
    combinedTemplate: armTemplateSchema({
      title: 'Combined Sentinel content ARM template',
      description: 'Analytics rules, watchlists, hunting queries, workspace functions and the content metadata that records their ownership, in one deployment.',
      resources: ['AlertRuleResource', 'WatchlistResource', 'SavedSearchResource', 'ContentMetadataResource'],
    }),
    detectionYaml: detection,
    huntingYaml: huntingYamlSchema(detection),
  };

  const output = new Map<string, string>();
  for (const kind of ARTIFACT_KINDS) {
    const schema = schemaFile(kind, roots[kind], definitions);
    output.set(ARTIFACT_SCHEMA_FILES[kind], `${JSON.stringify(inKeywordOrder(schema), null, 2)}\n`);
  }
  return output;
}

function schemaFile(kind: ArtifactKind, root: JsonSchema, pool: Record<string, JsonSchema>): JsonSchema {
  const { title, description, $comment, ...rest } = root;
  const generated = `Generated by scripts/generate-arm-schemas.ts (npm run gen:schemas); do not edit by hand.`;
  const file: JsonSchema = {
    $schema: DRAFT_07,
    $id: `urn:sentinel-cac:schema:${ARTIFACT_SCHEMA_FILES[kind].replace(/\.schema\.json$/, '')}`,
    title,
    description,
    $comment: typeof $comment === 'string' ? `${generated} ${$comment}` : generated,
    ...rest,
  };
  const used = reachableDefinitions(root, pool);
  if (used.length > 0) file.definitions = Object.fromEntries(used.map((name) => [name, pool[name]]));
  return file;
}

/** The definitions a schema needs, directly or through other definitions, sorted by name. */
function reachableDefinitions(root: JsonSchema, pool: Record<string, JsonSchema>): string[] {
  const seen = new Set<string>();
  const pending = [...localDefinitionRefs(root)];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (seen.has(name)) continue;
    const schema = pool[name];
    if (schema === undefined) throw new Error(`schema refers to #/definitions/${name}, which was not generated`);
    seen.add(name);
    pending.push(...localDefinitionRefs(schema));
  }
  return [...seen].sort();
}

function previewMetadataKinds(file: SpecFile): string[] {
  const kinds = file.document.definitions?.metadataKind?.enum;
  if (!Array.isArray(kinds) || kinds.some((kind) => typeof kind !== 'string')) {
    throw new Error(`${file.label}: expected definitions.metadataKind.enum to be a list of strings`);
  }
  return kinds as string[];
}

function readSpec(referenceDir: string, relative: string): SpecFile {
  return { label: path.basename(relative), document: readJson(referenceDir, relative) as OpenApiDocument };
}

function readJson(referenceDir: string, relative: string): unknown {
  const file = path.join(referenceDir, relative);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found: point SENTINEL_CAC_REFERENCE_DIR at the shared reference folder (now ${referenceDir})`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Writes the schemas, or with --check only compares them; returns the process exit code. */
export function main(args: readonly string[], outputDir: string = SCHEMA_DIRECTORY): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`generate-arm-schemas: unknown argument ${unknown.join(' ')} (the only option is --check)`);
    return 2;
  }
  const generated = generateArtifactSchemas();
  if (args.includes('--check')) {
    const stale = [...generated].filter(([name, text]) => {
      const file = path.join(outputDir, name);
      return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text;
    }).map(([name]) => name);
    for (const name of stale) console.error(`${path.join(outputDir, name)} is stale: run npm run gen:schemas`);
    return stale.length === 0 ? 0 : 1;
  }
  fs.mkdirSync(outputDir, { recursive: true });
  for (const [name, text] of generated) fs.writeFileSync(path.join(outputDir, name), text);
  console.log(`wrote ${generated.size} schemas to ${path.relative(process.cwd(), outputDir) || '.'}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
