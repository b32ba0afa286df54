import fs from 'node:fs';
import path from 'node:path';
import type ts from 'typescript';
import type { Diagnostic } from '../check/diagnostic';
import type { KqlSource } from '../model/kql-source';
import { renderKqlTemplate } from '../kql/kql-template';
import type { DefinitionSource, LoadedQuery } from './loaded-project';
import { projectRelative } from './project-layout';
import type { SourceLocator } from './source-locator';
import { lineStarts, normalizeText, positionInText } from './text-file';

interface QueryContext {
  readonly root: string;
  readonly dir: string;
  readonly source: DefinitionSource;
  readonly locator: SourceLocator;
  readonly object: ts.ObjectLiteralExpression | undefined;
  readonly diagnostics: Diagnostic[];
}

/** Reads a definition's query (file or inline), renders its parameters, and keeps positions mappable. */
export function loadQuery(query: KqlSource | undefined, ctx: QueryContext): LoadedQuery | undefined {
  const at = ctx.source.locate(['query']);
  const fail = (message: string, hint?: string): undefined => {
    ctx.diagnostics.push({ code: 'QUERY_UNREADABLE', severity: 'error', message, file: ctx.source.file, ...at, hint });
    return undefined;
  };
  if (!query || typeof query !== 'object' || (query.kind !== 'file' && query.kind !== 'inline')) {
    return fail('query must be kqlFile("./name.kql") or an inline kql`...` template', 'import { kql, kqlFile } from "sentinel-cac"');
  }
  if (query.kind === 'file') {
    const absolute = path.resolve(ctx.dir, query.path);
    let raw: string;
    try {
      raw = fs.readFileSync(absolute, 'utf8');
    } catch {
      return fail(`query file ${query.path} does not exist (looked for ${projectRelative(ctx.root, absolute)})`, 'create it, or fix the path: it is relative to the definition file');
    }
    const source = normalizeText(raw);
    const rendered = renderKqlTemplate(source, query.parameters);
    const starts = lineStarts(source);
    return {
      text: rendered.text,
      file: projectRelative(ctx.root, absolute),
      templateProblems: rendered.problems,
      positionAt: (offset) => positionInText(starts, rendered.toSourceOffset(offset)),
    };
  }
  // Inline: offsets inside the template literal map onto the .ts file one to one (kql uses raw text).
  const queryNode = ctx.locator.nodeAt(ctx.object, ['query']);
  const templateStart = ctx.locator.inlineTemplateStart(queryNode);
  const rendered = renderKqlTemplate(normalizeText(query.text), query.parameters);
  return {
    text: rendered.text,
    file: ctx.source.file,
    templateProblems: rendered.problems,
    positionAt: (offset) =>
      templateStart === undefined ? at : ctx.locator.positionAtOffset(templateStart + rendered.toSourceOffset(offset)),
  };
}
