import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { roundTripFile } from '../../src/import/round-trip/round-trip-file';
import { FIXTURES } from '../support/fixture-project';

/** ../shared/reference beside the repository, or $SENTINEL_CAC_REFERENCE_DIR. */
const EXAMPLES = path.join(resolveReferenceDir(repoRoot()), 'examples');
const examples = fs.readdirSync(EXAMPLES).sort();

/**
 * Examples that cannot be imported, and why. The watchlist template's description is
 * `[parameters('watchlistdescription')]` with no default: its value exists only at deployment.
 */
const NOT_IMPORTABLE: Readonly<Record<string, string>> = { 'watchlist-WatchlistTemplate.json': 'IMPORT_ARM_EXPRESSION' };

describe('round trip of every reference example: import, build with the project renderers, compare with the original', () => {
  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
  });

  it.each(examples)('%s', (file) => {
    const { outcomes } = roundTripFile(path.join(EXAMPLES, file), { cwd: EXAMPLES });
    expect(outcomes.length).toBeGreaterThan(0);
    const expectedReason = NOT_IMPORTABLE[file];
    if (expectedReason) {
      expect(outcomes.map((o) => ({ status: o.status, reason: o.reason }))).toEqual([{ status: 'not-imported', reason: expectedReason }]);
      return;
    }
    for (const outcome of outcomes) expect({ name: outcome.name, status: outcome.status, details: outcome.details }).toEqual({ name: outcome.name, status: 'exact', details: undefined });
  });
});

describe('round trip of the other formats import reads', () => {
  const dir = path.join(FIXTURES, 'import', 'round-trip');

  it('the reference watchlist template, with its description written literally, round-trips exactly', () => {
    const { outcomes } = roundTripFile('watchlist-template-literal.json', { cwd: dir });
    expect(outcomes.map((o) => [o.format, o.name, o.status])).toEqual([['ARM watchlist', 'ReferenceTemplate', 'exact']]);
  });

  it('a watchlist CSV round-trips its rows exactly, quoted fields included', () => {
    const { outcomes } = roundTripFile('allowed-admin-ips.csv', { cwd: dir });
    expect(outcomes.map((o) => [o.format, o.name, o.status])).toEqual([['watchlist CSV', 'allowed-admin-ips', 'exact']]);
  });

  it('a saved search in Hunting Queries round-trips with its tags; a parser saved search round-trips as a workspace function', () => {
    const { outcomes } = roundTripFile('saved-searches.json', { cwd: dir });
    expect(outcomes.map((o) => [o.format, o.name, o.status])).toEqual([
      ['ARM saved search', 'Role assignments by service principals', 'exact'],
      ['ARM function', 'AzureActivityParser', 'exact'],
    ]);
  });
});
