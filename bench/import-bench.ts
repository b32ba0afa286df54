import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resolveReferenceDir } from '../src/catalog/generate/reference-dir';
import { importContent } from '../src/import/import-content';
import { derivedId } from '../src/import/derived-id';
import { readYamlFile } from '../src/import/read-yaml-file';
import { kustoLanguage } from '../src/kql/kusto-bridge';
import { time } from './timing';

export interface ImportFigures {
  readonly rules: number;
  /** Read, convert, print and write, per rule. */
  readonly importPerRuleMs: number;
  /** The same plus `validate` of the imported project (Kusto analysis of every query), per rule. */
  readonly importAndValidatePerRuleMs: number;
  readonly importMs: number;
  readonly importAndValidateMs: number;
}

/**
 * Issue 5's benchmark: import 1,000 real analytics rules. They are the Azure-Sentinel-format
 * detections of the public corpus (../shared/reference/corpus/yaml), cycled with fresh ids until
 * there are `count`, one YAML file each, imported into an empty project; once without and once with
 * the validation that `import` runs afterwards by default. Kusto.Language is loaded beforehand, so
 * its one-time start-up is not charged to the rules.
 */
export function runImportBench(repo: string = repoRoot(), count = 1000): ImportFigures {
  const sources = writeSources(path.join(repo, '.bench-out', 'import-sources'), count);
  kustoLanguage();
  const run = (validate: boolean): { ms: number; rules: number } => {
    const root = path.join(repo, '.bench-out', validate ? 'import-validated' : 'import-only');
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'rules'), { recursive: true });
    const { value, ms } = time(() => importContent({ root, inputs: [sources], cwd: repo, validate }));
    const rules = value.definitions.filter((d) => d.item.kind === 'AnalyticsRule').length;
    if (rules !== count) throw new Error(`import bench: expected ${count} imported rules, got ${rules}`);
    return { ms, rules };
  };
  const plain = run(false);
  const validated = run(true);
  return {
    rules: plain.rules,
    importMs: plain.ms,
    importAndValidateMs: validated.ms,
    importPerRuleMs: plain.ms / plain.rules,
    importAndValidatePerRuleMs: validated.ms / validated.rules,
  };
}

/** Writes `count` importable detection YAML files, each with its own id. */
function writeSources(dir: string, count: number): string {
  const corpus = path.join(resolveReferenceDir(), 'corpus', 'yaml');
  const detections = (fs.readdirSync(corpus, { recursive: true }) as string[])
    .map((f) => path.join(corpus, f))
    .filter((f) => f.endsWith('.yaml') && fs.statSync(f).isFile())
    .sort()
    .map((f) => fs.readFileSync(f, 'utf8'))
    .filter((text) => /^id:/m.test(text) && readYamlFile('x.yaml', text).items.some((i) => i.kind === 'AnalyticsRule'));
  if (detections.length === 0) throw new Error(`import bench: no importable detections under ${corpus}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const text = detections[i % detections.length].replace(/^id:.*$/m, `id: ${derivedId('import-bench', String(i))}`);
    fs.writeFileSync(path.join(dir, `rule-${String(i).padStart(4, '0')}.yaml`), text);
  }
  return dir;
}
