import { main } from '../../src/cli/main';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with `args` (as after `sentinel-cac`), capturing stdout, stderr and the exit code. */
export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const line = (t: string): string => (t.endsWith('\n') ? t : `${t}\n`);
  const code = await main(['node', 'sentinel-cac', ...args], { out: (t) => void (out += line(t)), err: (t) => void (err += line(t)) });
  return { code, out, err };
}
