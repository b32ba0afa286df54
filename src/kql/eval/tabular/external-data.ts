/**
 * externaldata(schema) [uri, ...]: offline there is no network, so the rows each URI returns come
 * from the caller (`externalData` by URI, e.g. a test case's feed). A URI the caller gives no rows
 * for is an error naming it, never an empty feed: a detection fed by an IOC list that silently
 * reads nothing would pass any test. The `with (...)` properties (format, ignoreFirstRecord)
 * describe the file, which the caller's rows already are.
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, nodeClass } from '../syntax';
import { InputValueError, normalizeInputRows } from '../values/input';
import { Row, Table } from '../values/types';
import { boundColumns } from './table';

export function externalData(node: KNode, ctx: EvalContext): Table {
  const columns = boundColumns(node);
  const feeds = ctx.session.options.externalData ?? {};
  const rows: Row[] = [];
  for (const element of elementsOf(node.URIs)) {
    const uri = nodeClass(element) === 'LiteralExpression' ? element.LiteralValue : undefined;
    if (typeof uri !== 'string') return ctx.unsupported(element, 'externaldata', 'URI that is not a string literal in');
    const given = feeds[uri];
    if (!given) return ctx.fail(element, 'externaldata', `no rows are given for ${uri}: there is no network offline; give them by URL (a test case's externalData, or run --external-data)`);
    try {
      rows.push(...normalizeInputRows(given, columns));
    } catch (error) {
      if (error instanceof InputValueError) return ctx.fail(element, 'externaldata', `rows for ${uri}: ${error.message}`);
      throw error;
    }
  }
  return { columns, rows };
}
