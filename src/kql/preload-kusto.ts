import { requireBundle } from '../util/require-bundle';
import { kustoIsLoaded } from './kusto-snapshot.cjs';

/**
 * The two scripts kusto-bridge.ts requires (keep in step with it; a test checks). JSON, so the
 * analysis worker's plain-JavaScript entry can load them too.
 */
export const KUSTO_SCRIPTS = require('./kusto-scripts.json') as readonly string[];

/**
 * Runs Kusto.Language's scripts through requireBundle before kusto-bridge requires them: under the
 * CLI's tsx hook a plain require() of these 5 MB costs ~0.2 s more. kusto-bridge's own require()
 * then finds them in require.cache and does not run them again.
 */
export function preloadKustoLanguage(): void {
  if (kustoIsLoaded()) return;
  for (const script of KUSTO_SCRIPTS) requireBundle(script);
}
