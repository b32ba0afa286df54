import ts from 'typescript';

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
  private readonly sourceFile: ts.SourceFile;
  private readonly calls: ts.ObjectLiteralExpression[];

  constructor(
    readonly fileName: string,
    readonly text: string,
  ) {
    this.sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    this.calls = collectDefineCalls(this.sourceFile);
  }

  /** Position of the n-th `defineXxx({...})` call whose `key` property is the string `value`. */
  definitionObject(key: string, value: string): ts.ObjectLiteralExpression | undefined {
    return this.calls.find((obj) => {
      const prop = findProperty(obj, key);
      return prop !== undefined && ts.isStringLiteralLike(prop.initializer) && prop.initializer.text === value;
    });
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
      if (ts.isNoSubstitutionTemplateLiteral(n)) found = n;
      else n.forEachChild(visit);
    };
    visit(node);
    return found ? found.getStart(this.sourceFile) + 1 : undefined;
  }
}

function collectDefineCalls(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression[] {
  const out: ts.ObjectLiteralExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^define[A-Z]/.test(node.expression.text)) {
      const arg = node.arguments[0];
      if (arg && ts.isObjectLiteralExpression(arg)) out.push(arg);
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return out;
}

function findProperty(obj: ts.ObjectLiteralExpression, key: string): ts.PropertyAssignment | undefined {
  for (const prop of obj.properties) {
    if (ts.isPropertyAssignment(prop) && propertyName(prop.name) === key) return prop;
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

function childAt(node: ts.Node, step: string | number): ts.Node | undefined {
  const target = unwrap(node);
  if (typeof step === 'string' && ts.isObjectLiteralExpression(target)) {
    return findProperty(target, step)?.initializer;
  }
  if (typeof step === 'number' && ts.isArrayLiteralExpression(target)) {
    return target.elements[step];
  }
  return undefined;
}

/** Looks through `x as const`, parentheses and `satisfies` so paths reach the literal. */
function unwrap(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isAsExpression(current) || ts.isParenthesizedExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}
