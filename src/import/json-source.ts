import ts from 'typescript';
import type { Diagnostic } from '../check/diagnostic';
import type { PropPath, Position } from '../load/source-locator';
import { START, type SourceDocument } from './source-document';

/**
 * A JSON file (an ARM template): values from JSON.parse, and positions from the TypeScript JSON
 * parser, built only when a diagnostic needs one, since most of a large template never does.
 */
export class JsonSource implements SourceDocument {
  private tree: ts.JsonSourceFile | undefined;

  constructor(
    readonly file: string,
    private readonly text: string,
    readonly value: unknown,
  ) {}

  locate(path: PropPath, options: { readonly key?: boolean } = {}): Position {
    const found = this.nodeAt(path, options);
    if (!found) return START;
    const tree = this.parsed();
    const { line, character } = tree.getLineAndCharacterOfPosition(found.getStart(tree));
    return { line: line + 1, column: character + 1 };
  }

  /**
   * Where the character at `offset` of the string value at `path` is written: JSON strings hold
   * their line breaks as escapes, so a query's line 12 is somewhere along one long source line.
   */
  positionInString(path: PropPath, offset: number): Position | undefined {
    const node = this.nodeAt(path, {});
    if (!node || !ts.isStringLiteral(node)) return undefined;
    const tree = this.parsed();
    const start = node.getStart(tree) + 1;
    const raw = this.text.slice(start, node.end - 1);
    let decoded = 0;
    let i = 0;
    while (i < raw.length && decoded < offset) {
      i += raw[i] !== '\\' ? 1 : raw[i + 1] === 'u' ? 6 : 2;
      decoded++;
    }
    const { line, character } = tree.getLineAndCharacterOfPosition(start + i);
    return { line: line + 1, column: character + 1 };
  }

  private parsed(): ts.JsonSourceFile {
    return (this.tree ??= ts.parseJsonText(this.file, this.text));
  }

  private nodeAt(path: PropPath, options: { readonly key?: boolean }): ts.Node | undefined {
    const tree = this.parsed();
    let node: ts.Node | undefined = tree.statements[0]?.expression;
    let found: ts.Node | undefined = node;
    for (let i = 0; i < path.length && node; i++) {
      const step = path[i];
      if (typeof step === 'number' && ts.isArrayLiteralExpression(node)) {
        node = node.elements[step];
      } else if (ts.isObjectLiteralExpression(node)) {
        const property: ts.PropertyAssignment | undefined = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && nameOf(p.name) === String(step));
        node = options.key && i === path.length - 1 ? property?.name : property?.initializer;
      } else {
        node = undefined;
      }
      if (node) found = node;
    }
    return found;
  }
}

export type ParsedJson = { readonly source: JsonSource; readonly diagnostic?: undefined } | { readonly source?: undefined; readonly diagnostic: Diagnostic };

/** Parses a JSON file; a syntax error is a diagnostic at the place the TypeScript JSON parser finds it. */
export function parseJsonFile(file: string, raw: string): ParsedJson {
  // A byte-order mark is legal in a file but not in JSON.parse's input; positions are unaffected after line 1.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return { source: new JsonSource(file, text, JSON.parse(text)) };
  } catch (error) {
    // JSON.parse names the offset it stopped at; the TypeScript parser, which also accepts trailing
    // commas and comments, gives the position when JSON.parse's message has none.
    const tree = ts.parseJsonText(file, text);
    const offset = /at position (\d+)/.exec((error as Error).message)?.[1];
    const first = (tree as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
    const at = tree.getLineAndCharacterOfPosition(offset !== undefined ? Number(offset) : (first?.start ?? 0));
    const message = (error as Error).message.replace(/ in JSON at position \d+.*$/, '');
    return {
      diagnostic: {
        code: 'IMPORT_JSON_SYNTAX',
        severity: 'error',
        message: `invalid JSON: ${message}`,
        file,
        line: at.line + 1,
        column: at.character + 1,
        hint: 'fix the JSON so that it parses; nothing from this file was imported',
      },
    };
  }
}

function nameOf(name: ts.PropertyName): string | undefined {
  return ts.isStringLiteral(name) || ts.isIdentifier(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}
