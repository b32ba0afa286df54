import type { PropPath } from '../load/source-locator';
import { lineStarts } from '../load/text-file';
import type { ConversionContext } from './conversion-context';
import type { ImportedQuery } from './imported-item';
import { JsonSource } from './json-source';
import type { YamlSource } from './yaml-source';

/**
 * Takes a query as the source holds it. A byte-order mark or carriage returns inside the query are
 * removed with a warning rather than refused: the `.kql` file the import writes is read back with
 * LF line endings and no BOM anyway (as every `.kql` is), so keeping them could not round-trip, and
 * refusing would reject hundreds of rules that were merely saved on Windows.
 */
export function importQuery(raw: unknown, ctx: ConversionContext, relative: PropPath, yaml?: YamlSource): ImportedQuery | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    ctx.report('IMPORT_MISSING_PROPERTY', 'error', raw === undefined ? undefined : relative, raw === undefined ? 'has no query' : 'query is empty or not a string', {
      hint: 'a rule or hunting query needs its KQL in `query`',
    });
    return undefined;
  }
  let text = raw;
  if (text.includes('\ufeff')) {
    text = text.replace(/\ufeff/g, '');
    ctx.report('IMPORT_QUERY_BOM', 'warning', relative, 'the query contains a byte-order mark (U+FEFF); it was removed', { hint: 'Kusto does not expect it; it usually comes from pasting a file saved with a BOM' });
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    ctx.report('IMPORT_QUERY_CRLF', 'warning', relative, 'the query has CR or CRLF line endings; they were normalized to LF', { hint: 'sentinel-cac reads every .kql with LF line endings, so the imported query is the same text with LF' });
  }
  const absolute = [...ctx.base, ...relative];
  const block = yaml?.literalBlock(absolute);
  const start = ctx.doc.locate(absolute);
  const json = ctx.doc instanceof JsonSource && text === raw ? ctx.doc : undefined;
  const starts = json ? lineStarts(text) : [];
  return {
    text,
    positionOf: (line, column) => {
      // A literal block maps line for line; a JSON string maps through its escapes; any other
      // style (quoted or folded YAML, a query that was normalized) maps to the value's start.
      if (block) return { line: block.firstLine + line - 1, column: block.indent + column };
      return (json && json.positionInString(absolute, (starts[line - 1] ?? 0) + column - 1)) || start;
    },
  };
}
