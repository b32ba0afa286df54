import ts from 'typescript';
import type { Diagnostic } from '../check/diagnostic';

/**
 * Turns an exception thrown while compiling or running a definition file into a diagnostic that
 * points at the failing line, taken from the compiler's message or the stack frame in that file.
 */
export function loadErrorDiagnostic(error: unknown, absolute: string, file: string, text: string): Diagnostic {
  const err = error instanceof Error ? error : new Error(String(error));
  const syntax = firstSyntaxError(absolute, text);
  const position = syntax ?? findPosition(err, absolute);
  const firstLine = syntax?.message ?? err.message.split('\n').find((l) => l.trim().length > 0) ?? err.message;
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

/**
 * Syntax errors are re-read with the TypeScript parser, so the position and wording are the same
 * whichever transformer (esbuild in the CLI, swc under jest) failed to compile the file.
 */
function firstSyntaxError(absolute: string, text: string): { line: number; column: number; message: string } | undefined {
  const source = ts.createSourceFile(absolute, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const { line, character } = source.getLineAndCharacterOfPosition(first.start);
  return { line: line + 1, column: character + 1, message: `syntax error: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}` };
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
