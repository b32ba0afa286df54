import type { ColumnType } from './column-types';
import { brand, type Branded } from './definition-brand';
import type { KqlSource } from './kql-source';

/** A parameter's type, or its type and default (KQL literal text such as `1d` or `"x"`), which makes it optional. */
export type FunctionParameterSpec = ColumnType | { readonly type: ColumnType; readonly default: string };

export interface WorkspaceFunctionProps {
  /** The name queries call it by (a saved search's function alias). */
  readonly name: string;
  readonly description?: string;
  /** Parameters in call order. */
  readonly parameters?: Readonly<Record<string, FunctionParameterSpec>>;
  /** The function body. Its result columns are inferred by Kusto.Language at each call. */
  readonly query?: KqlSource;
  /** Or, for a function whose body lives elsewhere, its output columns. */
  readonly columns?: Readonly<Record<string, ColumnType>>;
}

export type WorkspaceFunction = Branded<'WorkspaceFunction', WorkspaceFunctionProps>;

/** Declares a workspace function, by its KQL body or by its output columns; queries may then call it. */
export function defineFunction(props: WorkspaceFunctionProps): WorkspaceFunction {
  return brand('WorkspaceFunction', props);
}
