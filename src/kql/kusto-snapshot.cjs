// @ts-check
'use strict';
/**
 * A V8 start-up snapshot of Kusto.Language, so that a command that analyzes KQL does not spend its
 * first second loading the library and building its global state.
 *
 * Loading Kusto.Language's 5 MB of Bridge.NET scripts and its first analysis cost ~1 s in every
 * process, which dominates `validate` after editing one rule. A process started from the snapshot
 * (`node --snapshot-blob`) has all of it in its heap in ~0.15 s. The CLI's launcher
 * (bin/sentinel-cac.cjs) therefore runs the commands that analyze KQL in a child process started
 * from the snapshot.
 *
 * The snapshot is built on first use (~2 s) into node_modules/.cache/sentinel-cac/, and checked
 * before it is used. V8 refuses a snapshot built under other V8 flags, so it is built, and named,
 * for this Node.js, Kusto.Language, and the flags node runs with (its options and NODE_OPTIONS, e.g.
 * a larger heap in CI). Anything that goes wrong only costs the speed-up: the command then runs as
 * before. SENTINEL_CAC_SNAPSHOT=0 turns it off.
 *
 * Plain JavaScript: it runs before the TypeScript loader, which the snapshot's process then loads.
 */
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ENTRY = path.join(__dirname, 'kusto-snapshot-entry.cjs');
/** @type {readonly string[]} */
const KUSTO_SCRIPTS = require('./kusto-scripts.json');
const DEFAULT_CACHE_DIR = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'sentinel-cac');

/** The commands that analyze KQL (every one that validates the project). */
const KQL_COMMANDS = new Set(['validate', 'build', 'plan', 'deploy', 'import', 'test', 'run', 'schema']);
/**
 * Those that call relaunchFromSnapshot() themselves, once they know they will analyze something:
 * `validate` with nothing changed since its last run reads every analysis from its cache, and is
 * faster without the ~0.2 s a snapshot process costs to start.
 */
const SELF_RELAUNCHING_COMMANDS = new Set(['validate']);

/**
 * The command an argument list (without node and the script) runs: its first word that is not an
 * option, skipping -C/--project's value; undefined when --help or --version comes first or there is
 * no word.
 * @param {readonly string[]} args
 * @returns {string | undefined}
 */
function commandWord(args) {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-C' || arg === '--project') i++;
    else if (arg === '--' || arg === '-h' || arg === '--help' || arg === '-V' || arg === '--version') return undefined;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Whether this process already has Kusto.Language (it started from the snapshot, or loaded it). */
function kustoIsLoaded() {
  return /** @type {{ Kusto?: unknown }} */ (globalThis).Kusto !== undefined;
}

/**
 * The node options this process was started with when it started from the snapshot, for starting
 * more processes the same way (analysis helpers); undefined otherwise.
 * @returns {readonly string[] | undefined}
 */
function snapshotNodeArgs() {
  const fromSnapshot = process.execArgv.some((arg) => arg === '--snapshot-blob' || arg.startsWith('--snapshot-blob='));
  return fromSnapshot && kustoIsLoaded() ? process.execArgv : undefined;
}

/**
 * The snapshot's file for this Node.js, Kusto.Language and node's flags: its name changes with any
 * of them, and with what the snapshot runs, so a stale or refused one is never used.
 * @param {string} cacheDir
 */
function snapshotFile(cacheDir) {
  const kustoPackage = require.resolve('@kusto/language-service-next/package.json');
  const key = crypto
    .createHash('sha256')
    .update(
      [process.version, process.platform, process.arch, JSON.stringify(process.execArgv), process.env.NODE_OPTIONS ?? '', fs.readFileSync(kustoPackage, 'utf8'), fs.readFileSync(ENTRY, 'utf8')].join(
        '\0',
      ),
    )
    .digest('hex')
    .slice(0, 16);
  return path.join(cacheDir, `kusto-${key}.blob`);
}

/**
 * The snapshot's file, built first when there is none. Undefined when it cannot be built or fails
 * its check; that failure is recorded beside it, so later runs do not try again for this key.
 * @param {string} [cacheDir]
 * @param {(message: string) => void} [tell] told before the ~2 s build
 * @returns {string | undefined}
 */
function ensureSnapshot(cacheDir = DEFAULT_CACHE_DIR, tell = () => {}) {
  let file;
  try {
    file = snapshotFile(cacheDir);
    if (fs.existsSync(file)) {
      markInUse(file);
      return file;
    }
    if (fs.existsSync(`${file}.failed`)) return undefined;
    fs.mkdirSync(cacheDir, { recursive: true });
  } catch {
    return undefined;
  }
  tell(`sentinel-cac: building a start-up snapshot of Kusto.Language for Node.js ${process.version} (once, ~2 s)`);
  // Written under a name of its own and renamed when checked: a run that starts meanwhile (or a
  // second build racing this one) never sees a partial file.
  const partial = `${file}.${process.pid}.tmp`;
  try {
    const scripts = JSON.stringify(KUSTO_SCRIPTS.map((script) => require.resolve(script)));
    // Under the same flags as the commands that will start from it (NODE_OPTIONS comes with the environment).
    const built = spawnSync(process.execPath, [...process.execArgv, '--snapshot-blob', partial, '--build-snapshot', ENTRY], {
      env: { ...process.env, SENTINEL_CAC_KUSTO_SCRIPTS: scripts },
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`building it exited ${built.status ?? built.signal}: ${built.stderr.trim()}`);
    const checked = spawnSync(process.execPath, [...process.execArgv, '--snapshot-blob', partial], { encoding: 'utf8' });
    if (checked.stdout !== 'function') throw new Error(`starting from it printed ${JSON.stringify(checked.stdout)} and ${JSON.stringify(checked.stderr.trim())}`);
    fs.renameSync(partial, file);
    removeOtherSnapshots(cacheDir, file);
    return file;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    try {
      fs.writeFileSync(`${file}.failed`, `${error instanceof Error ? error.message : String(error)}\n`);
    } catch {
      // the next run tries again
    }
    return undefined;
  }
}

/**
 * Cleaning up after another key's build leaves a snapshot used within a day alone.
 * @param {string} file
 */
function markInUse(file) {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // a read-only cache: nothing builds there either
  }
}

/** A day: a snapshot of another key unused for longer belongs to an old Node.js, Kusto.Language or flag set. */
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Snapshots of other keys (~23 MB each) not used for a day, their failure records, and what a killed
 * build left, in our own cache folder. One in use is touched on every use, so a machine that
 * alternates between two flag sets keeps both, and a concurrent run never loses its file.
 * @param {string} cacheDir
 * @param {string} keep
 */
function removeOtherSnapshots(cacheDir, keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(cacheDir)) {
    const other = path.join(cacheDir, name);
    if (other === keep || !/^kusto-[0-9a-f]{16}\.blob(\.\d+\.tmp|\.failed)?$/.test(name)) continue;
    try {
      if (now - fs.statSync(other).mtimeMs > UNUSED_FOR_MS) fs.rmSync(other, { force: true });
    } catch {
      // removed meanwhile by another run
    }
  }
}

/**
 * Whether the launcher should leave the relaunch to the command (SELF_RELAUNCHING_COMMANDS).
 * @param {readonly string[]} argv process.argv
 */
function commandRelaunchesItself(argv) {
  return SELF_RELAUNCHING_COMMANDS.has(commandWord(argv.slice(2)) ?? '');
}

/**
 * Runs `node <script> <args>` again from the snapshot when the command analyzes KQL, forwarding
 * signals, and resolves with its exit code. Undefined when this process should just run the command
 * itself: it already has Kusto.Language, the command does not analyze KQL, the snapshot is turned
 * off (SENTINEL_CAC_SNAPSHOT=0), or there is none.
 * @param {readonly string[]} argv process.argv
 * @returns {Promise<number> | undefined}
 */
function relaunchFromSnapshot(argv) {
  if (process.env.SENTINEL_CAC_SNAPSHOT === '0' || kustoIsLoaded()) return undefined;
  const command = commandWord(argv.slice(2));
  if (command === undefined || !KQL_COMMANDS.has(command)) return undefined;
  const file = ensureSnapshot(DEFAULT_CACHE_DIR, (message) => process.stderr.isTTY && process.stderr.write(`${message}\n`));
  if (file === undefined) return undefined;
  const child = spawn(process.execPath, [...process.execArgv, '--snapshot-blob', file, ...argv.slice(1)], { stdio: 'inherit' });
  /** @type {NodeJS.Signals[]} */
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => child.kill(signal);
  for (const signal of forwarded) process.on(signal, forward);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`sentinel-cac: could not start from the Kusto.Language snapshot (${error.message}); set SENTINEL_CAC_SNAPSHOT=0 to run without it\n`);
      resolve(70);
    });
    child.on('exit', (code, signal) => {
      for (const s of forwarded) process.off(s, forward);
      // Ended by a signal: end the same way, so a caller sees what a direct run would have shown.
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 1);
    });
  });
}

module.exports = { commandRelaunchesItself, commandWord, ensureSnapshot, kustoIsLoaded, relaunchFromSnapshot, snapshotFile, snapshotNodeArgs, KQL_COMMANDS };
