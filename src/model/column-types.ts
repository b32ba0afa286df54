/** Kusto scalar types a declared column (custom table or watchlist) may have. */
export const COLUMN_TYPES = ['string', 'int', 'long', 'real', 'bool', 'datetime', 'timespan', 'guid', 'dynamic', 'decimal'] as const;

export type ColumnType = (typeof COLUMN_TYPES)[number];
