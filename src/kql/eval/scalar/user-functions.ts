/**
 * Calls of functions the query declares with `let f = (...) { ... }`. Kusto.Language expands each
 * call into a body bound against the actual arguments (GetCalledFunctionBody), which is what we
 * evaluate: its result columns are the real ones, not the declared parameter schema. Parameters
 * are bound by name in a new scope; the body's positions are mapped back to the declaration.
 */
import { Binding, EvalContext } from '../context';
import { bridgeList, elementsOf, isTabularType, KNode, nodeClass } from '../syntax';

export interface ExpandedCall {
  readonly body: KNode;
  readonly ctx: EvalContext;
}

/**
 * Binds the call's parameters (via `bindArgument`, which decides scalar vs tabular) and returns the
 * expanded body with a context whose scope holds them and whose positions point into the let body.
 */
export function expandFunctionCall(
  call: KNode,
  ctx: EvalContext,
  bindArgument: (argument: KNode, tabular: boolean) => Binding,
  pipedInput?: Binding,
): ExpandedCall | null {
  const body = call.GetCalledFunctionBody?.() as KNode | null;
  if (!body) return null;
  const signature = call.ReferencedSignature;
  const parameters = bridgeList(signature?.Parameters);
  const args = elementsOf(call.ArgumentList?.Expressions);
  const scope = ctx.scope.child();
  let p = 0;
  if (pipedInput) {
    if (parameters.length === 0) ctx.fail(call, String(call.ReferencedSymbol?.Name), 'invoke needs a function whose first parameter is a table');
    scope.bind(String(parameters[0].Name), pipedInput);
    p = 1;
  }
  for (let a = 0; a < args.length; a++, p++) {
    const argument = args[a];
    if (nodeClass(argument) === 'SimpleNamedExpression') {
      ctx.unsupported(argument, String(call.ReferencedSymbol?.Name), 'named arguments in a call of');
    }
    const parameter = parameters[p];
    if (!parameter) ctx.fail(argument, String(call.ReferencedSymbol?.Name), 'too many arguments');
    scope.bind(String(parameter.Name), bindArgument(argument, isTabularType(argument.ResultType)));
  }
  for (; p < parameters.length; p++) {
    const parameter = parameters[p];
    const fallback = parameter.DefaultValue as KNode | null;
    if (!fallback) ctx.fail(call, String(call.ReferencedSymbol?.Name), `missing argument for parameter ${parameter.Name}`);
    scope.bind(String(parameter.Name), bindArgument(fallback, false));
  }
  const declaration = signature?.Declaration as KNode | null;
  const callStart = call.TextStart as number;
  const outerMap = (offset: number): number => ctx.positionOffset(offset);
  const mapOffset = declaration
    ? (offset: number) => declaration.TextStart + (offset - body.TextStart)
    : () => outerMap(callStart);
  return { body, ctx: ctx.forFunctionBody(scope, mapOffset) };
}
