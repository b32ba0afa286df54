import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, visit, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../check/diagnostic';
import type { PropPath, Position } from '../load/source-locator';
import { START, type SourceDocument } from './source-document';

/**
 * One YAML document of a source file, parsed with the `yaml` package so every value keeps its
 * range: diagnostics point at the user's line and column, and the lines of a `query: |` block map
 * one to one onto the generated `.kql` file.
 */
export class YamlSource implements SourceDocument {
  constructor(
    readonly file: string,
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
    private readonly sourceText: string,
    readonly value: unknown,
  ) {}

  locate(path: PropPath, options: { readonly key?: boolean } = {}): Position {
    let node: unknown = this.document.contents;
    let position = this.positionOfNode(node) ?? START;
    for (const step of path) {
      const pair = findPair(node, step);
      if (!pair) return position;
      if (options.key && step === path[path.length - 1] && pair.key) return this.positionOfNode(pair.key) ?? position;
      node = pair.value;
      position = this.positionOfNode(node) ?? position;
    }
    return position;
  }

  /**
   * For a literal block scalar (`query: |`), the source line of the value's first line and the
   * indentation of its content; undefined for other styles, whose lines do not map one to one.
   */
  literalBlock(path: PropPath): { readonly firstLine: number; readonly indent: number } | undefined {
    const node = this.document.getIn(path, true) as Node | undefined;
    if (!isScalar(node) || node.type !== Scalar.BLOCK_LITERAL || !node.range) return undefined;
    const headerLine = this.lineCounter.linePos(node.range[0]).line;
    const header = /^\|([1-9])?[-+]?([1-9])?/.exec(this.sourceText.slice(node.range[0]));
    const explicit = header?.[1] ?? header?.[2];
    const parentIndent = this.indentOfLine(headerLine);
    const indent = explicit ? parentIndent + Number(explicit) : this.firstContentIndent(headerLine + 1);
    return { firstLine: headerLine + 1, indent };
  }

  private indentOfLine(line: number): number {
    const start = this.lineCounter.lineStarts[line - 1] ?? 0;
    return /^ */.exec(this.sourceText.slice(start))?.[0].length ?? 0;
  }

  /** The indentation of the first non-blank line from `line` on: how YAML detects a block's indent. */
  private firstContentIndent(line: number): number {
    const starts = this.lineCounter.lineStarts;
    for (let i = line - 1; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1] : this.sourceText.length;
      const text = this.sourceText.slice(starts[i], end).replace(/\r?\n$/, '');
      if (text.trim() !== '') return /^ */.exec(text)?.[0].length ?? 0;
    }
    return 0;
  }

  private positionOfNode(node: unknown): Position | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    const { line, col } = this.lineCounter.linePos(range[0]);
    return { line, column: col };
  }
}

export interface ParsedYamlFile {
  readonly documents: readonly YamlSource[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses every document of a YAML file. Syntax errors become diagnostics at their line; a tab used
 * for indentation gets its own message, since it is the commonest way hand-edited YAML breaks.
 */
export function parseYamlFile(file: string, raw: string): ParsedYamlFile {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const documents = Array.isArray(parsed) ? parsed : [];
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (!error) continue;
    const { line, col } = lineCounter.linePos(unclosedQuoteStart(document, error.pos[0]) ?? error.pos[0]);
    diagnostics.push(syntaxDiagnostic(file, text, lineCounter, line, col, error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')));
  }
  if (diagnostics.length) return { documents: [], diagnostics: diagnostics.slice(0, 1) };
  return {
    documents: documents.map((document) => new YamlSource(file, document, lineCounter, text, document.toJS({ maxAliasCount: 100 }))),
    diagnostics,
  };
}

function syntaxDiagnostic(file: string, text: string, lineCounter: LineCounter, line: number, column: number, message: string): Diagnostic {
  const tabLine = firstTabIndentedLine(text, lineCounter, line);
  if (tabLine !== undefined) {
    return {
      code: 'IMPORT_YAML_TAB',
      severity: 'error',
      message: `line ${tabLine} is indented with a tab; YAML allows only spaces for indentation`,
      file,
      line: tabLine,
      column: 1,
      hint: 'replace the leading tab(s) with spaces (most editors: "convert indentation to spaces")',
    };
  }
  return { code: 'IMPORT_YAML_SYNTAX', severity: 'error', message: `invalid YAML: ${message}`, file, line, column, hint: 'fix the YAML so that it parses; nothing from this file was imported' };
}

/** The first line at or before the error (tab errors are often reported one line late) that starts with a tab. */
function firstTabIndentedLine(text: string, lineCounter: LineCounter, errorLine: number): number | undefined {
  const starts = lineCounter.lineStarts;
  for (let line = 1; line <= Math.min(errorLine + 1, starts.length); line++) {
    if (text.charCodeAt(starts[line - 1]) === 9) return line;
  }
  return undefined;
}

/**
 * A missing closing quote is only noticed at the end of the file; the useful place is where the
 * quoted scalar that runs to the error begins.
 */
function unclosedQuoteStart(document: Document.Parsed, errorOffset: number): number | undefined {
  if (!document.errors[0]?.message.startsWith('Missing closing')) return undefined;
  let start: number | undefined;
  visit(document, {
    Scalar(_key, node) {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && node.range && node.range[1] >= errorOffset) start ??= node.range[0];
    },
  });
  return start;
}

function findPair(node: unknown, step: string | number): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === step);
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    return item === undefined ? undefined : { key: undefined, value: item };
  }
  return undefined;
}
