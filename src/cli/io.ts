import fs from 'node:fs';

/** Where commands print; injectable so tests can capture output without spawning a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function writeOutput(file: string | undefined, text: string, io: CliIo): void {
  if (file) fs.writeFileSync(file, text);
  else io.out(text);
}

/**
 * Exit codes: 0 success, 1 the content (or config) has errors, 2 usage error; `plan` exits 3 when
 * something would change (a pipeline can gate on it) and `deploy` 4 when something failed to apply.
 */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2, changes: 3, deployFailed: 4 } as const;
