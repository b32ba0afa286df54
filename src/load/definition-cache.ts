import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { brand, definitionKindOf, type DefinitionKind } from '../model/definition-brand';
import { isPlainData } from '../util/plain-data';
import { replaceFile } from '../util/write-file-atomically';
import type { Position, PropPath } from './source-locator';

/** Bumped when the file's layout or what an entry means changes. */
const FORMAT = 1;

/** The tool's own sources: trusted to be pure, and covered by their content hashes. */
const TOOL_SOURCES = path.resolve(__dirname, '..') + path.sep;

type StoredDefinition = readonly [exportName: string, kind: DefinitionKind, props: unknown];

interface Entry {
  /** SHA-256 of the definition file's text. */
  readonly hash: string;
  /** Every file its require() loaded, with its SHA-256 when recorded. */
  readonly deps: readonly (readonly [file: string, hash: string])[];
  readonly definitions: readonly StoredDefinition[];
  /** Where a property is written ([export name, ...path] as JSON → [line, column]), as found for this text. */
  readonly positions: Record<string, unknown>;
}

interface CacheFile {
  readonly format: number;
  /** Node and tsx versions: they decide how a .ts file compiles and runs. */
  readonly runtime: string;
  readonly files: Readonly<Record<string, Entry>>;
}

/**
 * What each definition file exported, kept in one JSON file so an unchanged project loads without
 * compiling and running ~1,600 TypeScript modules (about a second). An entry is used only when the
 * file's text and every file it required (its helpers, the sentinel-cac API it imports) hash as
 * when it was recorded. A file is only recorded when that is the whole story: its definitions are
 * plain data (no Date, function or undefined), and neither it nor a helper of the project reaches
 * outside its source (process, the clock, randomness, dynamic require, packages other than
 * sentinel-cac). Anything else is simply loaded every time. An unreadable or foreign cache file
 * counts as empty; it is replaced whole (temp file + rename), so concurrent runs never corrupt it.
 */
export class DefinitionCache {
  private readonly file: string;
  private readonly stored: Readonly<Record<string, Entry>>;
  private readonly next: Record<string, Entry> = {};
  private changed = false;
  private readonly hashes = new Map<string, string | undefined>();

  constructor(dir: string) {
    this.file = path.join(dir, 'definitions.json');
    this.stored = readCacheFile(this.file);
  }

  /** The exports of `absolute` (whose text is `text`) as recorded, when nothing it depends on changed. */
  lookup(absolute: string, text: string): Record<string, unknown> | undefined {
    const entry = this.stored[absolute];
    if (!isEntry(entry) || entry.hash !== sha256(text) || !entry.deps.every(([dep, hash]) => this.hashOf(dep) === hash)) return undefined;
    this.next[absolute] = entry;
    return Object.fromEntries(entry.definitions.map(([name, kind, props]) => [name, brand(kind, props as object)]));
  }

  /** Keeps what requiring `absolute` exported, if it can be reused faithfully (see the class comment). */
  record(absolute: string, text: string, exports: Record<string, unknown>): void {
    const deps = dependenciesOf(absolute);
    if (!deps || !deps.every((dep) => dep.startsWith(TOOL_SOURCES) || (!dep.includes(`${path.sep}node_modules${path.sep}`) && this.selfContained(dep)))) return;
    if (!selfContained(text)) return;
    const definitions: StoredDefinition[] = [];
    for (const [name, value] of Object.entries(exports)) {
      const kind = definitionKindOf(value);
      if (kind === undefined) continue;
      if (!isPlainData(value, true)) return;
      definitions.push([name, kind, { ...(value as object) }]);
    }
    const depHashes = deps.map((dep) => [dep, this.hashOf(dep)] as const);
    if (depHashes.some(([, hash]) => hash === undefined)) return;
    this.next[absolute] = { hash: sha256(text), deps: depHashes as [string, string][], definitions, positions: {} };
    this.changed = true;
  }

  /**
   * Where `propPath` of export `exportName` is written in `absolute`: as recorded for this very text,
   * or found now (with the TypeScript compiler, ~0.3 s to load) and recorded for the next run.
   */
  position(absolute: string, exportName: string, propPath: PropPath, find: () => Position): Position {
    const entry = this.next[absolute];
    if (!entry) return find();
    const key = JSON.stringify([exportName, ...propPath]);
    const known = entry.positions[key];
    if (Array.isArray(known) && known.length === 2 && known.every((n) => Number.isInteger(n) && n > 0)) return { line: known[0], column: known[1] };
    const found = find();
    entry.positions[key] = [found.line, found.column];
    this.changed = true;
    return found;
  }

  /** Writes the entries used or recorded in this run (so deleted files drop out), if anything changed. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.stored).length) return;
    const content: CacheFile = { format: FORMAT, runtime: runtime(), files: this.next };
    try {
      replaceFile(this.file, JSON.stringify(content));
    } catch {
      // the next run loads those files again
    }
  }

  private hashOf(file: string): string | undefined {
    if (!this.hashes.has(file)) {
      let hash: string | undefined;
      try {
        hash = sha256(fs.readFileSync(file));
      } catch {
        hash = undefined;
      }
      this.hashes.set(file, hash);
    }
    return this.hashes.get(file);
  }

  private selfContained(dep: string): boolean {
    if (dep.endsWith('.json')) return true;
    try {
      return selfContained(fs.readFileSync(dep, 'utf8'));
    } catch {
      return false;
    }
  }
}

/** Every module `absolute` loaded, from Node's module tree; undefined where there is none (under jest). */
function dependenciesOf(absolute: string): string[] | undefined {
  const root = require.cache[absolute];
  if (!root || !Array.isArray(root.children)) return undefined;
  const seen = new Set<string>([absolute]);
  const visit = (module: NodeJS.Module): void => {
    for (const child of module.children) {
      if (seen.has(child.filename)) continue;
      seen.add(child.filename);
      visit(child);
    }
  };
  visit(root);
  seen.delete(absolute);
  return [...seen];
}

/** Source that reads nothing but its own text and relative or sentinel-cac imports (erring on the side of "no"). */
function selfContained(text: string): boolean {
  if (/\b(process|global|globalThis|Date|Math|performance|Reflect|Proxy)\s*[.[(]|\bnew\s+Date\b|\b(require|eval|Function)\s*\(|\bimport\s*\(/.test(text)) return false;
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
    if (match[2]) continue; // type-only: erased at compile time
    const specifier = match[3] ?? match[4];
    if (specifier !== 'sentinel-cac' && !specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  }
  return true;
}

/** An entry as written by record(); anything else in the file (hand-edited, truncated by a crash) is a miss. */
function isEntry(entry: unknown): entry is Entry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, deps, definitions } = entry as Record<string, unknown>;
  const pair = (d: unknown): boolean => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string';
  const definition = (d: unknown): boolean => Array.isArray(d) && d.length === 3 && typeof d[0] === 'string' && typeof d[1] === 'string' && typeof d[2] === 'object' && d[2] !== null && !Array.isArray(d[2]);
  const { positions } = entry as Record<string, unknown>;
  const positionMap = typeof positions === 'object' && positions !== null && !Array.isArray(positions);
  return typeof hash === 'string' && Array.isArray(deps) && deps.every(pair) && Array.isArray(definitions) && definitions.every(definition) && positionMap;
}

function readCacheFile(file: string): Readonly<Record<string, Entry>> {
  try {
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (content.format !== FORMAT || content.runtime !== runtime() || typeof content.files !== 'object' || content.files === null || Array.isArray(content.files)) return {};
    return content.files;
  } catch {
    return {};
  }
}

let runtimeMemo: string | undefined;

function runtime(): string {
  if (runtimeMemo === undefined) {
    let tsx = 'none';
    try {
      tsx = (require('tsx/package.json') as { version: string }).version;
    } catch {
      // not run under tsx (jest): the cache is not used there anyway
    }
    runtimeMemo = `node ${process.version}, tsx ${tsx}`;
  }
  return runtimeMemo;
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
