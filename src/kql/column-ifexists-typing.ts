import { kustoLanguage } from './kusto-bridge';

/* eslint-disable @typescript-eslint/no-explicit-any */

let patched: any;

/**
 * Kusto.Language's global state with one correction: `column_ifexists(name, default)` returns the
 * named column's type when the row has that column, as Kusto does at run time, and the default's
 * type only when it has not.
 *
 * Kusto.Language types the call by its default alone, so `extend X = column_ifexists("InitiatedBy", "")`
 * on AuditLogs (where InitiatedBy is dynamic) gives a string, and a following `X.user` fails to bind:
 * a false error in a common idiom of real rules (three Azure-Sentinel analytic rules). Built once per
 * process; every other built-in function is Kusto.Language's own.
 */
export function kustoDefaultGlobals(): unknown {
  if (patched) return patched;
  const K = kustoLanguage();
  const S = K.Symbols;
  // Also the deprecated spelling `columnifexists`, which older rules still use.
  const corrected = new Map<unknown, unknown>([K.Functions.ColumnIfExists, K.Functions.ColumnIfExists_Deprecated].map((original) => [original, typedByColumn(K, original)]));
  const defaults = K.GlobalState.Default;
  const bridgeArray = (globalThis as any).System.Array;
  const functions = Array.from({ length: bridgeArray.getCount(defaults.Functions, S.FunctionSymbol) }, (_, i) => {
    const fn = bridgeArray.getItem(defaults.Functions, i, S.FunctionSymbol);
    return corrected.get(fn) ?? fn;
  });
  patched = defaults.WithFunctions(K.Utils.ListExtensions.ToReadOnly(S.FunctionSymbol, functions));
  return patched;
}

/** `original` (with the same parameters and result naming), returning the named column's type when the row has it. */
function typedByColumn(K: any, original: any): unknown {
  const signature = original.Signatures.getItem(0);
  const parameters = Array.from({ length: signature.Parameters.Count }, (_, i) => signature.Parameters.getItem(i));
  const returnType = (context: any): unknown => {
    const name: { v: string | null } = { v: null };
    const column: { v: any } = { v: null };
    const rowScope = context.RowScope;
    const named = context.Arguments.Count > 0 && K.Binding.Binder.TryGetLiteralStringValue(context.Arguments.getItem(0), name);
    return named && rowScope && rowScope.TryGetColumn(name.v, column) ? column.v.Type : context.ArgumentTypes.getItem(1);
  };
  let typed = new K.Symbols.FunctionSymbol.ctor(original.Name, returnType, K.Symbols.Tabularity.Scalar, parameters).WithResultNameKind(original.ResultNameKind);
  if (original.Alternative) typed = typed.Obsolete(original.Alternative);
  if (original.IsHidden) typed = typed.Hide();
  return typed;
}
