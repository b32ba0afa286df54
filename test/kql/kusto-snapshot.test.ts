import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSnapshot, snapshotFile } from '../../src/kql/kusto-snapshot.cjs';
import { FIXTURES, projectWithOverlay } from '../support/fixture-project';

/**
 * The start-up snapshot of Kusto.Language that the CLI's commands run from: built once, checked,
 * never used when stale or broken, and invisible in what a command prints or returns.
 */
const REPO = path.join(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'sentinel-cac.cjs');
jest.setTimeout(180_000);

const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kusto-snapshot-'));

describe('ensureSnapshot', () => {
  const cacheDir = tempDir();
  let file: string | undefined;

  beforeAll(() => {
    // What earlier versions left two days ago: another key's snapshot, its failure record and a
    // killed build's partial file; and another flag set's snapshot, used an hour ago.
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    for (const name of ['kusto-0123456789abcdef.blob', 'kusto-0123456789abcdef.blob.4242.tmp', 'kusto-1111111111111111.blob.failed', 'unrelated.txt']) {
      fs.writeFileSync(path.join(cacheDir, name), 'old');
      fs.utimesSync(path.join(cacheDir, name), twoDaysAgo, twoDaysAgo);
    }
    const anHourAgo = new Date(Date.now() - 3600 * 1000);
    fs.writeFileSync(path.join(cacheDir, 'kusto-2222222222222222.blob'), 'in use');
    fs.utimesSync(path.join(cacheDir, 'kusto-2222222222222222.blob'), anHourAgo, anHourAgo);
    file = ensureSnapshot(cacheDir);
  });

  it('builds a snapshot a process starts from with Kusto.Language ready', () => {
    expect(file).toBe(snapshotFile(cacheDir));
    const script = path.join(cacheDir, 'analyze.js');
    fs.writeFileSync(
      script,
      `const K = Kusto.Language;
       const d = K.KustoCode.ParseAndAnalyze('print x = 1 | where y > 0', K.GlobalState.Default).GetDiagnostics();
       console.log(JSON.stringify({ main: require.main === module, args: process.argv.slice(2), first: d.getItem(0).Message }));`,
    );
    // Named relative to the working folder, as on a command line.
    const run = spawnSync(process.execPath, ['--snapshot-blob', file!, path.basename(script), 'a', '--b'], { cwd: cacheDir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ main: true, args: ['a', '--b'], first: expect.stringMatching(/name 'y'/) });
  });

  it('reuses the snapshot it built, and removes only its own files unused for a day', () => {
    const content = fs.readFileSync(file!);
    expect(ensureSnapshot(cacheDir, () => { throw new Error('built again'); })).toBe(file);
    expect(fs.readFileSync(file!).equals(content)).toBe(true);
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['analyze.js', path.basename(file!), 'kusto-2222222222222222.blob', 'unrelated.txt'].sort());
  });

  it('does not try again after a failed build for the same Node.js and Kusto.Language', () => {
    const dir = tempDir();
    fs.writeFileSync(`${snapshotFile(dir)}.failed`, 'building it exited 1\n');
    expect(ensureSnapshot(dir, () => { throw new Error('tried to build'); })).toBeUndefined();
    expect(fs.existsSync(snapshotFile(dir))).toBe(false);
  });

  it('gives up quietly when the folder cannot be written', () => {
    const dir = tempDir();
    const blocked = path.join(dir, 'cache');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    expect(ensureSnapshot(blocked)).toBeUndefined();
  });
});

describe('the CLI from the snapshot', () => {
  /** A project whose one function definition reports, as it loads, whether Kusto.Language was already there. */
  function projectThatReportsKusto(): string {
    const root = projectWithOverlay(path.join(FIXTURES, 'bad-input', 'entity-column-missing'));
    fs.mkdirSync(path.join(root, 'functions'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'functions', 'probe.ts'),
      `import { defineFunction } from 'sentinel-cac';
console.error(\`kusto at load: \${typeof (globalThis as { Kusto?: unknown }).Kusto}\`);
export const probe = defineFunction({ name: 'Probe', query: 'print Probe = 1' });
`,
    );
    return root;
  }

  const validate = (root: string, env: NodeJS.ProcessEnv) =>
    spawnSync(process.execPath, [BIN, 'validate', '-C', root, '--format', 'json', '--no-cache'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ...env } });

  it('runs validate from the snapshot, with the same findings and exit code as without it', () => {
    const root = projectThatReportsKusto();
    const fromSnapshot = validate(root, {});
    const without = validate(root, { SENTINEL_CAC_SNAPSHOT: '0' });
    expect(fromSnapshot.stderr).toContain('kusto at load: object');
    expect(without.stderr).toContain('kusto at load: undefined');
    expect(fromSnapshot.status).toBe(1);
    expect(without.status).toBe(1);
    expect(JSON.parse(fromSnapshot.stdout)).toEqual(JSON.parse(without.stdout));
    expect(JSON.parse(fromSnapshot.stdout).diagnostics).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'RESULT_COLUMN_MISSING' })]));
  });

  it('starts from a snapshot built under the same V8 flags when NODE_OPTIONS sets some', () => {
    const root = projectThatReportsKusto();
    // V8 refuses a snapshot built under other flags; this one must get its own.
    const run = validate(root, { NODE_OPTIONS: '--max-old-space-size=3000' });
    expect(run.stderr).toContain('kusto at load: object');
    expect(run.stderr).not.toMatch(/Failed to load the startup snapshot/);
    expect(run.status).toBe(1);
  });

  it('passes a signal on, so stopping the CLI stops the command', async () => {
    const root = projectThatReportsKusto();
    const pidFile = path.join(root, 'command.pid');
    // A definition that hangs as it loads, after saying which process it is in.
    fs.writeFileSync(
      path.join(root, 'functions', 'hang.ts'),
      `import fs from 'node:fs';
fs.writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
export {};
`,
    );
    const cli = spawn(process.execPath, [BIN, 'validate', '-C', root, '--no-cache'], { cwd: REPO, stdio: 'ignore' });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => cli.on('exit', (_code, signal) => resolve(signal)));
    while (!fs.existsSync(pidFile) || fs.readFileSync(pidFile, 'utf8') === '') await new Promise((r) => setTimeout(r, 50));
    const commandPid = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(commandPid).not.toBe(cli.pid); // the command runs in the snapshot's process
    cli.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(() => process.kill(commandPid, 0)).toThrow(/ESRCH/);
  });
});
