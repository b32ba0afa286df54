/** `validate --environment <name>`: the CLI side of validating against a pulled workspace schema. */
import { validateForEnvironment, type EnvironmentValidation } from '../schema/validate-environment';
import { formatText } from './format-diagnostics';
import { EXIT, type CliIo } from './io';

/**
 * The project validated against the environment's schema file; undefined after printing why it
 * could not be (exit 2 for an unknown environment or a schema never pulled, 1 for an invalid file).
 */
export function validateAgainstEnvironment(
  root: string,
  environment: string,
  config: string | undefined,
  cacheDir: string | undefined,
  io: CliIo,
  setExit: (code: number) => void,
): Extract<EnvironmentValidation, { validated: unknown }> | undefined {
  const result = validateForEnvironment(root, environment, config, cacheDir);
  if ('usage' in result) {
    io.err(`error: ${result.usage}`);
    setExit(EXIT.usage);
    return undefined;
  }
  if ('invalid' in result) {
    io.err(formatText(result.invalid));
    io.err(`cannot validate against environment ${environment}: fix the file above`);
    setExit(EXIT.contentErrors);
    return undefined;
  }
  return result;
}
