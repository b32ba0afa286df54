/**
 * Regenerates src/catalog/generated/solutions.json and solution-names.ts (which solution provides
 * which parser function and custom table) from the reference CSVs. Run with `npm run gen:solutions`;
 * set SENTINEL_CAC_REFERENCE_DIR to read another reference folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSolutionCatalog } from '../src/catalog/generate/build-solution-catalog';
import { repoRoot, resolveReferenceDir } from '../src/catalog/generate/reference-dir';

function main(): void {
  const root = repoRoot();
  const build = buildSolutionCatalog(resolveReferenceDir(root));
  for (const [relativePath, text] of build.files) {
    const file = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
  const parsers = [...build.solutions.values()].reduce((n, s) => n + s.parsers.length, 0);
  console.log(`Solutions: ${build.solutions.size} with ${parsers} parser functions; legacy parsers: ${build.legacyParsers.length}; custom tables known by name: ${build.customTables.length}`);
  console.log(`Skipped parsers.csv rows: ${build.skipped.length}`);
  for (const s of build.skipped) console.log(`  line ${s.line}: ${s.name}: ${s.reason}`);
}

if (require.main === module) main();
