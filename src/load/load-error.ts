import type { Diagnostic } from '../check/diagnostic';

/**
 * Turns an exception thrown while compiling or running a definition file into a diagnostic that
 * points at the failing line, taken from the compiler's message or the stack frame in that file.
 */
export function loadErrorDiagnostic(error: unknown, absolute: string, file: string): Diagnostic {
  const err = error instanceof Error ? error : new Error(String(error));
  const position = findPosition(err, absolute);
  const firstLine = err.message.split('\n').find((l) => l.trim().length > 0) ?? err.message;
  return {
    code: 'DEFINITION_LOAD_ERROR',
    severity: 'error',
    message: `cannot load definition file: ${firstLine.replace(absolute, file)}`,
    file,
    line: position.line,
    column: position.column,
    hint: 'fix the TypeScript so the file compiles and runs (npx tsc --noEmit shows type errors too)',
  };
}

function findPosition(err: Error, absolute: string): { line: number; column: number } {
  const escaped = absolute.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}:(\\d+):(\\d+)`);
  for (const text of [err.message, err.stack ?? '']) {
    const match = pattern.exec(text);
    if (match) return { line: Number(match[1]), column: Number(match[2]) };
  }
  // esbuild (tsx) and swc report "<line>:<column>" next to the file name in other shapes.
  const loose = /:(\d+):(\d+)/.exec(err.message);
  return loose ? { line: Number(loose[1]), column: Number(loose[2]) } : { line: 1, column: 1 };
}
