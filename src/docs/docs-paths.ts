import { slugify } from '../render/slug';

/** Where the catalog lives under dist/, and its entry page (GitHub shows a folder's README.md). */
export const DOCS_DIRECTORY = 'docs';
export const DOCS_INDEX = 'README.md';
export const COVERAGE_SVG = 'attack-coverage.svg';
export const NAVIGATOR_LAYER = 'attack-navigator-layer.json';

export type DocumentedKind = 'AnalyticsRule' | 'HuntingQuery';

/** The folder under dist/ (and dist/docs/) that holds a kind's artifacts, as render-project names them. */
export function kindFolder(kind: DocumentedKind): string {
  return kind === 'AnalyticsRule' ? 'analytics-rules' : 'hunting-queries';
}

/** A definition's page, relative to dist/docs: same folder and slug as its ARM template. */
export function pagePath(kind: DocumentedKind, name: string): string {
  return `${kindFolder(kind)}/${slugify(name)}.md`;
}

/** From a page to a built artifact beside dist/docs (e.g. the ARM template), as a relative link. */
export function artifactLink(kind: DocumentedKind, name: string, extension: 'json' | 'yaml'): string {
  return `../../${kindFolder(kind)}/${slugify(name)}.${extension}`;
}
