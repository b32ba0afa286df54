/** The Kusto scalar type names a catalog column can have, spelled as Kusto.Language's schema parser expects. */
export const KUSTO_SCALAR_TYPES = [
  'string',
  'int',
  'long',
  'real',
  'bool',
  'datetime',
  'timespan',
  'guid',
  'dynamic',
  'decimal',
] as const;

export type KustoScalarType = (typeof KUSTO_SCALAR_TYPES)[number];

/**
 * Other spellings found in the reference schemas. Log Analytics docs use .NET and SQL names
 * (Double, Int32, BigInt, Object) next to Kusto ones, so the sources disagree on case and name.
 */
const TYPE_ALIASES: Readonly<Record<string, KustoScalarType>> = {
  double: 'real',
  int32: 'int',
  integer: 'int',
  int64: 'long',
  bigint: 'long',
  boolean: 'bool',
  object: 'dynamic',
};

const CANONICAL = new Set<string>(KUSTO_SCALAR_TYPES);

export function isKustoScalarType(value: unknown): value is KustoScalarType {
  return typeof value === 'string' && CANONICAL.has(value);
}

/** Maps a type name from a reference source to a Kusto scalar type, or undefined if it is not a type. */
export function normalizeKustoType(raw: string): KustoScalarType | undefined {
  const lower = raw.trim().toLowerCase();
  if (CANONICAL.has(lower)) return lower as KustoScalarType;
  return TYPE_ALIASES[lower];
}
