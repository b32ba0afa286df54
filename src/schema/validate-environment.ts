/**
 * `validate --environment <name>`: the project validated against what that environment's workspace
 * really has, from its committed schema file. Pulled tables and functions replace the built-in
 * catalog's (and the project's stand-ins) of the same name, and a query that reads a table or calls
 * a workspace function the workspace lacks is an error (KQL_NOT_IN_WORKSPACE).
 */
import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { sortDiagnostics } from '../check/diagnostic';
import { validateProject, type ValidatedProject } from '../check/validate-project';
import { contentSelector } from '../deploy/content-selection';
import { DEFAULT_CONFIG_FILE, type EnvironmentConfig } from '../deploy/environment-config';
import { readEnvironmentConfig } from '../deploy/read-environment-config';
import { notInWorkspaceDiagnostics } from './not-in-workspace-check';
import { readSchemaFile } from './read-schema-file';
import { defaultSchemaFile, type WorkspaceSchema } from './workspace-schema';
import { workspaceNames, workspaceSchemaInput } from './workspace-schema-input';

export type EnvironmentValidation =
  /**
   * Validated; `schemaFile` is project-relative. `notDeployed`: rules and hunting queries the
   * environment's `content:` selection leaves out, whose findings are not reported for it.
   */
  | { readonly validated: ValidatedProject; readonly schemaFile: string; readonly notDeployed: number }
  /** The command cannot run as asked (unknown environment, no schema file): exit 2. */
  | { readonly usage: string }
  /** The environments file or the schema file is invalid: exit 1. */
  | { readonly invalid: readonly Diagnostic[] };

export function pullCommandFor(environment: string): string {
  return `sentinel-cac schema pull --environment ${environment}`;
}

/** `configOption` is `--config` as given (relative to the project root); `cacheDir` as for validateProject. */
export function validateForEnvironment(root: string, environment: string, configOption?: string, cacheDir?: string): EnvironmentValidation {
  const read = readEnvironmentConfig(path.resolve(root, configOption ?? DEFAULT_CONFIG_FILE), root);
  if (!read.config) return { invalid: read.diagnostics };
  const env = read.config.environments.find((e) => e.name === environment);
  if (!env) return { usage: `unknown environment ${environment}; ${read.config.file} declares ${read.config.environments.map((e) => e.name).join(', ')}` };
  const pullCommand = pullCommandFor(env.name);
  const absolute = env.schema ?? defaultSchemaFile(root, env.name);
  const schemaFile = path.relative(root, absolute).split(path.sep).join('/');
  const schemaRead = readSchemaFile(absolute, root, pullCommand);
  if (schemaRead.missing) return { usage: `environment ${env.name} has no pulled workspace schema: ${schemaFile} does not exist. Run \`${pullCommand}\` and commit the file it writes.` };
  if (!schemaRead.schema) return { invalid: schemaRead.diagnostics };
  const stale = pulledFromElsewhere(schemaRead.schema, env, schemaFile, pullCommand);
  if (stale) return { invalid: [stale] };

  const validated = validateProject(root, { schemaParts: [workspaceSchemaInput(schemaRead.schema)], cacheDir });
  const names = workspaceNames(schemaRead.schema, `environment ${env.name}'s workspace ${env.workspace} (${schemaFile})`);
  const missing = notInWorkspaceDiagnostics(validated, names, pullCommand);
  // A rule the environment does not deploy cannot fail there, whatever its workspace lacks.
  const deploys = contentSelector(env.content);
  const notDeployed = new Set([...validated.project.rules, ...validated.project.huntingQueries].filter((d) => !deploys(String(d.props.id), d.props.tags)).map((d) => String(d.props.id).toLowerCase()));
  const forEnvironment = [...validated.diagnostics, ...missing].filter((d) => d.ruleId === undefined || !notDeployed.has(d.ruleId.toLowerCase()));
  return { validated: { ...validated, diagnostics: sortDiagnostics(forEnvironment) }, schemaFile, notDeployed: notDeployed.size };
}

/** A schema file of another workspace (the environment was repointed since the pull) would validate against the wrong tables. */
function pulledFromElsewhere(schema: WorkspaceSchema, env: EnvironmentConfig, file: string, pullCommand: string): Diagnostic | undefined {
  const s = schema.source;
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  if (same(s.subscriptionId, env.subscriptionId) && same(s.resourceGroup, env.resourceGroup) && same(s.workspace, env.workspace)) return undefined;
  return {
    code: 'SCHEMA_FILE_STALE',
    severity: 'error',
    message: `${file} was pulled from workspace ${s.subscriptionId}/${s.resourceGroup}/${s.workspace}, but environment ${env.name} is ${env.subscriptionId}/${env.resourceGroup}/${env.workspace}`,
    file,
    line: 1,
    column: 1,
    hint: `run \`${pullCommand}\` to pull the environment's own workspace`,
  };
}
