import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli';
import { FIXTURES, projectWithFiles, projectWithOverlay } from '../support/fixture-project';

const run = runCli;

describe('sentinel-cac test', () => {
  const root = projectWithOverlay(path.join(FIXTURES, 'with-cases'));

  it('runs every case, prints expected against actual for failures, and exits 1', async () => {
    const { code, out } = await run('-C', root, 'test');
    expect(code).toBe(1);
    expect(out).toContain('ok   a write by an unknown caller alerts');
    expect(out).toContain('FAIL a deliberately wrong expectation fails readably');
    expect(out).toContain('expected 2 alerts, got 1');
    expect(out).toContain('expected severity High, got Medium');
    expect(out).toContain('1 passed, 1 failed');
  });

  it('--reporter junit writes JUnit XML with one failure element per unmet expectation', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'junit-')), 'report.xml');
    await run('-C', root, 'test', '--reporter', 'junit', '--output', file);
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0"/);
    expect(xml).toContain('<testsuites name="sentinel-cac" tests="2" failures="1" errors="0">');
    expect(xml.match(/<failure /g)).toHaveLength(2);
  });

  it('--grep selects cases by name', async () => {
    const { code, out } = await run('-C', root, 'test', '--grep', 'unknown caller');
    expect(code).toBe(0);
    expect(out).toContain('1 passed, 0 failed');
  });
});

describe('sentinel-cac run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-'));
  const query = (name: string, text: string): string => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  it('runs a self-contained query without --data and prints a table', async () => {
    const file = query('q.kql', 'datatable(User:string, Count:long)["alice", 3, "bob", 5]\n| where Count > 3');
    const { code, out } = await run('run', file);
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 3)).toEqual(['User  Count', '----  -----', 'bob   5']);
  });

  it('reads tables from --data and prints JSON with --format json', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
    fs.writeFileSync(path.join(data, 'SigninLogs.json'), JSON.stringify([{ UserPrincipalName: 'a@contoso.example', ResultType: '50126' }, { UserPrincipalName: 'a@contoso.example', ResultType: '0' }]));
    const file = query('s.kql', 'SigninLogs | where ResultType != "0" | summarize Failures = count() by UserPrincipalName');
    const { code, out } = await run('run', file, '--data', data, '--format', 'json', '--now', '2026-01-01T00:00:00Z');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows).toEqual([{ UserPrincipalName: 'a@contoso.example', Failures: 1 }]);
  });

  it('a --data file that is not JSON is an error with its line and column, not a stack trace', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'data-'));
    fs.writeFileSync(path.join(data, 'SigninLogs.json'), '[\n  {"a": 1},\n  {bad\n]');
    const { code, err } = await run('run', query('b.kql', 'SigninLogs | take 1'), '--data', data);
    expect(code).toBe(1);
    expect(err).toContain(`${path.join(data, 'SigninLogs.json')}:3:4: not valid JSON`);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('an unsupported construct is an error naming it and its position', async () => {
    const file = query('u.kql', 'print x = 1\n| evaluate autocluster()');
    const { code, err } = await run('run', file);
    expect(code).toBe(1);
    expect(err).toMatch(/u\.kql:2:\d+ error KQL_EVAL .*autocluster/);
  });
});

describe('sentinel-cac test with an externaldata feed', () => {
  const FEED = 'https://feeds.example/bad-ips.csv';
  const QUERY = `import { defineHuntingQuery, kql } from 'sentinel-cac';
export const feedHits = defineHuntingQuery({
  id: '66666666-6666-4666-8666-666666666666',
  version: '1.0.0',
  name: 'Sign-ins from feed IPs',
  description: 'Sign-ins from addresses on an IOC feed.',
  tactics: ['InitialAccess'],
  techniques: ['T1078'],
  query: kql\`let bad = externaldata(Ip:string) [@"${FEED}"] with (format="csv");
SigninLogs
| where IPAddress in (bad)
| project UserPrincipalName, IPAddress\`,
});
`;
  const CASES = (externalData: string): string => `import { defineHuntingTests } from 'sentinel-cac';
import { feedHits } from './feed-hits';
export default defineHuntingTests(feedHits, [
  {
    name: 'a sign-in from a listed address is found',
    now: '2026-03-01T12:00:00Z',
    tables: { SigninLogs: [{ UserPrincipalName: 'a@contoso.example', IPAddress: '203.0.113.7' }, { UserPrincipalName: 'b@contoso.example', IPAddress: '198.51.100.1' }] },
    ${externalData}
    expect: { rows: 1, includes: [{ UserPrincipalName: 'a@contoso.example' }] },
  },
]);
`;
  /** A new project each time: definitions load once per path. */
  const projectWith = (externalData: string): string => projectWithFiles({ 'rules/hunting/feed-hits.ts': QUERY, 'rules/hunting/feed-hits.cases.ts': CASES(externalData) });

  it('reads the feed rows a case gives by URL', async () => {
    const { code, out } = await run('-C', projectWith(`externalData: { '${FEED}': [{ Ip: '203.0.113.7' }] },`), 'test');
    expect(out).toContain('ok   a sign-in from a listed address is found');
    expect(code).toBe(0);
  });

  it('fails a case whose query reads a feed the case gives no rows for, naming the URL', async () => {
    const { code, out } = await run('-C', projectWith(''), 'test');
    expect(out).toContain(`no rows are given for ${FEED}`);
    expect(code).toBe(1);
  });
});

describe('sentinel-cac run --external-data', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-external-'));
  const FEED = 'https://feeds.example/bad-ips.csv';
  const file = path.join(dir, 'hits.kql');
  fs.writeFileSync(file, `let bad = externaldata(Ip:string) [@"${FEED}"] with (format="csv");\nbad | where Ip startswith "203."`);

  it('reads the rows each URL returns from the file', async () => {
    const feeds = path.join(dir, 'feeds.json');
    fs.writeFileSync(feeds, JSON.stringify({ [FEED]: [{ Ip: '203.0.113.7' }, { Ip: '198.51.100.1' }] }));
    const { code, out } = await run('run', file, '--external-data', feeds, '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(out).rows).toEqual([{ Ip: '203.0.113.7' }]);
  });

  it('without it, fails naming the URL and the option', async () => {
    const { code, err } = await run('run', file);
    expect(code).toBe(1);
    expect(err).toContain(`no rows are given for ${FEED}`);
    expect(err).toContain('run --external-data');
  });

  it('a file of the wrong shape is an error saying the shape', async () => {
    const feeds = path.join(dir, 'wrong.json');
    fs.writeFileSync(feeds, JSON.stringify([{ Ip: '203.0.113.7' }]));
    const { code, err } = await run('run', file, '--external-data', feeds);
    expect(code).toBe(1);
    expect(err).toContain('expected an object of URL -> array of rows');
  });
});

describe('sentinel-cac test with an ASIM parser', () => {
  const query = (kql: string): string => `import { defineHuntingQuery, kql } from 'sentinel-cac';
export const encoded = defineHuntingQuery({
  id: '77777777-7777-4777-8777-777777777777',
  version: '1.0.0',
  name: 'Encoded PowerShell',
  description: 'PowerShell started with an encoded command, from any source, through ASIM.',
  tactics: ['Execution'],
  techniques: ['T1059'],
  query: kql\`${kql}\`,
});
`;
  const CASES = `import { defineHuntingTests } from 'sentinel-cac';
import { encoded } from './encoded';
export default defineHuntingTests(encoded, [
  {
    name: 'an encoded command line is found',
    now: '2026-03-01T12:00:00Z',
    tables: {},
    functions: { imProcessCreate: [
      { DvcHostname: 'ws-01', CommandLine: 'powershell.exe -EncodedCommand SQBFAFgA', TargetProcessName: 'powershell.exe' },
      { DvcHostname: 'ws-02', CommandLine: 'notepad.exe', TargetProcessName: 'notepad.exe' },
    ] },
    expect: { rows: 1, includes: [{ DvcHostname: 'ws-01' }] },
  },
]);
`;
  const projectWith = (kql: string): string => projectWithFiles({ 'rules/hunting/encoded.ts': query(kql), 'rules/hunting/encoded.cases.ts': CASES });

  it("takes the parser's output rows from the case, typed by the ASIM schema", async () => {
    const { code, out } = await run('-C', projectWith('imProcessCreate\n| where CommandLine has "-EncodedCommand"\n| project DvcHostname, CommandLine'), 'test');
    expect(out).toContain('ok   an encoded command line is found');
    expect(code).toBe(0);
  });

  it('refuses a call with arguments, whose filtering the rows cannot reflect', async () => {
    const { code, out } = await run('-C', projectWith('imProcessCreate(commandline_has_any = dynamic(["-EncodedCommand"]))\n| project DvcHostname, CommandLine'), 'test');
    expect(out).toContain('rows are given for imProcessCreate, but this call passes arguments');
    expect(code).toBe(1);
  });
});

describe('sentinel-cac test over a solution table and parser known by name only', () => {
  const WORKSPACE = `import { defineWorkspaceCatalog } from 'sentinel-cac';
export const workspace = defineWorkspaceCatalog({ customTables: ['Senserva_CL'], parsers: ['GitHubAudit'] });
`;
  const QUERY = (kql: string): string => `import { defineHuntingQuery, kql } from 'sentinel-cac';
export const risk = defineHuntingQuery({
  id: '88888888-8888-4888-8888-888888888888',
  version: '1.0.0',
  name: 'User risk policy control failed',
  description: 'A failed Secure Score control, from a solution table whose columns no reference lists.',
  tactics: ['DefenseEvasion'],
  query: kql\`${kql}\`,
});
`;
  const CASES = (source: 'tables' | 'functions'): string => `import { defineHuntingTests } from 'sentinel-cac';
import { risk } from './risk';
export default defineHuntingTests(risk, [
  {
    name: 'the failed control is found, with its own columns',
    now: '2026-03-01T12:00:00Z',
    tables: {},
    ${source}: { ${source === 'tables' ? 'Senserva_CL' : 'GitHubAudit'}: [
      { TimeGenerated: '2026-03-01T11:00:00Z', ControlName_s: 'AzureSecureScoreUserRiskPolicy', Failed_b: true, Count_d: 3 },
      { TimeGenerated: '2026-03-01T11:00:00Z', ControlName_s: 'Other', Failed_b: true, Count_d: 1 },
    ] },
    expect: { rows: 1, includes: [{ ControlName_s: 'AzureSecureScoreUserRiskPolicy', Count: 4 }] },
  },
]);
`;
  const projectWith = (kql: string, source: 'tables' | 'functions'): string =>
    projectWithFiles({ 'tables/workspace.ts': WORKSPACE, 'rules/hunting/risk.ts': QUERY(kql), 'rules/hunting/risk.cases.ts': CASES(source) });
  const KQL = (source: string): string => `${source}\n| where ControlName_s == "AzureSecureScoreUserRiskPolicy" and tobool(Failed_b)\n| extend Count = toint(Count_d) + 1\n| project ControlName_s, Count`;

  it('reads the columns of the case rows for a custom table the workspace declares by name', async () => {
    const { code, out } = await run('-C', projectWith(KQL('Senserva_CL'), 'tables'), 'test');
    expect(out).toContain('ok   the failed control is found, with its own columns');
    expect(code).toBe(0);
  });

  it('and for a parser it declares by name', async () => {
    const { code, out } = await run('-C', projectWith(KQL('GitHubAudit'), 'functions'), 'test');
    expect(out).toContain('ok   the failed control is found, with its own columns');
    expect(code).toBe(0);
  });

  it('still reports a column the rows do not have, by name', async () => {
    const { code, out } = await run('-C', projectWith(KQL('Senserva_CL').replace('Failed_b', 'Failed_x'), 'tables'), 'test');
    expect(out).toMatch(/column 'Failed_x' is not in the input/);
    expect(code).toBe(1);
  });
});
