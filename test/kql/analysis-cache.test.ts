import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisCache } from '../../src/kql/analysis-cache';
import type { QueryAnalysis } from '../../src/kql/analyze-query';
import type { SchemaInput } from '../../src/kql/kql-schema';
import { QueryAnalyzer } from '../../src/kql/query-analyzer';

const ANALYSIS: QueryAnalysis = {
  problems: [{ code: 'KQL_UNKNOWN_NAME', severity: 'error', message: 'nope (KS204)', offset: 3, length: 4 }],
  resultColumns: [{ name: 'TimeGenerated', type: 'datetime' }],
  tables: ['SigninLogs'],
  functions: ['MyParser'],
  watchlistCalls: [],
  agoCalls: [{ minutes: 60, offset: 20 }],
};
const INPUT: SchemaInput = { tables: [{ name: 'App_CL', columns: [{ name: 'TimeGenerated', type: 'datetime' }] }] };

const freshDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'analysis-cache-'));
const entryFiles = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f));

describe('AnalysisCache', () => {
  it('gives back what was stored for the same query and SchemaInput', () => {
    const dir = freshDir();
    const cache = new AnalysisCache(dir, INPUT);
    const key = cache.keyOf('SigninLogs | take 1');
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, ANALYSIS);
    expect(new AnalysisCache(dir, INPUT).get(key)).toEqual(ANALYSIS);
    // Written through a temporary file renamed into place: no temporary file is left behind.
    expect((fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('misses when the query text changes', () => {
    const cache = new AnalysisCache(freshDir(), INPUT);
    cache.set(cache.keyOf('SigninLogs | take 1'), ANALYSIS);
    expect(cache.get(cache.keyOf('SigninLogs | take 2'))).toBeUndefined();
  });

  it('misses when any part of the SchemaInput changes, however deep', () => {
    const dir = freshDir();
    const cache = new AnalysisCache(dir, INPUT);
    cache.set(cache.keyOf('App_CL'), ANALYSIS);
    const otherColumnType: SchemaInput = { tables: [{ name: 'App_CL', columns: [{ name: 'TimeGenerated', type: 'string' }] }] };
    const extraPart = { ...INPUT, someFutureField: ['x'] } as SchemaInput;
    for (const input of [otherColumnType, extraPart, {}]) {
      const other = new AnalysisCache(dir, input);
      expect(other.get(other.keyOf('App_CL'))).toBeUndefined();
    }
    // Key order does not matter: the SchemaInput is hashed as canonical JSON.
    const reordered = new AnalysisCache(dir, { tables: [{ columns: [{ type: 'datetime', name: 'TimeGenerated' }], name: 'App_CL' }] });
    expect(reordered.get(reordered.keyOf('App_CL'))).toEqual(ANALYSIS);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => '\u0000\u0001garbage'],
    ['another key', (text: string) => text.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`)],
    ['a wrong shape', (text: string) => text.replace('"problems":[', '"problems":{"x":[').replace('],"resultColumns"', ']},"resultColumns"')],
  ])('ignores an entry that is %s', (_, corrupt) => {
    const dir = freshDir();
    const cache = new AnalysisCache(dir, INPUT);
    const key = cache.keyOf('SigninLogs');
    cache.set(key, ANALYSIS);
    const [file] = entryFiles(dir);
    const text = fs.readFileSync(file, 'utf8');
    const corrupted = corrupt(text);
    expect(corrupted).not.toEqual(text);
    fs.writeFileSync(file, corrupted);
    expect(cache.get(key)).toBeUndefined();
    // Recomputed and stored again, it is a hit once more.
    cache.set(key, ANALYSIS);
    expect(cache.get(key)).toEqual(ANALYSIS);
  });

  it('does not fail when the folder cannot be written', () => {
    const blocker = path.join(freshDir(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const cache = new AnalysisCache(path.join(blocker, 'cache'), INPUT);
    expect(() => cache.set(cache.keyOf('x'), ANALYSIS)).not.toThrow();
    expect(cache.get(cache.keyOf('x'))).toBeUndefined();
  });
});

describe('QueryAnalyzer with a cache', () => {
  const queries = ['SigninLogs | where ResultType != "0" | project UserPrincipalName', 'NoSuchTable | take 1', 'App_CL | extend x = 1', 'SigninLogs | where'];

  it('analyzes once, then answers from the cache without building a KqlSchema', () => {
    const dir = freshDir();
    const first = new QueryAnalyzer(INPUT, { cacheDir: dir, threads: 1 }).analyzeAll(queries);
    expect(entryFiles(dir)).toHaveLength(queries.length);
    const schemaBuilt = jest.spyOn(QueryAnalyzer.prototype, 'schema', 'get');
    try {
      const second = new QueryAnalyzer(INPUT, { cacheDir: dir, threads: 1 }).analyzeAll(queries);
      expect(second).toEqual(first);
      expect(schemaBuilt).not.toHaveBeenCalled();
      // A changed query, or another SchemaInput, is analyzed again.
      new QueryAnalyzer(INPUT, { cacheDir: dir, threads: 1 }).analyzeAll([`${queries[0]}\n| where true`]);
      expect(schemaBuilt).toHaveBeenCalledTimes(1);
      new QueryAnalyzer({}, { cacheDir: dir, threads: 1 }).analyzeAll([queries[2]]);
      expect(schemaBuilt).toHaveBeenCalledTimes(2);
    } finally {
      schemaBuilt.mockRestore();
    }
  });

  it('returns the same analyses as without a cache, in order, duplicates included', () => {
    const withCache = new QueryAnalyzer(INPUT, { cacheDir: freshDir(), threads: 1 });
    const texts = [queries[1], queries[0], queries[1]];
    const plain = new QueryAnalyzer(INPUT, { threads: 1 }).analyzeAll(texts);
    expect(withCache.analyzeAll(texts)).toEqual(plain);
    expect(withCache.analyzeAll(texts)).toEqual(plain);
    expect(plain[1].problems.some((p) => p.code.startsWith('KQL_UNKNOWN'))).toBe(false);
    expect(plain[0].problems.length).toBeGreaterThan(0);
  });
});
