import { Document, isMap, isScalar, Scalar, type Node } from 'yaml';

/**
 * Serializes a plain object as Azure-Sentinel-style YAML: keys in the given insertion order, the
 * query as a literal block (`query: |`), no line folding (a folded KQL line would change the query),
 * and LF line endings.
 */
export function renderYaml(value: Record<string, unknown>, blockKeys: readonly string[] = ['query']): string {
  const doc = new Document(value);
  if (isMap(doc.contents)) {
    for (const key of blockKeys) {
      const node = doc.contents.get(key, true) as Node | undefined;
      if (node && isScalar(node) && typeof node.value === 'string') node.type = Scalar.BLOCK_LITERAL;
    }
  }
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}
