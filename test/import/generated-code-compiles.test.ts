import path from 'node:path';
import ts from 'typescript';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { importContent } from '../../src/import/import-content';
import { loadProject } from '../../src/load/load-project';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

const REPO = repoRoot();
const EXAMPLES = path.join(resolveReferenceDir(REPO), 'examples');

/** The repository's compiler options, with `sentinel-cac` resolving to its sources wherever the project is. */
function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(path.join(REPO, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, REPO);
  return { ...parsed.options, noEmit: true, baseUrl: REPO, paths: { 'sentinel-cac': [path.join(REPO, 'src', 'index.ts')] } };
}

describe('imported definitions are TypeScript that compiles and loads', () => {
  const root = projectWithOverlay();
  const result = importContent({ root, inputs: [EXAMPLES, path.join(FIXTURES, 'import', 'round-trip')], validate: false });
  const definitionFiles = result.definitions.map((d) => path.join(root, d.definitionFile));

  it('imports every importable example and fixture', () => {
    expect(result.definitions.length).toBeGreaterThanOrEqual(13);
  });

  it('type-checks with tsc under the project settings (strict), with no errors', () => {
    const program = ts.createProgram(definitionFiles, compilerOptions());
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && d.file.fileName.startsWith(root))
      .map((d) => `${path.relative(root, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(problems).toEqual([]);
  });

  it('loads through the project loader: one definition per imported item, no load errors', () => {
    const project = loadProject(root);
    expect(project.diagnostics).toEqual([]);
    const loaded = [...project.rules, ...project.huntingQueries, ...project.watchlists, ...project.functions].map((d) => d.source.file);
    expect(loaded).toEqual(expect.arrayContaining(result.definitions.map((d) => d.definitionFile)));
  });
});
