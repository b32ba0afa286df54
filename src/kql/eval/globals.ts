/**
 * Builds the Kusto.Language GlobalState a query is bound against when the caller gives none: one
 * database holding a table per `tables` entry and a tabular function per `functions` entry.
 *
 * A caller function takes zero to eight constant string arguments. Its result columns
 * come from `functionSchemas[name]` when given; otherwise the binder calls the function with the
 * query's constant arguments and reads the columns of the table it returns.
 */
import { kustoDefaultGlobals } from '../column-ifexists-typing';
import { kustoLanguage } from '../kusto-bridge';
import type { EvalColumn, EvalOptions } from './options';
import { asScalarType } from './values/types';

const MAX_FUNCTION_ARGUMENTS = 8;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Bridge = any;

function columnSymbols(columns: readonly EvalColumn[], owner: string): Bridge[] {
  const symbols = kustoLanguage().Symbols;
  return columns.map((column) => {
    const type = asScalarType(column.type);
    if (!type) throw new TypeError(`${owner}: column ${column.name} has unknown type '${column.type}' (use string, long, int, real, bool, datetime, timespan, guid, dynamic or decimal)`);
    return new symbols.ColumnSymbol(column.name, symbols.ScalarTypes.GetSymbol(type), null, null, null, null);
  });
}

function functionSymbol(name: string, options: EvalOptions): Bridge {
  const symbols = kustoLanguage().Symbols;
  const parameter = new symbols.Parameter.$ctor3(
    'args', symbols.ScalarTypes.String, symbols.ArgumentKind.Constant, null, null, false, null, 0, MAX_FUNCTION_ARGUMENTS, null, null,
  );
  const resultType = (info: Bridge): Bridge => {
    const declared = options.functionSchemas?.[name];
    if (declared) return new symbols.TableSymbol.$ctor4('', columnSymbols(declared, `functionSchemas.${name}`));
    const args: unknown[] = [];
    for (let i = 0; i < info.Arguments.Count; i++) {
      const argument = info.Arguments.getItem(i);
      if (!argument.IsConstant) return new symbols.TableSymbol.$ctor4('', []);
      args.push(argument.ConstantValue);
    }
    const result = options.functions![name](args);
    return new symbols.TableSymbol.$ctor4('', columnSymbols(result.columns, `${name}(...) result`));
  };
  return new symbols.FunctionSymbol.ctor(name, resultType, symbols.Tabularity.Tabular, [parameter]);
}

export function buildGlobals(options: EvalOptions): Bridge {
  const language = kustoLanguage();
  const symbols = language.Symbols;
  const members: Bridge[] = Object.entries(options.tables).map(([name, table]) =>
    new symbols.TableSymbol.$ctor4(name, columnSymbols(table.columns, `tables.${name}`)));
  for (const name of Object.keys(options.functions ?? {})) members.push(functionSymbol(name, options));
  const database = new symbols.DatabaseSymbol.$ctor1('offline', members, false);
  return (kustoDefaultGlobals() as Bridge).WithDatabase(database);
}
