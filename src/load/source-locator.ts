import type ts from 'typescript';
import { requireBundle } from '../util/require-bundle';

let compiler: typeof import('typescript') | undefined;

/** The TypeScript compiler takes ~0.2 s to load (~0.4 s through tsx), so only when a first position is needed. */
function typescript(): typeof import('typescript') {
  compiler ??= requireBundle('typescript') as typeof import('typescript');
  return compiler;
}

/**
 * A position worked out when first read: diagnostics carry positions, but loading creates one for
 * every query, and most are never shown.
 */
export function lazyPosition(locate: () => Position): Position {
  let found: Position | undefined;
  const get = (): Position => (found ??= locate());
  const position = {};
  Object.defineProperty(position, 'line', { enumerable: true, get: () => get().line });
  Object.defineProperty(position, 'column', { enumerable: true, get: () => get().column });
  return position as Position;
}

/** A path into a definition's props, e.g. ['entityMappings', 0, 'fieldMappings', 1, 'columnName']. */
export type PropPath = readonly (string | number)[];

export interface Position {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/**
 * Finds where a definition's properties are written in its `.ts` file, so that a diagnostic about
 * `entityMappings[1].fieldMappings[0].columnName` points at that very literal rather than at the file.
 * Uses the TypeScript parser: positions survive any formatting the author chooses.
 */
export class SourceLocator {
  private parsed: { readonly sourceFile: ts.SourceFile; readonly calls: ts.ObjectLiteralExpression[] } | undefined;

  constructor(
    readonly fileName: string,
    readonly text: string,
  ) {}

  /** Parsed on first use: most files never need a position, and parsing all of them costs seconds. */
  private get sourceFile(): ts.SourceFile {
    return this.parse().sourceFile;
  }

  private get calls(): ts.ObjectLiteralExpression[] {
    return this.parse().calls;
  }

  private parse(): { readonly sourceFile: ts.SourceFile; readonly calls: ts.ObjectLiteralExpression[] } {
    if (!this.parsed) {
      const { createSourceFile, ScriptTarget, ScriptKind } = typescript();
      const sourceFile = createSourceFile(this.fileName, this.text, ScriptTarget.ES2022, true, ScriptKind.TS);
      this.parsed = { sourceFile, calls: collectDefineCalls(sourceFile) };
    }
    return this.parsed;
  }

  /** Position of the n-th `defineXxx({...})` call whose `key` property is the string `value`. */
  definitionObject(key: string, value: string): ts.ObjectLiteralExpression | undefined {
    return this.calls.find((obj) => {
      const prop = findProperty(obj, key);
      return prop !== undefined && typescript().isStringLiteralLike(prop.initializer) && prop.initializer.text === value;
    });
  }

  /** The `nth` `defineXxx({...})` call with none of `keys`: a definition without a string key (the workspace catalog). */
  keylessDefinitionObject(keys: readonly string[], nth: number): ts.ObjectLiteralExpression | undefined {
    return this.calls.filter((obj) => keys.every((key) => findProperty(obj, key) === undefined))[nth];
  }

  /** The deepest node on `path` that is written literally in the file, starting from `root`. */
  nodeAt(root: ts.ObjectLiteralExpression | undefined, path: PropPath): ts.Node | undefined {
    let node: ts.Node | undefined = root;
    for (const step of path) {
      if (node === undefined) return undefined;
      const next = childAt(node, step);
      if (next === undefined) return node;
      node = next;
    }
    return node;
  }

  positionOf(node: ts.Node | undefined): Position {
    if (node === undefined) return { line: 1, column: 1 };
    return this.positionAtOffset(node.getStart(this.sourceFile));
  }

  positionAtOffset(offset: number): Position {
    const { line, character } = this.sourceFile.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  }

  /** Offset of the first character inside an inline kql`...` template found under `node`. */
  inlineTemplateStart(node: ts.Node | undefined): number | undefined {
    if (node === undefined) return undefined;
    let found: ts.NoSubstitutionTemplateLiteral | undefined;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (typescript().isNoSubstitutionTemplateLiteral(n)) found = n;
      else n.forEachChild(visit);
    };
    visit(node);
    return found ? found.getStart(this.sourceFile) + 1 : undefined;
  }
}

function collectDefineCalls(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (typescript().isCallExpression(node) && typescript().isIdentifier(node.expression) && /^define[A-Z]/.test(node.expression.text)) {
      const arg = node.arguments[0];
      if (arg && typescript().isObjectLiteralExpression(arg)) out.push(arg);
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return out;
}

function findProperty(obj: ts.ObjectLiteralExpression, key: string): ts.PropertyAssignment | undefined {
  for (const prop of obj.properties) {
    if (typescript().isPropertyAssignment(prop) && propertyName(prop.name) === key) return prop;
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (typescript().isIdentifier(name) || typescript().isStringLiteral(name) || typescript().isNumericLiteral(name)) return name.text;
  return undefined;
}

function childAt(node: ts.Node, step: string | number): ts.Node | undefined {
  const target = unwrap(node);
  if (typeof step === 'string' && typescript().isObjectLiteralExpression(target)) {
    return findProperty(target, step)?.initializer;
  }
  if (typeof step === 'number' && typescript().isArrayLiteralExpression(target)) {
    return target.elements[step];
  }
  return undefined;
}

/** Looks through `x as const`, parentheses and `satisfies` so paths reach the literal. */
function unwrap(node: ts.Node): ts.Node {
  let current = node;
  while (typescript().isAsExpression(current) || typescript().isParenthesizedExpression(current) || typescript().isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}
