import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, processIo, type CliIo } from './io';
import { commandWord } from '../kql/kusto-snapshot.cjs';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { version } = require('../../package.json') as { version: string };

/**
 * Runs the command again in a process started from the Kusto.Language snapshot and resolves with its
 * exit code; undefined when this process should run it (see kusto-snapshot.cjs). Given only by the
 * launcher, to the commands that decide for themselves whether they will analyze KQL.
 */
export type Relaunch = () => Promise<number> | undefined;

type Register = (program: Command, io: CliIo, setExit: (code: number) => void, relaunch?: Relaunch) => void;

/**
 * Every command, in --help order, by the name it registers. A command's module is only loaded when
 * it is registered: some pull in the Azure SDKs or the TypeScript compiler, which would cost every
 * run of any command about a second.
 */
const COMMANDS: readonly (readonly [name: string, register: Register])[] = [
  ['validate', (p, io, exit, relaunch) => (require('./validate-command') as typeof import('./validate-command')).registerValidate(p, io, exit, version, relaunch)],
  ['build', (p, io, exit) => (require('./build-command') as typeof import('./build-command')).registerBuild(p, io, exit)],
  ['plan', (p, io, exit) => (require('./plan-command') as typeof import('./plan-command')).registerPlan(p, io, exit)],
  ['deploy', (p, io, exit) => (require('./deploy-command') as typeof import('./deploy-command')).registerDeploy(p, io, exit)],
  ['import', (p, io, exit) => (require('./import-command') as typeof import('./import-command')).registerImport(p, io, exit)],
  ['test', (p, io, exit) => (require('./test-command') as typeof import('./test-command')).registerTest(p, io, exit)],
  ['run', (p, io, exit) => (require('./run-command') as typeof import('./run-command')).registerRun(p, io, exit)],
  ['version', (p, io, exit) => (require('./version-command') as typeof import('./version-command')).registerVersion(p, io, exit)],
  ['new', (p, io, exit) => (require('./new-command') as typeof import('./new-command')).registerNew(p, io, exit)],
  ['schema', (p, io, exit) => (require('./schema-command') as typeof import('./schema-command')).registerSchema(p, io, exit)],
];

/**
 * The command an argument list runs, when it names one of COMMANDS before any --help or --version;
 * otherwise undefined (help, version, no command, a typo), which needs the whole tree.
 */
export function invokedCommand(args: readonly string[]): string | undefined {
  const word = commandWord(args);
  return COMMANDS.some(([name]) => name === word) ? word : undefined;
}

/**
 * Builds the command tree; each command sets the exit code through `setExit`. With `only`, just that
 * command is registered: parsing and running it is then the same, without loading the others.
 */
export function createProgram(io: CliIo, setExit: (code: number) => void, only?: string, relaunch?: Relaunch): Command {
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
  const chosen = COMMANDS.filter(([name]) => name === only);
  for (const [, register] of chosen.length > 0 ? chosen : COMMANDS) register(program, io, setExit, relaunch);
  return program;
}

/** Runs the CLI; resolves to the process exit code (0 ok, 1 content errors, 2 usage). */
export async function main(argv: readonly string[], io: CliIo = processIo, relaunch?: Relaunch): Promise<number> {
  let code: number = EXIT.ok;
  const program = createProgram(io, (c) => (code = c), invokedCommand(argv.slice(2)), relaunch);
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
