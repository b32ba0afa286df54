import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import { hasErrors, sortDiagnostics } from '../check/diagnostic';
import { validateProject, type ValidatedProject } from '../check/validate-project';
import { renderDocs } from '../docs/render-docs';
import { loadTestCases } from '../load/load-test-cases';
import { DIST_DIRECTORY } from '../load/project-layout';
import { validateArtifact } from './artifact-validator';
import { emitDist, type EmitResult } from './emit-dist';
import { renderProject, type Artifact } from './render-project';

export interface BuildResult {
  readonly validated: ValidatedProject;
  readonly artifacts: readonly Artifact[];
  readonly diagnostics: readonly Diagnostic[];
  /** Undefined when nothing was written because of errors (or a dry run). */
  readonly emitted: EmitResult | undefined;
}

export interface BuildOptions {
  readonly outDir?: string;
  /** Render and check everything but write nothing. */
  readonly dryRun?: boolean;
}

/**
 * validate → render → check every artifact against its JSON Schema → write dist/ in one swap.
 * Any error at any stage means nothing is written.
 */
export function buildProject(root: string, options: BuildOptions = {}): BuildResult {
  const validated = validateProject(root);
  if (hasErrors(validated.diagnostics)) return { validated, artifacts: [], diagnostics: validated.diagnostics, emitted: undefined };
  // The rule catalog (dist/docs) reads each rule's test cases, which only build loads (renderProject is pure).
  const artifacts = [...renderProject(validated), ...renderDocs(validated, loadTestCases(root))];
  const schemaProblems = artifacts.flatMap((artifact) => checkArtifact(artifact));
  const diagnostics = sortDiagnostics([...validated.diagnostics, ...schemaProblems]);
  if (hasErrors(diagnostics) || options.dryRun) return { validated, artifacts, diagnostics, emitted: undefined };
  const outDir = path.resolve(root, options.outDir ?? DIST_DIRECTORY);
  const emitted = emitDist(outDir, new Map(artifacts.map((a) => [a.path, a.text])));
  return { validated, artifacts, diagnostics, emitted };
}

/** A schema failure is a bug in a renderer or a gap in validation; it names the artifact and the definition. */
function checkArtifact(artifact: Artifact): Diagnostic[] {
  if (!artifact.kind) return [];
  return validateArtifact(artifact.kind, artifact.value).map((problem) => {
    const from = artifact.from;
    const position = from ? from.source.locate([]) : { line: 1, column: 1 };
    return {
      code: 'ARTIFACT_SCHEMA',
      severity: 'error' as const,
      message: `dist/${artifact.path}: ${problem.message}`,
      file: from ? from.source.file : `dist/${artifact.path}`,
      ...position,
      hint: 'the rendered artifact does not match the Sentinel API schema; report this with the definition',
    };
  });
}
