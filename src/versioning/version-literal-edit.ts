import ts from 'typescript';
import { SourceLocator } from '../load/source-locator';

/** A replacement of `text.slice(start, end)` in one file. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The edit that sets the `version` of the definition with this `id` in a `.ts` file, found with the
 * TypeScript parser so that only the literal changes: its quote style, the comments and the
 * formatting around it are kept. A definition without `version` (hunting queries default to 1.0.0)
 * gets the property inserted after `id`. Throws, naming the file, when the version is not written
 * as a string literal (a constant, a template): such a file has to be bumped by hand.
 */
export function versionLiteralEdit(fileName: string, text: string, id: string, version: string): TextEdit {
  const locator = new SourceLocator(fileName, text);
  const object = locator.definitionObject('id', id);
  if (!object) throw new Error(`${fileName}: no define...({ id: '${id}', ... }) call found; set its version to ${version} by hand`);
  const property = findProperty(object, 'version');
  if (property) {
    const literal = property.initializer;
    if (!ts.isStringLiteral(literal)) {
      throw new Error(`${fileName}: the version of ${id} is not a string literal; set it to '${version}' by hand`);
    }
    const quote = literal.getText().charAt(0);
    return { start: literal.getStart(), end: literal.getEnd(), text: `${quote}${version}${quote}` };
  }
  return insertAfterId(object, id, version, fileName, text);
}

/** Applies edits to a text; they must not overlap. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

function insertAfterId(object: ts.ObjectLiteralExpression, id: string, version: string, fileName: string, text: string): TextEdit {
  const idProperty = findProperty(object, 'id');
  if (!idProperty) throw new Error(`${fileName}: cannot find the id property of ${id}`);
  const index = object.properties.indexOf(idProperty);
  const quote = idProperty.initializer.getText().charAt(0) === '"' ? '"' : "'";
  const next = object.properties[index + 1];
  if (next) {
    const start = next.getStart();
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const indent = text.slice(lineStart, start);
    const separator = /^\s*$/.test(indent) ? `\n${indent}` : ' ';
    return { start, end: start, text: `version: ${quote}${version}${quote},${separator}` };
  }
  return { start: idProperty.getEnd(), end: idProperty.getEnd(), text: `, version: ${quote}${version}${quote}` };
}

function findProperty(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name,
  );
}
