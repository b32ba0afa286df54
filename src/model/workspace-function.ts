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
  /**
   * Or, for a function whose body lives elsewhere (a solution's parser, a function another team
   * deploys), its output columns. Such a function is used for validation only, never deployed.
   */
  readonly columns?: Readonly<Record<string, ColumnType>>;
  /** The saved search's category, under which Log Analytics lists the function. @default "Functions" */
  readonly category?: string;
}

export type WorkspaceFunction = Branded<'WorkspaceFunction', WorkspaceFunctionProps>;

/**
 * Declares a workspace function, by its KQL body or by its output columns; queries may then call it.
 * One declared by its body is also built and deployed, as a saved search with a function alias.
 */
export function defineFunction(props: WorkspaceFunctionProps): WorkspaceFunction {
  return brand('WorkspaceFunction', props);
}
