import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * require() for a large prebuilt CommonJS file (the TypeScript compiler, Kusto.Language): compiled
 * and run the way Node's own loader does, but without the per-module work of the tsx hook the CLI
 * runs under, which costs ~0.2 s on each of these multi-megabyte files. The module is entered in
 * require.cache, so a later plain require() of the same file returns it instead of running it again.
 *
 * Only where require.cache is Node's own (the CLI, worker threads); elsewhere (jest keeps its own
 * module registry) it is a plain require().
 */
export function requireBundle(id: string): unknown {
  const nodeModules = Module as unknown as { _cache: NodeJS.Dict<NodeJS.Module>; _nodeModulePaths(dir: string): string[] };
  if (require.cache !== nodeModules._cache) return require(id);
  const file = require.resolve(id);
  const cached = require.cache[file];
  if (cached) return cached.exports;
  const dir = path.dirname(file);
  const loaded = new Module(file, module) as NodeJS.Module & { paths: string[] };
  loaded.filename = file;
  loaded.paths = nodeModules._nodeModulePaths(dir);
  const wrapper = vm.runInThisContext((Module as unknown as { wrap(code: string): string }).wrap(fs.readFileSync(file, 'utf8')), { filename: file }) as (
    ...args: unknown[]
  ) => void;
  require.cache[file] = loaded;
  try {
    wrapper.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, dir);
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  loaded.loaded = true;
  return loaded.exports;
}
