import type { Diagnostic } from '../check/diagnostic';
import type { ValidatedProject } from '../check/validate-project';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import type { LoadedTestCases } from '../load/load-test-cases';
import type { Artifact } from '../render/render-project';
import { attackCoverage, type CoverageDefinition } from './attack-coverage';
import { catalogIndex } from './catalog-index-model';
import { coverageSvg } from './coverage-svg';
import { definitionPage } from './definition-page-model';
import { COVERAGE_SVG, DOCS_DIRECTORY, DOCS_INDEX, NAVIGATOR_LAYER, pagePath } from './docs-paths';
import { renderDocsTemplate } from './docs-templates';
import { navigatorLayer } from './navigator-layer';

/**
 * The rule catalog under dist/docs: a Markdown page per rule and hunting query, an index grouped by
 * tactic, the coverage heatmap (SVG) and an ATT&CK Navigator layer. Pure apart from reading the
 * templates; the test cases are loaded by the caller.
 */
export function renderDocs(validated: ValidatedProject, cases: { readonly suites: readonly LoadedTestCases[]; readonly diagnostics: readonly Diagnostic[] }): Artifact[] {
  const { project, analyses } = validated;
  const definitions = [...project.rules, ...project.huntingQueries].filter((d) => d.query !== undefined).sort(byKindThenName);
  const artifacts: Artifact[] = [];
  for (const definition of definitions) {
    const page = definitionPage(definition, analyses.get(definition), project, cases);
    artifacts.push({ path: `${DOCS_DIRECTORY}/${page.path}`, text: renderDocsTemplate('definition-page', page), from: definition });
  }
  const covered: CoverageDefinition[] = definitions.map((d) => ({
    id: d.props.id,
    name: d.props.name,
    kind: d.kind,
    page: pagePath(d.kind, d.props.name),
    tactics: d.props.tactics,
    techniques: d.props.techniques ?? [],
  }));
  const coverage = attackCoverage(covered);
  const index = catalogIndex(definitions.map((d, i) => ({ ...covered[i], severity: d.kind === 'AnalyticsRule' ? d.props.severity : undefined })));
  artifacts.push({ path: `${DOCS_DIRECTORY}/${DOCS_INDEX}`, text: renderDocsTemplate('catalog-index', index) });
  artifacts.push({ path: `${DOCS_DIRECTORY}/${COVERAGE_SVG}`, text: coverageSvg(coverage, covered) });
  artifacts.push({ path: `${DOCS_DIRECTORY}/${NAVIGATOR_LAYER}`, text: `${JSON.stringify(navigatorLayer(coverage, 'sentinel-cac rule coverage'), null, 2)}\n` });
  return artifacts;
}

function byKindThenName(a: LoadedRule | LoadedHuntingQuery, b: LoadedRule | LoadedHuntingQuery): number {
  if (a.kind !== b.kind) return a.kind === 'AnalyticsRule' ? -1 : 1;
  return a.props.name < b.props.name ? -1 : a.props.name > b.props.name ? 1 : 0;
}
