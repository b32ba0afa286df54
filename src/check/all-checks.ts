import type { Check } from './check';
import { customTableCheck } from './custom-table-check';
import { incidentGroupingCheck } from './incident-grouping-check';
import { duplicatesCheck } from './duplicates-check';
import { kqlCheck } from './kql-checks';
import { queryLimitsCheck } from './query-limits-check';
import { resultColumnCheck } from './result-column-checks';
import { ruleShapeCheck } from './rule-shape-check';
import { scheduleCheck } from './schedule-check';
import { techniqueCheck } from './technique-check';
import { techniqueCatalogCheck } from './technique-catalog-check';
import { versionLockCheck } from './version-lock-check';
import { watchlistCheck } from './watchlist-check';
import { workspaceDefinitionsCheck } from './workspace-definitions-check';

/** Every check `validate` and `build` run, in reporting order. */
export const ALL_CHECKS: readonly Check[] = [
  ruleShapeCheck,
  scheduleCheck,
  incidentGroupingCheck,
  techniqueCheck,
  techniqueCatalogCheck,
  kqlCheck,
  resultColumnCheck,
  queryLimitsCheck,
  watchlistCheck,
  customTableCheck,
  workspaceDefinitionsCheck,
  duplicatesCheck,
  versionLockCheck,
];
