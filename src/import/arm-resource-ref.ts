import type { PropPath } from '../load/source-locator';
import type { TemplateScope } from './arm-property-values';
import type { JsonSource } from './json-source';

/** An ARM resource found in a file, with the template scope (parameters, variables) it sits in. */
export interface ArmResourceRef extends TemplateScope {
  readonly doc: JsonSource;
  readonly resource: Readonly<Record<string, unknown>>;
  /** Where the resource is in the file, e.g. ['resources', 3]. */
  readonly path: PropPath;
}
