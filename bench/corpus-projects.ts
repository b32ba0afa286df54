import fs from 'node:fs';
import path from 'node:path';
import { resolveReferenceDir } from '../src/catalog/generate/reference-dir';
import { importContent } from '../src/import/import-content';

/** One imported project per source repository of the corpus. */
export interface CorpusProject {
  /** The corpus's `source_repo`, e.g. `cloudflare/Azure-Sentinel`. */
  readonly repo: string;
  readonly root: string;
  /** YAML files given to `import`. */
  readonly sourceFiles: number;
  /** Rules and hunting queries it wrote. */
  readonly definitions: number;
}

const IMPORTED_KINDS = new Set(['yaml:analytic', 'yaml:hunting']);

/**
 * Imports every `yaml:analytic` and `yaml:hunting` file of the corpus (per MANIFEST.tsv) with the
 * project's own `import`, into one project per source repository: the same rule appears in several
 * repository snapshots under the same id, so one project for all would only collect duplicates.
 * Import runs without its validation, which is what the benchmark measures afterwards.
 */
export function importCorpusProjects(outDir: string): CorpusProject[] {
  const corpus = path.join(resolveReferenceDir(), 'corpus');
  const byRepo = new Map<string, string[]>();
  for (const row of readManifest(path.join(corpus, 'MANIFEST.tsv'))) {
    if (!IMPORTED_KINDS.has(row.kind)) continue;
    byRepo.set(row.repo, [...(byRepo.get(row.repo) ?? []), path.join(corpus, row.corpusPath)]);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  const projects: CorpusProject[] = [];
  for (const [repo, files] of [...byRepo].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const root = path.join(outDir, repo.replace(/[^A-Za-z0-9._-]+/g, '+'));
    fs.mkdirSync(path.join(root, 'rules'), { recursive: true });
    const result = importContent({ root, inputs: files, cwd: corpus, validate: false });
    // Content shared across workspaces: every solution's parsers and custom tables are assumed present.
    fs.mkdirSync(path.join(root, 'tables'), { recursive: true });
    fs.writeFileSync(path.join(root, 'tables', 'workspace.ts'), "import { defineWorkspaceCatalog } from 'sentinel-cac';\n\nexport const workspace = defineWorkspaceCatalog({ solutions: 'all' });\n");
    const definitions = result.definitions.filter((d) => d.item.kind === 'AnalyticsRule' || d.item.kind === 'HuntingQuery').length;
    projects.push({ repo, root, sourceFiles: files.length, definitions });
  }
  return projects;
}

interface ManifestRow {
  readonly corpusPath: string;
  readonly repo: string;
  readonly kind: string;
}

function readManifest(file: string): ManifestRow[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const columns = header.split('\t');
  const at = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`${file}: no "${name}" column in the header (${columns.join(', ')})`);
    return index;
  };
  const [pathCol, repoCol, kindCol] = [at('corpus_path'), at('source_repo'), at('kind')];
  return lines.map((line) => {
    const cells = line.split('\t');
    return { corpusPath: cells[pathCol], repo: cells[repoCol], kind: cells[kindCol] };
  });
}
