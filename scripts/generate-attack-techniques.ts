/**
 * Regenerates src/catalog/generated/attack-techniques.ts, the ATT&CK technique catalog that
 * validate, the rule catalog and the coverage map read, from the transcribed sources in
 * scripts/attack-catalog (their headers say where each comes from) and Azure-Sentinel's map.
 * Run with `node -r tsx/cjs scripts/generate-attack-techniques.ts`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TECHNIQUE_TACTICS } from '../src/catalog/generated/attack';
import { buildAttackTechniques } from './attack-catalog/build-attack-techniques';

export const ATTACK_TECHNIQUES_FILE = 'src/catalog/generated/attack-techniques.ts';

/** The generated file's text from the committed sources; pure apart from reading them. */
export function generateAttackTechniques(root: string = path.resolve(__dirname, '..')): Map<string, string> {
  const read = (name: string) => fs.readFileSync(path.join(root, 'scripts', 'attack-catalog', name), 'utf8');
  const text = buildAttackTechniques({
    enterpriseTsv: read('enterprise-attack-v18.tsv'),
    revokedTsv: read('revoked-techniques.tsv'),
    sentinelTechniqueTactics: TECHNIQUE_TACTICS,
    attackVersion: '18.0',
    script: 'scripts/generate-attack-techniques.ts',
    sourceNames: ['scripts/attack-catalog/enterprise-attack-v18.tsv', 'scripts/attack-catalog/revoked-techniques.tsv', 'src/catalog/generated/attack.ts (ICS ids)'],
  });
  return new Map([[ATTACK_TECHNIQUES_FILE, text]]);
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  for (const [relativePath, text] of generateAttackTechniques(root)) {
    fs.writeFileSync(path.join(root, relativePath), text);
    console.log(`wrote ${relativePath} (${Buffer.byteLength(text)} bytes)`);
  }
}

if (require.main === module) main();
