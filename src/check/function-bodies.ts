import { analyzeQuery, type KqlProblem, type QueryAnalysis } from '../kql/analyze-query';
import type { KqlSchema } from '../kql/kql-schema';
import type { LoadedFunction, LoadedProject } from '../load/loaded-project';
import { declaredFunction, functionBodyPrelude } from './project-schema-input';

/**
 * Kusto.Language reports nothing at a call site about errors inside a called function's body, so
 * each body is analyzed on its own, with its parameters declared; problem offsets are moved back
 * onto the body text, so they land on the `.kql` file or the inline template.
 */
export function analyzeFunctionBodies(project: LoadedProject, schema: KqlSchema): Map<LoadedFunction, QueryAnalysis> {
  const out = new Map<LoadedFunction, QueryAnalysis>();
  for (const fn of project.functions) {
    const declared = declaredFunction(fn);
    if (!declared?.body || !fn.query) continue;
    const prelude = functionBodyPrelude(declared);
    const analysis = analyzeQuery(prelude + declared.body, schema);
    const onBody = (p: KqlProblem): KqlProblem => ({ ...p, offset: Math.max(0, p.offset - prelude.length) });
    out.set(fn, { ...analysis, problems: analysis.problems.map(onBody) });
  }
  return out;
}
