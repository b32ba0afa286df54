import * as fs from 'fs';
import * as path from 'path';

/** Which solution installs which parser function and custom table (names only; see solutions.json). */
export interface SolutionCatalog {
  readonly solutions: ReadonlyMap<string, { readonly parsers: readonly string[]; readonly tables: readonly string[] }>;
  /** Parsers from Azure-Sentinel's Parsers/ folder that no solution installs. */
  readonly legacyParsers: readonly string[];
  /** Custom log tables (`_CL`) the reference knows by name. */
  readonly customTables: readonly string[];
}

/** What the catalog knows about a name a query could not bind. */
export interface NameProvider {
  readonly kind: 'parser' | 'table';
  /** Solutions that install it; empty for a legacy parser or a table no solution's parser reads. */
  readonly solutions: readonly string[];
  readonly legacyParser: boolean;
}

export const SOLUTION_CATALOG_FILE = path.join(__dirname, 'generated', 'solutions.json');

let cached: { catalog: SolutionCatalog; providers: Map<string, NameProvider> } | undefined;

/** The solution catalog, read from solutions.json on first call (never on import) and cached. */
export function loadSolutionCatalog(): SolutionCatalog {
  return load().catalog;
}

/** Which solution (or legacy parser set) provides `name`, matched exactly; undefined when none does. */
export function providerOf(name: string): NameProvider | undefined {
  return load().providers.get(name);
}

function load(): { catalog: SolutionCatalog; providers: Map<string, NameProvider> } {
  if (cached) return cached;
  const catalog = parseSolutionCatalog(fs.readFileSync(SOLUTION_CATALOG_FILE, 'utf8'), SOLUTION_CATALOG_FILE);
  const providers = new Map<string, NameProvider>();
  const add = (name: string, kind: NameProvider['kind'], solution: string | undefined, legacyParser = false): void => {
    const current = providers.get(name) ?? { kind, solutions: [], legacyParser: false };
    providers.set(name, {
      kind: current.kind,
      solutions: solution && !current.solutions.includes(solution) ? [...current.solutions, solution] : current.solutions,
      legacyParser: current.legacyParser || legacyParser,
    });
  };
  for (const [solution, content] of catalog.solutions) {
    for (const parser of content.parsers) add(parser, 'parser', solution);
    for (const table of content.tables) add(table, 'table', solution);
  }
  for (const parser of catalog.legacyParsers) add(parser, 'parser', undefined, true);
  for (const table of catalog.customTables) add(table, 'table', undefined);
  cached = { catalog, providers };
  return cached;
}

/** Parses solutions.json text; a malformed file is an error naming the file and the fix. */
export function parseSolutionCatalog(text: string, file: string): SolutionCatalog {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}. Regenerate it with \`npm run gen:solutions\`.`);
  };
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message})`);
  }
  const isNames = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof doc?.solutions !== 'object' || !isNames(doc.legacyParsers) || !isNames(doc.customTables)) fail('expected "solutions", "legacyParsers" and "customTables"');
  const solutions = new Map<string, { parsers: string[]; tables: string[] }>();
  for (const [name, entry] of Object.entries<any>(doc.solutions)) {
    if (!isNames(entry?.parsers) || !isNames(entry?.tables)) fail(`solution "${name}" needs "parsers" and "tables" name lists`);
    solutions.set(name, { parsers: entry.parsers, tables: entry.tables });
  }
  return { solutions, legacyParsers: doc.legacyParsers, customTables: doc.customTables };
}
