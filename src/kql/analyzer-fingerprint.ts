import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Bumped when the cached form of a QueryAnalysis changes shape without any source file changing. */
const CACHE_FORMAT = 'analysis-cache/1';

/**
 * Everything besides the query text and the SchemaInput that decides a query's analysis: the
 * generated catalogs (tables, ASIM functions, solutions), our analyzer's own sources (src/kql and
 * src/catalog, top level), and the Kusto.Language version. Hashing the files themselves (~1.8 MB,
 * ~3 ms) rather than trusting a hand-bumped version means an edited analyzer or a regenerated
 * catalog can never be served stale results.
 */
const FINGERPRINTED_FOLDERS = [path.join(__dirname, '..', 'catalog', 'generated'), path.join(__dirname, '..', 'catalog'), __dirname];

let memo: string | undefined;

export function analyzerFingerprint(): string {
  if (memo !== undefined) return memo;
  const hash = createHash('sha256').update(CACHE_FORMAT).update('\0').update(kustoLanguageVersion());
  for (const folder of FINGERPRINTED_FOLDERS) {
    let names: string[];
    try {
      names = fs.readdirSync(folder).sort();
    } catch {
      names = [];
    }
    for (const name of names) {
      const file = path.join(folder, name);
      let content: Buffer;
      try {
        content = fs.readFileSync(file);
      } catch {
        continue; // a folder (generate/, eval/): its own files do not feed query analysis
      }
      hash.update('\0').update(name).update('\0').update(content);
    }
  }
  memo = hash.digest('hex');
  return memo;
}

function kustoLanguageVersion(): string {
  try {
    return (require('@kusto/language-service-next/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
