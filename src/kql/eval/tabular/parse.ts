/**
 * parse (kind=simple, the default): `parse Col with * "x" A "y" B:int *`. The pattern becomes one
 * anchored regex: `*` skips text lazily, string constants match literally, a column captures lazily
 * (numbers and bools capture only text of their type). A row whose text does not match, or whose
 * capture does not convert to the column type, gets null (empty strings) in every parsed column.
 */
import { EvalContext } from '../context';
import { elementsOf, KNode, namedParametersOf, nodeClass, parameterValueText, scalarTypeName, simpleName } from '../syntax';
import { convertValue, toStringValue } from '../values/convert';
import { asScalarType, Column, Row, ScalarType, Table } from '../values/types';
import { compileIn } from './table';

const CAPTURE_BY_TYPE: Partial<Record<ScalarType, string>> = {
  long: '-?\\d+',
  int: '-?\\d+',
  real: '-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?',
  decimal: '-?(?:\\d+\\.?\\d*|\\.\\d+)',
  bool: '[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]',
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Capture { readonly name: string; readonly type: ScalarType }

export function parse(node: KNode, input: Table, ctx: EvalContext): Table {
  for (const parameter of namedParametersOf(node)) {
    const value = parameterValueText(parameter.value).toLowerCase();
    if (parameter.name !== 'kind' || value !== 'simple') ctx.unsupported(parameter.node, `${parameter.name}=${value}`, 'parse mode (only kind=simple is supported)');
  }
  const captures: Capture[] = [];
  let pattern = '^';
  for (const element of elementsOf(node.Patterns)) {
    switch (nodeClass(element)) {
      case 'StarExpression':
        pattern += '[\\s\\S]*?';
        break;
      case 'LiteralExpression':
      case 'CompoundStringLiteralExpression':
        pattern += escapeRegex(String(element.ConstantValue ?? ''));
        break;
      case 'NameDeclaration':
        captures.push({ name: simpleName(element), type: 'string' });
        pattern += '([\\s\\S]*?)';
        break;
      case 'NameAndTypeDeclaration': {
        const type = asScalarType(scalarTypeName(element.Type.ReferencedSymbol)) ?? 'string';
        captures.push({ name: simpleName(element.Name), type });
        pattern += `(${CAPTURE_BY_TYPE[type] ?? '[\\s\\S]*?'})`;
        break;
      }
      default:
        ctx.unsupported(element, nodeClass(element), 'parse pattern element');
    }
  }
  const regex = new RegExp(`${pattern}$`);
  const source = compileIn(node.Expression, input.columns, ctx);
  const text = (row: Row): string => toStringValue(source.fn(row), source.type);

  const columns: Column[] = [...input.columns];
  const targets = captures.map((capture) => {
    const existing = columns.findIndex((c) => c.name === capture.name);
    if (existing >= 0) { columns[existing] = { name: capture.name, type: capture.type }; return existing; }
    columns.push({ name: capture.name, type: capture.type });
    return columns.length - 1;
  });
  const failed = captures.map((c) => (c.type === 'string' ? '' : null));

  const rows = input.rows.map((row) => {
    const out: Row = row.slice();
    while (out.length < columns.length) out.push(null);
    const match = regex.exec(text(row));
    let values: unknown[] = failed;
    if (match) {
      const converted = captures.map((c, i) => (c.type === 'string' ? match[i + 1] : convertValue(match[i + 1], 'string', c.type)));
      if (converted.every((v, i) => v !== null || captures[i].type === 'string')) values = converted;
    }
    targets.forEach((target, i) => { out[target] = values[i]; });
    return out;
  });
  return { columns, rows };
}
