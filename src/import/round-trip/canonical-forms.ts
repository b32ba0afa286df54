import { parse as parseYaml } from 'yaml';
import type { PropPath } from '../../load/source-locator';
import type { Artifact } from '../../render/render-project';
import { unescapeArmLiterals } from '../arm-expressions';
import { isPlainObject } from '../field-values';
import type { SourceFormat } from '../imported-item';
import { canonicalFunction } from './canonical-function';
import { canonicalHuntingYaml, canonicalSavedSearch } from './canonical-hunting';
import { canonicalAlertRule } from './canonical-rule';
import { canonicalArmWatchlist, canonicalRows } from './canonical-watchlist';

/** The artifact `build` writes in the same format as the source, and how to find it among a definition's artifacts. */
const ARTIFACT: Readonly<Record<SourceFormat, (a: Artifact) => boolean>> = {
  'detection YAML': (a) => a.kind === 'detectionYaml',
  'ARM alert rule': (a) => a.kind === 'alertRuleTemplate',
  'hunting YAML': (a) => a.kind === 'huntingYaml',
  'ARM saved search': (a) => a.kind === 'huntingTemplate',
  'ARM function': (a) => a.kind === 'functionTemplate',
  'ARM watchlist': (a) => a.kind === 'watchlistTemplate',
  'watchlist CSV': (a) => a.path.endsWith('.csv'),
};

export function pickArtifact(format: SourceFormat, artifacts: readonly Artifact[]): Artifact | undefined {
  return artifacts.find(ARTIFACT[format]);
}

/** The canonical form of a built artifact, read back from its text (not from the value it was printed from). */
export function canonicalFromArtifact(format: SourceFormat, artifact: Artifact): Record<string, unknown> {
  if (format === 'watchlist CSV') return { content: canonicalRows(artifact.text) };
  if (format === 'detection YAML' || format === 'hunting YAML') return canonicalOf(format, parseYaml(artifact.text), []);
  return canonicalOf(format, JSON.parse(artifact.text), ['resources', 0]);
}

/** The canonical form of the original item: the YAML document, or the resource at `path` of the ARM file. */
export function canonicalFromSource(format: SourceFormat, sourceText: string, path: PropPath): Record<string, unknown> {
  const text = sourceText.charCodeAt(0) === 0xfeff ? sourceText.slice(1) : sourceText;
  if (format === 'watchlist CSV') return { content: canonicalRows(text) };
  if (format === 'detection YAML' || format === 'hunting YAML') return canonicalOf(format, parseYaml(text), path);
  return canonicalOf(format, JSON.parse(text), path);
}

function canonicalOf(format: SourceFormat, document: unknown, path: PropPath): Record<string, unknown> {
  const value = path.reduce<unknown>((v, step) => (isPlainObject(v) || Array.isArray(v) ? (v as Record<string | number, unknown>)[step] : undefined), document);
  const item = isPlainObject(value) ? value : {};
  switch (format) {
    case 'detection YAML':
      return canonicalAlertRule(item.kind, item, 'yaml');
    case 'hunting YAML':
      return canonicalHuntingYaml(item);
    case 'ARM alert rule':
      return canonicalAlertRule(item.kind, unescapeArmLiterals(propertiesOf(item)), 'arm');
    case 'ARM saved search':
      return canonicalSavedSearch(unescapeArmLiterals(propertiesOf(item)));
    case 'ARM function':
      return canonicalFunction(unescapeArmLiterals(propertiesOf(item)));
    default:
      return canonicalArmWatchlist(unescapeArmLiterals(propertiesOf(item)));
  }
}

function propertiesOf(resource: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return isPlainObject(resource.properties) ? resource.properties : {};
}
