import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerBuild } from './build-command';
import { registerDeploy } from './deploy-command';
import { registerImport } from './import-command';
import { EXIT, processIo, type CliIo } from './io';
import { registerPlan } from './plan-command';
import { registerValidate } from './validate-command';
import { registerTest } from './test-command';
import { registerRun } from './run-command';
import { registerVersion } from './version-command';
import { registerNew } from './new-command';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { version } = require('../../package.json') as { version: string };

/** Builds the command tree; each command sets the exit code through `setExit`. */
export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('sentinel-cac')
    .description('Microsoft Sentinel content as code: validate, build, test and deploy typed definitions')
    .version(version, '-V, --version')
    .option('-C, --project <dir>', 'project root (holds rules/, watchlists/, tables/)', '.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    // A mistyped -C would otherwise "validate" an empty project and report success.
    .hook('preAction', (root) => {
      const dir = root.opts().project as string;
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) root.error(`error: project folder ${dir} does not exist (-C, --project)`, { exitCode: EXIT.usage });
    });
  registerValidate(program, io, setExit, version);
  registerBuild(program, io, setExit);
  registerPlan(program, io, setExit);
  registerDeploy(program, io, setExit);
  registerImport(program, io, setExit);
  registerTest(program, io, setExit);
  registerRun(program, io, setExit);
  registerVersion(program, io, setExit);
  registerNew(program, io, setExit);
  return program;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 content errors, 2 usage). */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  if (argv.length <= 2) {
    program.outputHelp();
    return EXIT.usage;
  }
  return code;
}
