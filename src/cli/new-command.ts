import crypto from 'node:crypto';
import path from 'node:path';
import type { Command } from 'commander';
import { Argument } from 'commander';
import { DEFAULT_SCAFFOLD_DIRECTORY, scaffoldFiles } from '../scaffold/scaffold-files';
import { SCAFFOLD_KINDS, scaffoldNames, type ScaffoldKind } from '../scaffold/scaffold-names';
import { writeNewFiles } from '../scaffold/write-scaffold';
import { EXIT, type CliIo } from './io';

const NEXT_STEPS: Readonly<Record<ScaffoldKind, string>> = {
  rule: 'edit the query and definition, fill in the test case (it fails until you do), then run npx sentinel-cac validate and npx sentinel-cac test',
  hunting: 'edit the query and definition, fill in the test case (it fails until you do), then run npx sentinel-cac validate and npx sentinel-cac test',
  watchlist: 'edit the columns and the example rows, then read it in a query with _GetWatchlist and run npx sentinel-cac validate',
  function: 'edit the body and parameters, call it from a rule or hunting query, then run npx sentinel-cac validate',
};

/** The content folder each kind must live in (the tool looks for it nowhere else). */
const CONTENT_FOLDER: Readonly<Record<ScaffoldKind, string>> = { rule: 'rules', hunting: 'rules', watchlist: 'watchlists', function: 'functions' };

export function registerNew(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('new')
    .description('create a typed definition (with a fresh GUID for rules and hunting queries), its .kql (or .csv for a watchlist) and, for rules and hunting queries, a test-case file that fails until filled in')
    .addArgument(new Argument('<kind>', 'what to create').choices(SCAFFOLD_KINDS))
    .argument('<name>', 'kebab-case name, used for the files and to derive the display name, e.g. unusual-role-grant')
    .option('--dir <folder>', 'folder to create the files in, relative to the project (default: rules, rules/hunting, watchlists or functions)')
    .action((kind: ScaffoldKind, name: string, options: { dir?: string }, command: Command) => {
      const root = path.resolve(command.optsWithGlobals().project as string);
      const directory = (options.dir ?? DEFAULT_SCAFFOLD_DIRECTORY[kind]).split(path.sep).join('/').replace(/^\.\//, '');
      const content = CONTENT_FOLDER[kind];
      if (directory !== content && !directory.startsWith(`${content}/`)) {
        io.err(`new: --dir ${options.dir} must be ${content}/ or a folder under it, where the tool looks for ${kind === 'watchlist' ? 'watchlists' : kind === 'function' ? 'workspace functions' : 'rules and hunting queries'}`);
        return setExit(EXIT.usage);
      }
      let files: Map<string, string>;
      try {
        files = scaffoldFiles(kind, scaffoldNames(name), crypto.randomUUID(), directory);
        writeNewFiles(root, files);
      } catch (error) {
        io.err(`new: ${(error as Error).message}`);
        return setExit(EXIT.usage);
      }
      io.out([...[...files.keys()].map((f) => `created ${f}`), `next: ${NEXT_STEPS[kind]}`].join('\n'));
      setExit(EXIT.ok);
    });
}
