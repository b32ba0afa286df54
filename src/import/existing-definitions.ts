import fs from 'node:fs';
import ts from 'typescript';
import { discoverDefinitionFiles } from '../load/discover-files';
import { projectRelative } from '../load/project-layout';

/** What the project already defines, keyed like identityOf(): `id:<guid>` or `watchlist:<alias>`, lower case. */
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
          const isWatchlist = node.expression.text === 'defineWatchlist';
          const value = stringProperty(arg, isWatchlist ? 'alias' : 'id');
          if (value !== undefined && !found.has(keyOf(isWatchlist, value))) found.set(keyOf(isWatchlist, value), file);
        }
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}

function keyOf(isWatchlist: boolean, value: string): string {
  return isWatchlist ? `watchlist:${value.toLowerCase()}` : `id:${value.toLowerCase()}`;
}

function stringProperty(object: ts.ObjectLiteralExpression, name: string): string | undefined {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (key === name && ts.isStringLiteralLike(property.initializer)) return property.initializer.text;
  }
  return undefined;
}
