import crypto from 'node:crypto';
import type { LoadedHuntingQuery, LoadedRule } from '../load/loaded-project';
import { alertRuleProperties } from '../render/arm-alert-rule';
import { savedSearchProperties } from '../render/arm-hunting-query';
import { detectionYamlObject, huntingYamlObject } from '../render/yaml-rule';
import { canonicalJson } from './canonical-json';

/**
 * The content hash the version lock records: sha256 of the canonical JSON of what is deployed and
 * shipped (the ARM properties and the Azure-Sentinel YAML), with the version fields left out so that
 * a version bump alone does not change it. Because it is computed from rendered output, reformatting
 * the `.ts` or renaming its export changes nothing, while any change Sentinel would see (the
 * rendered KQL, a threshold, an entity mapping) does. Undefined when the query could not be loaded;
 * throws if the definition is too malformed to render (validate reports why).
 */
export function contentHash(definition: LoadedRule | LoadedHuntingQuery): string | undefined {
  if (!definition.query) return undefined;
  const text = definition.query.text;
  const content =
    definition.kind === 'AnalyticsRule'
      ? {
          kind: definition.props.kind === 'NRT' ? 'NRT' : 'Scheduled',
          arm: without(alertRuleProperties(definition.props, text), 'templateVersion'),
          yaml: without(detectionYamlObject(definition.props, text), 'version'),
        }
      : {
          kind: 'HuntingQuery',
          // The saved search's own `version` is its format version (2), not the query's; drop it too.
          arm: without(savedSearchProperties(definition.props, text), 'version'),
          yaml: without(huntingYamlObject(definition.props, text), 'version'),
        };
  return `sha256:${crypto.createHash('sha256').update(canonicalJson(content)).digest('hex')}`;
}

function without(object: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = object;
  return rest;
}
