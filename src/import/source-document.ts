import type { PropPath, Position } from '../load/source-locator';

/** A parsed source file that can say where any of its values (or keys) is written. */
export interface SourceDocument {
  /** The file as reports name it. */
  readonly file: string;
  /** Position of the value at `path`, or of its key with `{ key: true }`; the nearest existing ancestor otherwise. */
  locate(path: PropPath, options?: { readonly key?: boolean }): Position;
}

/** `resources[0].properties.query`, the way ARM and JSON tools name a place in a document. */
export function formatPath(path: PropPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

export const START: Position = { line: 1, column: 1 };
