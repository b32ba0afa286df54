import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ScaffoldKind, ScaffoldNames } from './scaffold-names';

/** The tool's scaffolding templates, shipped beside src/ in the package. */
export const SCAFFOLD_TEMPLATE_DIRECTORY = path.join(__dirname, '..', '..', 'templates', 'scaffold');

/** The folder each kind goes to by default, relative to the project root. */
export const DEFAULT_SCAFFOLD_DIRECTORY: Readonly<Record<ScaffoldKind, string>> = { rule: 'rules', hunting: 'rules/hunting', watchlist: 'watchlists', function: 'functions' };

const FILES: Readonly<Record<ScaffoldKind, readonly string[]>> = {
  rule: ['ts', 'kql', 'cases.ts'],
  hunting: ['ts', 'kql', 'cases.ts'],
  watchlist: ['ts', 'csv'],
  function: ['ts', 'kql'],
};

/**
 * The files of a new definition, by project-relative path, rendered from templates/scaffold. The
 * templates write TypeScript, so values go in through the `ts` helper (a quoted, escaped string
 * literal) and HTML escaping is off: Handlebars' entities would corrupt the code.
 */
export function scaffoldFiles(kind: ScaffoldKind, names: ScaffoldNames, id: string, directory: string = DEFAULT_SCAFFOLD_DIRECTORY[kind]): Map<string, string> {
  const env = Handlebars.create();
  env.registerHelper('ts', (value: unknown) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`);
  env.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).map(String).join(''));
  const files = new Map<string, string>();
  for (const extension of FILES[kind]) {
    const template = fs.readFileSync(path.join(SCAFFOLD_TEMPLATE_DIRECTORY, `${kind}.${extension}.hbs`), 'utf8');
    const text = env.compile(template, { noEscape: true, strict: true })({ ...names, id });
    files.set(`${directory.replace(/\/+$/, '')}/${names.fileName}.${extension}`, text);
  }
  return files;
}
