/**
 * `npm run emulator -- [options]`: runs the Sentinel/ARM emulator until Ctrl-C and prints its URL.
 * Nothing happens on import; the process only starts under the `require.main === module` guard.
 */
import { Command, InvalidArgumentError } from 'commander';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from './server';
import type { TokenBucketSettings } from './token-bucket';

function integer(min: number) {
  return (value: string): number => {
    if (!/^-?\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
    return Number(value);
  };
}

function fraction(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number in (0, 1], e.g. 0.1 for one request in ten');
  return n;
}

function bucket(value: string): Partial<TokenBucketSettings> {
  const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(value);
  if (!m) throw new InvalidArgumentError('expected <capacity>/<refill per second>, e.g. 200/10');
  return { capacity: Number(m[1]), refillPerSecond: Number(m[2]) };
}

export interface CliOptions {
  port: number;
  host?: string;
  pageSize: number;
  latencyMs: number;
  throttle?: boolean;
  throttleWrites?: Partial<TokenBucketSettings>;
  throttleDeletes?: Partial<TokenBucketSettings>;
  throttleReads?: Partial<TokenBucketSettings>;
  failRate?: number;
  failEvery?: number;
  failStatus: number;
  auth: boolean;
  referenceDir?: string;
  quiet?: boolean;
}

export function buildCli(): Command {
  return new Command('sentinel-arm-emulator')
    .description('Local emulator of the Sentinel / ARM REST API (alert rules, watchlists, metadata, saved searches) on 127.0.0.1')
    .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', integer(0), 0)
    .option('--page-size <n>', 'items per list page before a nextLink', integer(1), 50)
    .option('--latency-ms <ms>', 'delay added to every request', integer(0), 0)
    .option('--throttle', "ARM token-bucket throttling with ARM's limits (writes 200/10, deletes 200/10, reads 250/25)")
    .option('--throttle-writes <capacity/refill>', 'write bucket, e.g. 200/10 (implies --throttle)', bucket)
    .option('--throttle-deletes <capacity/refill>', 'delete bucket (implies --throttle)', bucket)
    .option('--throttle-reads <capacity/refill>', 'read bucket (implies --throttle)', bucket)
    .option('--fail-rate <fraction>', 'fail this share of requests, deterministically every round(1/fraction)th', fraction)
    .option('--fail-every <n>', 'fail every nth request', integer(1))
    .option('--fail-status <code>', 'status of the failed requests', integer(400), 503)
    .option('--no-auth', 'accept requests without an Authorization header')
    .option('--reference-dir <dir>', 'shared reference folder with api/*.json (default SENTINEL_CAC_REFERENCE_DIR or ../shared/reference)')
    .option('--quiet', 'do not print one line per request');
}

export function emulatorOptionsFrom(cli: CliOptions): { options: EmulatorOptions; failEvery?: number } {
  const buckets = { writes: cli.throttleWrites, deletes: cli.throttleDeletes, reads: cli.throttleReads };
  const custom = Object.fromEntries(Object.entries(buckets).filter(([, v]) => v !== undefined));
  const throttle = Object.keys(custom).length > 0 ? custom : cli.throttle === true;
  const failEvery = cli.failEvery ?? (cli.failRate !== undefined ? Math.max(1, Math.round(1 / cli.failRate)) : undefined);
  return {
    options: {
      port: cli.port,
      pageSize: cli.pageSize,
      latencyMs: cli.latencyMs,
      throttle,
      requireAuthorization: cli.auth,
      referenceDir: cli.referenceDir,
      onRequest: cli.quiet ? undefined : (e) => console.log(`${e.method} ${e.path} -> ${e.status || 'connection reset'} ${e.durationMs}ms${e.fault ? ` [${e.fault}]` : ''}`),
    },
    failEvery,
  };
}

export async function runCli(argv: readonly string[]): Promise<RunningEmulator> {
  const program = buildCli().exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
  program.parse([...argv]);
  const cli = program.opts<CliOptions>();
  const { options, failEvery } = emulatorOptionsFrom(cli);
  const emulator = await startEmulator(options);
  if (failEvery !== undefined) emulator.faults.failEveryNth(failEvery, { status: cli.failStatus });
  return emulator;
}

if (require.main === module) {
  runCli(process.argv)
    .then((emulator) => {
      console.log(`Sentinel ARM emulator listening on ${emulator.url}`);
      console.log(`Use it as the ARM endpoint, e.g. armClientOptions('${emulator.url}', credential). Ctrl-C stops it.`);
      const stop = (): void => {
        void emulator.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((e: Error) => {
      console.error(`emulator: ${e.message}`);
      process.exit(2);
    });
}
