import { createProgram, invokedCommand } from '../../src/cli/main';
import { KQL_COMMANDS } from '../../src/kql/kusto-snapshot.cjs';

const io = { out: () => undefined, err: () => undefined };

describe('commands loaded on demand', () => {
  const all = createProgram(io, () => undefined).commands.map((c) => c.name());

  it('registers just the invoked command, under its own name, with the same options as in the full tree', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const name of all) {
      const alone = createProgram(io, () => undefined, name).commands;
      expect(alone.map((c) => c.name())).toEqual([name]);
      const full = createProgram(io, () => undefined).commands.find((c) => c.name() === name)!;
      // `run --now` defaults to the current time, which moves between the two calls.
      const timeless = (help: string): string => help.replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '<now>');
      expect(timeless(alone[0].helpInformation())).toEqual(timeless(full.helpInformation()));
    }
  });

  it('finds the command past the global options, and wants the whole tree for help, version and typos', () => {
    expect(invokedCommand(['validate', '--format', 'json'])).toBe('validate');
    expect(invokedCommand(['-C', 'some/dir', 'build'])).toBe('build');
    expect(invokedCommand(['--project', 'validate', 'plan'])).toBe('plan');
    expect(invokedCommand(['--project=x', 'deploy'])).toBe('deploy');
    expect(invokedCommand(['--help', 'validate'])).toBeUndefined();
    expect(invokedCommand(['-V'])).toBeUndefined();
    expect(invokedCommand(['help', 'validate'])).toBeUndefined();
    expect(invokedCommand(['deploi'])).toBeUndefined();
    expect(invokedCommand([])).toBeUndefined();
  });

  it('knows of every command whether it analyzes KQL, so the launcher starts it from the Kusto.Language snapshot or not', () => {
    const withoutKql = ['version', 'new'];
    expect([...KQL_COMMANDS].sort()).toEqual(all.filter((name) => !withoutKql.includes(name)).sort());
  });
});
