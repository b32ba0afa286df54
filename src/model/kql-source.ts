/**
 * Where a query's text comes from: a `.kql` file beside the definition, or an inline `kql` template.
 *
 * Both may carry handlebars placeholders (`{{Name}}`) filled from typed parameters; the values are
 * rendered as KQL literals by src/kql/kql-template.ts, never spliced in as raw text.
 */

/** A value a KQL parameter may take. Each kind renders as the matching KQL literal. */
export type KqlValue =
  | string
  | number
  | boolean
  | Date
  | KqlTimespan
  | readonly (string | number | boolean)[];

/** A timespan literal, e.g. `kqlTimespan('14d')` renders as `14d`. */
export interface KqlTimespan {
  readonly kqlTimespan: `${number}${'d' | 'h' | 'm' | 's' | 'ms'}`;
}

export function kqlTimespan(value: KqlTimespan['kqlTimespan']): KqlTimespan {
  return { kqlTimespan: value };
}

export type KqlParameters = Readonly<Record<string, KqlValue>>;

export interface KqlFileSource {
  readonly kind: 'file';
  /** Relative to the definition file. */
  readonly path: string;
  readonly parameters?: KqlParameters;
}

export interface KqlInlineSource {
  readonly kind: 'inline';
  readonly text: string;
  readonly parameters?: KqlParameters;
}

export type KqlSource = KqlFileSource | KqlInlineSource;

/** The query lives in a `.kql` file; the path is relative to the definition's own file. */
export function kqlFile(path: string, parameters?: KqlParameters): KqlFileSource {
  return parameters ? { kind: 'file', path, parameters } : { kind: 'file', path };
}

/**
 * Inline KQL. The raw template text is used (String.raw semantics) so that regular expressions
 * such as `matches regex @"\d+"` keep their backslashes, and positions in the `.ts` file map
 * one-to-one onto the query. Interpolation is refused: parameters go through `withParameters`.
 */
export function kql(strings: TemplateStringsArray, ...values: never[]): KqlInlineSource {
  if (values.length > 0) {
    throw new Error('kql`...` does not accept ${} interpolation; use {{Name}} placeholders and withParameters(kql`...`, {...})');
  }
  return { kind: 'inline', text: strings.raw[0] };
}

/** Attaches typed parameter values to a query source. */
export function withParameters<T extends KqlSource>(source: T, parameters: KqlParameters): T {
  return { ...source, parameters };
}
