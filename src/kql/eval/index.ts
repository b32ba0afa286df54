/** The offline KQL evaluator: runs a query over in-memory tables by walking Kusto.Language's bound tree. */
export { evaluateKql } from './evaluate';
export { KqlEvalError } from './errors';
/** Thrown by a caller function (EvalOptions.functions) to fail the query at the call, naming it. */
export { InputValueError } from './values/input';
export type { EvalColumn, EvalFunction, EvalOptions, EvalResult, EvalTable } from './options';
