/**
 * Regenerates src/catalog/generated/asim-functions.json (the ASIM parser functions and their result
 * columns) from the reference CSVs. Run with `npm run gen:asim`; set SENTINEL_CAC_REFERENCE_DIR to
 * read another reference folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildAsimCatalog } from '../src/catalog/generate/asim-build-catalog';
import { formatAsimCatalogReport } from '../src/catalog/generate/asim-catalog-report';
import { repoRoot, resolveReferenceDir } from '../src/catalog/generate/reference-dir';

function main(): void {
  const root = repoRoot();
  const build = buildAsimCatalog(resolveReferenceDir(root));
  for (const [relativePath, text] of build.files) {
    const file = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
  console.log(formatAsimCatalogReport(build));
}

if (require.main === module) main();
