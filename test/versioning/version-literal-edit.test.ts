import { applyTextEdits, versionLiteralEdit } from '../../src/versioning/version-literal-edit';
import { bumpVersion, compareVersions } from '../../src/versioning/semver';

const ID = '4849f010-d7ae-4031-8a2b-90058c230df3';

function setVersion(text: string, version: string): string {
  return applyTextEdits(text, [versionLiteralEdit('rules/q.ts', text, ID, version)]);
}

describe('editing a version in a .ts source', () => {
  it('replaces the literal only, keeping its quote style and surrounding comments', () => {
    const text = `export const q = defineHuntingQuery({\n  id: "${ID}",\n  version: /* keep */ "1.0.0", // note\n  name: 'Q',\n});\n`;
    expect(setVersion(text, '1.0.1')).toBe(text.replace('"1.0.0"', '"1.0.1"'));
  });

  it('edits the definition with the given id when a file holds several', () => {
    const text = `defineHuntingQuery({ id: 'other', version: '3.0.0' });\ndefineHuntingQuery({ id: '${ID}', version: '1.0.0' });\n`;
    expect(setVersion(text, '2.0.0')).toBe(text.replace("'1.0.0'", "'2.0.0'"));
  });

  it('inserts a version after the id when the definition has none, in the file\'s indentation', () => {
    const text = `defineHuntingQuery({\n    id: '${ID}',\n    name: 'Q',\n});\n`;
    expect(setVersion(text, '1.0.1')).toBe(`defineHuntingQuery({\n    id: '${ID}',\n    version: '1.0.1',\n    name: 'Q',\n});\n`);
  });

  it('refuses a version that is not a string literal, naming the file', () => {
    const text = `const V = '1.0.0';\ndefineHuntingQuery({ id: '${ID}', version: V });\n`;
    expect(() => setVersion(text, '1.0.1')).toThrow("rules/q.ts: the version of 4849f010-d7ae-4031-8a2b-90058c230df3 is not a string literal; set it to '1.0.1' by hand");
  });
});

describe('semantic versions', () => {
  it('bumps patch, minor (resetting patch) and major (resetting both)', () => {
    expect([bumpVersion('1.2.3', 'patch'), bumpVersion('1.2.3', 'minor'), bumpVersion('1.2.3', 'major')]).toEqual(['1.2.4', '1.3.0', '2.0.0']);
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBeGreaterThan(0);
  });
});
