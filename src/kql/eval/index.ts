/** The offline KQL evaluator: runs a query over in-memory tables by walking Kusto.Language's bound tree. */
export { evaluateKql } from './evaluate';
export { KqlEvalError } from './errors';
export type { EvalColumn, EvalFunction, EvalOptions, EvalResult, EvalTable } from './options';
