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
  const original = K.Functions.ColumnIfExists;
  const signature = original.Signatures.getItem(0);
  const parameters = Array.from({ length: signature.Parameters.Count }, (_, i) => signature.Parameters.getItem(i));
  const returnType = (context: any): unknown => {
    const fallback = context.ArgumentTypes.getItem(1);
    const name: { v: string | null } = { v: null };
    const column: { v: any } = { v: null };
    const rowScope = context.RowScope;
    const named = context.Arguments.Count > 0 && K.Binding.Binder.TryGetLiteralStringValue(context.Arguments.getItem(0), name);
    return named && rowScope && rowScope.TryGetColumn(name.v, column) ? column.v.Type : fallback;
  };
  const typed = new S.FunctionSymbol.ctor(original.Name, returnType, S.Tabularity.Scalar, parameters).WithResultNameKind(original.ResultNameKind);
  const defaults = K.GlobalState.Default;
  const functions = defaults.Functions;
  const count = (globalThis as any).System.Array.getCount(functions, S.FunctionSymbol);
  const replaced = Array.from({ length: count }, (_, i) => {
    const fn = (globalThis as any).System.Array.getItem(functions, i, S.FunctionSymbol);
    return fn === original ? typed : fn;
  });
  patched = defaults.WithFunctions(K.Utils.ListExtensions.ToReadOnly(S.FunctionSymbol, replaced));
  return patched;
}
