import fs from 'node:fs';
import ts from 'typescript';
import { discoverDefinitionFiles } from '../load/discover-files';
import { projectRelative } from '../load/project-layout';

/** What the project already defines, keyed like identityOf(): `id:<guid>`, `watchlist:<alias>` or `function:<name>`, lower case. */
export type ExistingDefinitions = ReadonlyMap<string, string>;

/**
 * Finds the ids and aliases the project's definition files already declare, by parsing them with
 * the TypeScript parser (never running them): an import must not create a second definition of a
 * rule, and must know which file to replace when --force is given.
 */
export function scanExistingDefinitions(root: string): ExistingDefinitions {
  const found = new Map<string, string>();
  for (const absolute of discoverDefinitionFiles(root)) {
    const file = projectRelative(root, absolute);
    const source = ts.createSourceFile(absolute, fs.readFileSync(absolute, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^define[A-Z]/.test(node.expression.text)) {
        const arg = node.arguments[0];
        if (arg && ts.isObjectLiteralExpression(arg)) {
          const [prefix, property] = IDENTITY[node.expression.text] ?? ['id', 'id'];
          const value = stringProperty(arg, property);
          const key = value === undefined ? undefined : `${prefix}:${value.toLowerCase()}`;
          if (key !== undefined && !found.has(key)) found.set(key, file);
        }
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}

/** The identity prefix and property of each define function (rules and hunting queries: `id`). */
const IDENTITY: Readonly<Record<string, readonly [prefix: string, property: string]>> = {
  defineWatchlist: ['watchlist', 'alias'],
  defineFunction: ['function', 'name'],
};

function stringProperty(object: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (key === name && ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}
