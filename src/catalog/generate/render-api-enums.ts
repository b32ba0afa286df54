import { enumConstantName, generatedHeader, tsStringArray } from './ts-literals';

/** One enum to write: its SDK/x-ms-enum type name, values in source order, and where they came from. */
export interface ApiEnum {
  readonly typeName: string;
  readonly values: readonly string[];
  readonly origin: string;
}

export interface ApiEnumsInput {
  readonly script: string;
  readonly sources: readonly string[];
  /** Lines for the header that say what was walked and what was left to other files. */
  readonly notes: readonly string[];
  readonly enums: readonly ApiEnum[];
}

/** Renders api-enums.ts: each enum as an `as const` array and a union type of the same name. */
export function renderApiEnums(input: ApiEnumsInput): string {
  const blocks = input.enums.map((e) => {
    const constant = enumConstantName(e.typeName);
    return [
      `/** ${e.origin} */`,
      `export const ${constant} = ${tsStringArray(e.values)} as const;`,
      `export type ${e.typeName} = (typeof ${constant})[number];`,
      '',
    ].join('\n');
  });
  return [
    generatedHeader(input.script, input.sources),
    '//',
    ...input.notes.map((n) => `// ${n}`),
    '',
    ...blocks,
  ].join('\n');
}
