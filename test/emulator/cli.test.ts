import { buildCli, type CliOptions, emulatorOptionsFrom } from './main';

const parse = (...args: string[]) => emulatorOptionsFrom(buildCli().exitOverride().configureOutput({ writeErr: () => {} }).parse(['node', 'main', ...args]).opts<CliOptions>());

describe('emulator CLI options', () => {
  test('defaults: port 0, pages of 50, no latency, no throttling, authorization required', () => {
    const { options, failEvery } = parse('--quiet');
    expect(options).toMatchObject({ port: 0, pageSize: 50, latencyMs: 0, throttle: false, requireAuthorization: true });
    expect(failEvery).toBeUndefined();
  });

  test('--throttle-writes implies throttling with that bucket; --fail-rate becomes every nth request', () => {
    const { options, failEvery } = parse('--throttle-writes', '20/2', '--fail-rate', '0.25', '--latency-ms', '40', '--no-auth', '--quiet');
    expect(options).toMatchObject({ throttle: { writes: { capacity: 20, refillPerSecond: 2 } }, latencyMs: 40, requireAuthorization: false });
    expect(failEvery).toBe(4);
  });

  test('bad values are usage errors naming the option', () => {
    expect(() => parse('--throttle-writes', 'lots')).toThrow(/--throttle-writes.*capacity/);
    expect(() => parse('--fail-rate', '3')).toThrow(/--fail-rate/);
  });
});
