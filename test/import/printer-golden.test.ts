import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { importContent } from '../../src/import/import-content';
import { flatText, LINE_WIDTH, printObject, quote } from '../../src/import/print/ts-printer';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

const EXAMPLES = path.join(resolveReferenceDir(repoRoot()), 'examples');
const GOLDEN = path.join(FIXTURES, 'import', 'golden');

/**
 * One imported item of each kind, printed as a hand-written definition would be. Regenerate after a
 * deliberate change with `UPDATE_GOLDEN=1 npx jest test/import/printer-golden.test.ts` and review the diff.
 */
const CASES: readonly { readonly name: string; readonly dir: string; readonly input: string }[] = [
  { name: 'portal-export-rule', dir: EXAMPLES, input: 'portal-export__CloudArchitekt__Unauthorized actor Federated Credential UAMI (2023-12-01-preview).json' },
  { name: 'yaml-rule', dir: EXAMPLES, input: 'SentinelARConverter-tests__Scheduled.yaml' },
  { name: 'hunting-query', dir: EXAMPLES, input: 'HuntingQueries__AuditLogs__ServicePrincipalFederatedIdentityCredentialAdded.yaml' },
  { name: 'watchlist', dir: path.join(FIXTURES, 'import', 'round-trip'), input: 'allowed-admin-ips.csv' },
  { name: 'workspace-function', dir: path.join(FIXTURES, 'import', 'functions'), input: 'parser-export.json' },
];

describe('the printer writes imported definitions like hand-written ones (golden files)', () => {
  it.each(CASES)('$name', ({ name, dir, input }) => {
    const root = projectWithOverlay();
    const [definition] = importContent({ root, inputs: [input], cwd: dir, validate: false }).definitions;
    for (const [file, text] of definition.files) {
      const golden = path.join(GOLDEN, name, path.posix.basename(file));
      if (process.env.UPDATE_GOLDEN) {
        fs.mkdirSync(path.dirname(golden), { recursive: true });
        fs.writeFileSync(golden, text);
      }
      expect({ file: path.posix.basename(file), text }).toEqual({ file: path.posix.basename(file), text: fs.readFileSync(golden, 'utf8') });
    }
  });
});

describe('ts-printer', () => {
  it('quotes with single quotes, or double quotes when the text holds more single quotes', () => {
    expect(quote("it's")).toBe('"it\'s"');
    expect(quote('say "hi"')).toBe('\'say "hi"\'');
    expect(quote('a\\b\nc\td\u2028')).toBe("'a\\\\b\\nc\\td\\u2028'");
  });

  it('keeps short objects and arrays on one line, with identifier keys bare and others quoted', () => {
    expect(flatText({ entityType: 'IP', 'odd key': [1, true, null] })).toBe("{ entityType: 'IP', 'odd key': [1, true, null] }");
  });

  it('breaks what does not fit in the line width one entry per line with trailing commas, and moves long strings under their key', () => {
    const long = 'x'.repeat(LINE_WIDTH);
    const printed = printObject({ list: Array.from({ length: 30 }, (_, i) => `Value${i}`), description: long }, 0);
    expect(printed).toBe(`{\n  list: [\n${Array.from({ length: 30 }, (_, i) => `    'Value${i}',\n`).join('')}  ],\n  description:\n    '${long}',\n}`);
  });
});
