import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from '../deploy/canonical-json';
import type { QueryAnalysis } from './analyze-query';
import { analyzerFingerprint } from './analyzer-fingerprint';
import type { SchemaInput } from './kql-schema';
import { replaceFile } from '../util/write-file-atomically';

/**
 * Query analyses on disk, one small JSON file per entry, keyed by the SHA-256 of the query text, the
 * whole SchemaInput (canonical JSON, so any field added to it later is covered too) and the analyzer
 * fingerprint (catalogs, our sources, Kusto.Language version). An unchanged query is then never
 * analyzed again, and nothing here loads Kusto.Language.
 *
 * Reading never fails: a missing, unreadable, truncated or foreign entry is a miss and is simply
 * recomputed. Writing goes to a temporary file renamed into place, so a concurrent run sees either
 * the whole entry or none; a failed write only costs the next run a recomputation.
 */
export class AnalysisCache {
  private readonly prefix: string;

  constructor(
    readonly dir: string,
    input: SchemaInput,
  ) {
    const schemaHash = createHash('sha256').update(canonicalJson(input)).digest('hex');
    this.prefix = `${analyzerFingerprint()}\0${schemaHash}\0`;
  }

  keyOf(text: string): string {
    return createHash('sha256').update(this.prefix).update(text).digest('hex');
  }

  get(key: string): QueryAnalysis | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.fileOf(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as { key?: unknown; analysis?: unknown };
      return entry.key === key && isQueryAnalysis(entry.analysis) ? entry.analysis : undefined;
    } catch {
      return undefined;
    }
  }

  set(key: string, analysis: QueryAnalysis): void {
    const file = this.fileOf(key);
    try {
      replaceFile(file, JSON.stringify({ key, analysis }));
    } catch {
      // nothing more to do: the entry is recomputed next time
    }
  }

  /** Two hex digits of fan-out keep each folder small for projects with thousands of queries. */
  private fileOf(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

/** Enough of a shape check that a hand-edited or foreign file cannot reach the checks as an analysis. */
function isQueryAnalysis(value: unknown): value is QueryAnalysis {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  const columns = a.resultColumns;
  return (
    Array.isArray(a.problems) &&
    a.problems.every((p) => typeof p === 'object' && p !== null && typeof p.code === 'string' && typeof p.message === 'string' && typeof p.offset === 'number' && typeof p.length === 'number') &&
    (columns === undefined || (Array.isArray(columns) && columns.every((c) => typeof c?.name === 'string' && typeof c?.type === 'string'))) &&
    Array.isArray(a.tables) &&
    Array.isArray(a.functions) &&
    Array.isArray(a.watchlistCalls) &&
    Array.isArray(a.agoCalls)
  );
}
