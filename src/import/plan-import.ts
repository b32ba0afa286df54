import path from 'node:path';
import type { Diagnostic } from '../check/diagnostic';
import type { ExistingDefinitions } from './existing-definitions';
import { displayNameOf, identityOf, identityProperty, type ImportedItem, type SkippedItem } from './imported-item';
import { exportNameOf, slugOf } from './naming';
import { csvSource, definitionSource, kqlSource } from './print/definition-source';

export interface PlanOptions {
  /** Replace definitions the project already has (same id or alias). */
  readonly force?: boolean;
  /** A sub-folder of rules/ and watchlists/ to write into, e.g. "imported". */
  readonly into?: string;
}

/** One definition the import will write: its `.ts` and its `.kql` or `.csv`. */
export interface PlannedDefinition {
  readonly item: ImportedItem;
  /** Project-relative, forward slashes. */
  readonly definitionFile: string;
  readonly dataFile: string;
  readonly exportName: string;
  /** Set when --force replaces a definition the project had. */
  readonly replaces?: string;
  /** Project-relative path -> text. */
  readonly files: ReadonlyMap<string, string>;
}

export interface ImportPlan {
  readonly definitions: readonly PlannedDefinition[];
  /** Items left out: duplicates in the batch, and definitions the project has (without --force). */
  readonly skipped: readonly SkippedItem[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Decides where each imported item goes, without touching the disk: rules in rules/, hunting
 * queries in rules/hunting/, watchlists in watchlists/, functions in functions/ (under `into` if given). A second item with
 * an id already seen in the batch is an error; an id the project already defines is skipped unless
 * --force, which replaces that very file. A file name taken by something else gets the id's first
 * block appended, so nothing the user wrote is ever overwritten by accident.
 */
export function planImport(items: readonly ImportedItem[], existing: ExistingDefinitions, fileExists: (file: string) => boolean, options: PlanOptions = {}): ImportPlan {
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedItem[] = [];
  const definitions: PlannedDefinition[] = [];
  const skip = (item: ImportedItem, reason: string): void => {
    skipped.push({ file: item.origin.file, pointer: item.origin.pointer, name: displayNameOf(item), reason });
  };
  const seen = new Map<string, ImportedItem>();
  const taken = new Set<string>();
  for (const item of items) {
    const identity = identityOf(item);
    const what = `${identityProperty(item)} ${identity.slice(identity.indexOf(':') + 1)}`;
    const first = seen.get(identity);
    if (first) {
      diagnostics.push(problem(item, 'IMPORT_DUPLICATE_ID', 'error', `${JSON.stringify(displayNameOf(item))} has the same ${what} as ${JSON.stringify(displayNameOf(first))} (${first.origin.file}:${idPosition(first).line}); only the first was imported`, 'give one of them a new id, or import only one of the files'));
      skip(item, 'IMPORT_DUPLICATE_ID');
      continue;
    }
    seen.set(identity, item);
    const already = existing.get(identity);
    if (already && !options.force) {
      diagnostics.push(problem(item, 'IMPORT_EXISTS', 'warning', `${JSON.stringify(displayNameOf(item))}: ${what} is already defined in ${already}; not imported`, 'run with --force to replace that definition with the imported one'));
      skip(item, 'IMPORT_EXISTS');
      continue;
    }
    const extension = item.kind === 'Watchlist' ? '.csv' : '.kql';
    let definitionFile: string;
    if (already) definitionFile = already;
    else {
      const dir = targetDirectory(item, options.into);
      const slug = freeSlug(slugOf(item), item, (s) => [`${dir}/${s}.ts`, `${dir}/${s}${extension}`].some((f) => taken.has(f) || fileExists(f)));
      definitionFile = `${dir}/${slug}.ts`;
    }
    const base = definitionFile.slice(0, -'.ts'.length);
    const dataFile = `${base}${extension}`;
    const exportName = exportNameOf(path.posix.basename(base), item);
    const dataName = path.posix.basename(dataFile);
    const data = item.kind === 'Watchlist' ? csvSource(item) : kqlSource(item);
    taken.add(definitionFile).add(dataFile);
    definitions.push({
      item,
      definitionFile,
      dataFile,
      exportName,
      ...(already ? { replaces: already } : {}),
      files: new Map([
        [dataFile, data],
        [definitionFile, definitionSource(item, exportName, dataName)],
      ]),
    });
  }
  return { definitions, skipped, diagnostics };
}

function targetDirectory(item: ImportedItem, into: string | undefined): string {
  const sub = into ? `/${into.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '')}` : '';
  if (item.kind === 'Watchlist') return `watchlists${sub}`;
  if (item.kind === 'WorkspaceFunction') return `functions${sub}`;
  return item.kind === 'HuntingQuery' ? `rules${sub}/hunting` : `rules${sub}`;
}

function freeSlug(slug: string, item: ImportedItem, isTaken: (slug: string) => boolean): string {
  if (!isTaken(slug)) return slug;
  const suffix = item.kind === 'Watchlist' ? 'watchlist' : item.kind === 'WorkspaceFunction' ? 'function' : String(item.props.id).slice(0, 8).toLowerCase();
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${slug}-${suffix}` : `${slug}-${suffix}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}

/** Located at the item's id (or alias) in its source, where the user would change it. */
function problem(item: ImportedItem, code: string, severity: Diagnostic['severity'], message: string, hint: string): Diagnostic {
  return { code, severity, message, file: item.origin.file, ...idPosition(item), hint };
}

function idPosition(item: ImportedItem): { line: number; column: number } {
  return item.origin.locate([identityProperty(item)]) ?? item.origin.at;
}
