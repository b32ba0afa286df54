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

/** Exit codes: 0 success, 1 the content has errors, 2 usage error. */
export const EXIT = { ok: 0, contentErrors: 1, usage: 2 } as const;
