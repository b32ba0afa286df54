import * as fs from 'fs';
import * as path from 'path';
import type { ValidateFunction } from 'ajv';
import { createArtifactAjv } from './artifact-validation/artifact-ajv';
import {
  ARTIFACT_KINDS, ARTIFACT_SCHEMA_FILES, SCHEMA_DIRECTORY, isArtifactKind, type ArtifactKind,
} from './artifact-validation/artifact-kinds';
import { describeAjvErrors, type ArtifactProblem } from './artifact-validation/problem-messages';

export type { ArtifactKind } from './artifact-validation/artifact-kinds';
export type { ArtifactProblem } from './artifact-validation/problem-messages';
export { ARTIFACT_KINDS } from './artifact-validation/artifact-kinds';

/**
 * Checks one artifact the build is about to write against its JSON Schema (src/render/schemas, generated from
 * the official OpenAPI specs by scripts/generate-arm-schemas.ts). YAML artifacts are checked after parsing.
 * Returns every problem found, sorted by pointer; an empty list means the artifact is valid.
 */
export function validateArtifact(kind: ArtifactKind, value: unknown): readonly ArtifactProblem[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : describeAjvErrors(validate.errors ?? []);
}

// Schemas are compiled on first use, once per process: importing this module costs nothing.
const compiled = new Map<ArtifactKind, ValidateFunction>();
let ajv: ReturnType<typeof createArtifactAjv> | undefined;

function validatorFor(kind: ArtifactKind): ValidateFunction {
  if (!isArtifactKind(kind)) {
    throw new Error(`validateArtifact: unknown artifact kind ${JSON.stringify(kind)}; expected one of ${ARTIFACT_KINDS.join(', ')}`);
  }
  let validate = compiled.get(kind);
  if (validate === undefined) {
    ajv ??= createArtifactAjv();
    validate = ajv.compile(readSchema(kind));
    compiled.set(kind, validate);
  }
  return validate;
}

function readSchema(kind: ArtifactKind): object {
  const file = path.join(SCHEMA_DIRECTORY, ARTIFACT_SCHEMA_FILES[kind]);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as object;
  } catch (cause) {
    throw new Error(`cannot read the ${kind} schema at ${file}: run npm run gen:schemas (${(cause as Error).message})`);
  }
}
