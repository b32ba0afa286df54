import { loadProject } from '../../src/load/load-project';
import { canonicalJson } from '../../src/versioning/canonical-json';
import { contentHash } from '../../src/versioning/content-hash';
import { BASE_QUERY, BASE_RULE, copyOf, edit, lockedProject } from './versioned-project';

function ruleHash(root: string): string | undefined {
  return contentHash(loadProject(root).rules[0]);
}

describe('content hash', () => {
  const base = lockedProject();
  const baseHash = ruleHash(base);

  it('is a sha256 of the rendered rule', () => {
    expect(baseHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('ignores formatting, comments and the export name in the .ts', () => {
    const root = copyOf(base);
    edit(root, BASE_RULE, (t) =>
      t.replace('export const baseRule', '// reformatted\nexport   const renamedRule').replace("severity: 'Medium',", "severity:\n    'Medium' ,"),
    );
    expect(ruleHash(root)).toBe(baseHash);
  });

  it('ignores the version, so a bump alone is not a change', () => {
    const root = copyOf(base);
    edit(root, BASE_RULE, (t) => t.replace("version: '1.0.0'", "version: '7.0.0'"));
    expect(ruleHash(root)).toBe(baseHash);
  });

  it('changes when the KQL changes', () => {
    const root = copyOf(base);
    edit(root, BASE_QUERY, (t) => t.replace('AlertSeverity = "Medium"', 'AlertSeverity = "High"'));
    expect(ruleHash(root)).not.toBe(baseHash);
  });

  it('changes when a setting Sentinel sees changes', () => {
    const root = copyOf(base);
    edit(root, BASE_RULE, (t) => t.replace("queryFrequency: '1h'", "queryFrequency: '30m'"));
    expect(ruleHash(root)).not.toBe(baseHash);
  });

  it('canonical JSON sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
  });
});
