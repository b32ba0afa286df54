import type { KqlProblem, QueryAnalysis } from '../kql/analyze-query';
import type { LoadedFunction, LoadedProject } from '../load/loaded-project';
import { declaredFunction, functionBodyPrelude } from './project-schema-input';

/** A function body as Kusto.Language analyzes it: its parameters declared, then the body. */
export interface FunctionBodyText {
  readonly fn: LoadedFunction;
  readonly text: string;
  readonly preludeLength: number;
}

/**
 * Kusto.Language reports nothing at a call site about errors inside a called function's body, so
 * each body is analyzed on its own (with the project's queries, so it shares their cache and threads).
 */
export function functionBodyTexts(project: LoadedProject): FunctionBodyText[] {
  return project.functions.flatMap((fn) => {
    const declared = declaredFunction(fn);
    if (!declared?.body || !fn.query) return [];
    const prelude = functionBodyPrelude(declared);
    return [{ fn, text: prelude + declared.body, preludeLength: prelude.length }];
  });
}

/** Moves problem offsets back onto the body text, so they land on the `.kql` file or the inline template. */
export function onFunctionBody(body: FunctionBodyText, analysis: QueryAnalysis): QueryAnalysis {
  const shift = (p: KqlProblem): KqlProblem => ({ ...p, offset: Math.max(0, p.offset - body.preludeLength) });
  return { ...analysis, problems: analysis.problems.map(shift) };
}
