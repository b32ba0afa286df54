import type { ColumnType } from './column-types';
import { brand, type Branded } from './definition-brand';

export interface CustomTableProps {
  /** Custom log tables end in `_CL`. */
  readonly name: `${string}_CL`;
  readonly description?: string;
  /** Column names and types. TimeGenerated (datetime) is required by Log Analytics. */
  readonly columns: Readonly<Record<string, ColumnType>>;
}

export type CustomTable = Branded<'CustomTable', CustomTableProps>;

/** Declares a custom Log Analytics table; queries that read it are validated against these columns. */
export function defineCustomTable(props: CustomTableProps): CustomTable {
  return brand('CustomTable', props);
}
