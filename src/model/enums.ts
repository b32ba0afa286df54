/**
 * The enumerations of the authoring model. All come from generated catalogs (the Sentinel API
 * spec and Azure-Sentinel's own entity and ATT&CK tables), so they track what Sentinel accepts.
 */
import { ENTITY_IDENTIFIERS, REQUIRED_IDENTIFIER_SETS, type EntityIdentifier, type EntityType } from '../catalog/generated/entities';

export {
  ALERT_DETAILS,
  ALERT_PROPERTIES,
  ALERT_SEVERITIES,
  EVENT_GROUPING_AGGREGATION_KINDS as EVENT_GROUPING_KINDS,
  MATCHING_METHODS,
  TRIGGER_OPERATORS,
  type AlertDetail,
  type AlertProperty,
  type AlertSeverity,
  type EventGroupingAggregationKind,
  type MatchingMethod,
  type TriggerOperator,
} from '../catalog/generated/api-enums';
export { AZURE_SENTINEL_CI_TACTICS, TACTICS, TECHNIQUE_TACTICS, type Tactic } from '../catalog/generated/attack';
export { ENTITY_IDENTIFIERS, REQUIRED_IDENTIFIER_SETS, type EntityIdentifier, type EntityType };

export const ENTITY_TYPES = Object.keys(ENTITY_IDENTIFIERS) as EntityType[];
