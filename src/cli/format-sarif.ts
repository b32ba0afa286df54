import type { Diagnostic } from '../check/diagnostic';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads, so KQL errors show inline on pull requests.
 * Paths are relative to the repository root (%SRCROOT%).
 */
export function formatSarif(diagnostics: readonly Diagnostic[], toolVersion: string): string {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sentinel-cac',
            version: toolVersion,
            informationUri: 'https://github.com/sentinel-cac/sentinel-cac',
            rules: codes.map((id) => ({ id, name: id, shortDescription: { text: id.toLowerCase().replace(/_/g, ' ') } })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: LEVEL[d.severity],
          message: { text: d.hint ? `${d.message}\nHint: ${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file, uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column },
              },
            },
          ],
          ...(d.ruleId ? { properties: { sentinelRuleId: d.ruleId } } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
