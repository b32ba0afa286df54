/**
 * Regenerates src/catalog/generated/tables.json and table-rows.ts from the reference schemas.
 * Run with `npm run gen:catalog`; set SENTINEL_CAC_REFERENCE_DIR to read another reference folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildTableCatalog } from '../src/catalog/generate/build-table-catalog';
import { repoRoot, resolveReferenceDir } from '../src/catalog/generate/reference-dir';
import { formatTableCatalogReport } from '../src/catalog/generate/table-catalog-report';

function main(): void {
  const root = repoRoot();
  const referenceDir = resolveReferenceDir(root);
  const build = buildTableCatalog(referenceDir);
  for (const [relativePath, text] of build.files) {
    const file = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
  console.log(formatTableCatalogReport(build));
}

if (require.main === module) main();
