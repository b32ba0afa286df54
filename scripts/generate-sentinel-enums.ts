/**
 * Regenerates src/catalog/generated/{entities,attack,api-enums}.ts from the reference material
 * and the installed @azure/arm-securityinsight typings.
 * Run with `node -r tsx/cjs scripts/generate-sentinel-enums.ts`; SENTINEL_CAC_REFERENCE_DIR overrides the reference folder.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSentinelEnums } from '../src/catalog/generate/build-sentinel-enums';
import { repoRoot, resolveReferenceDir } from '../src/catalog/generate/reference-dir';
import { readSecurityInsightSdkTypings } from '../src/catalog/generate/security-insight-sdk';

function main(): void {
  const root = repoRoot();
  const files = buildSentinelEnums(resolveReferenceDir(root), readSecurityInsightSdkTypings());
  for (const [relativePath, text] of files) {
    const file = path.join(root, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
}

if (require.main === module) main();
