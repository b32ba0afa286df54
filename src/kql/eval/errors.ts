/**
 * The one error type the evaluator throws: an unsupported construct, a Kusto.Language diagnostic,
 * or a runtime failure, always with the 1-based line and column of the construct in the query text.
 */

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export class KqlEvalError extends Error {
  readonly line: number;
  readonly column: number;
  /** What failed: the operator or function name (e.g. `render`, `series_fir`), or a diagnostic code. */
  readonly construct: string;

  constructor(message: string, position: SourcePosition, construct: string) {
    super(`${position.line}:${position.column}: ${message}`);
    this.name = 'KqlEvalError';
    this.line = position.line;
    this.column = position.column;
    this.construct = construct;
  }
}

/** 1-based line and column of a 0-based offset; CRLF and LF both end a line. */
export function positionOf(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
