import type { PropPath } from '../load/source-locator';
import type { ConversionContext } from './conversion-context';

/**
 * A list as hand-edited YAML writes it in the wild: a proper list, a single value
 * (`tactics: CommandAndControl`), a comma-separated string, or a single mapping where a list of
 * mappings belongs. The model wants a list; blank entries (`- ` with nothing after it) are dropped.
 * Each kept entry is tracked to the source value it came from.
 */
export function sourceList(raw: unknown, ctx: ConversionContext, relative: PropPath, modelPath: PropPath): unknown[] {
  if (raw === undefined || raw === null) return [];
  const key = String(relative[relative.length - 1]);
  if (!Array.isArray(raw)) {
    const values = typeof raw === 'string' ? raw.split(',').map((s) => s.trim()).filter((s) => s !== '') : [raw];
    ctx.report('IMPORT_NORMALIZED', 'info', relative, `${key} is a single ${typeof raw === 'string' ? 'value' : 'mapping'}, not a list; imported as [${values.map((v) => (typeof v === 'string' ? v : '{...}')).join(', ')}]`);
    values.forEach((_, i) => ctx.trackTree([...modelPath, i], relative, values[i]));
    return values;
  }
  const out: unknown[] = [];
  raw.forEach((value, i) => {
    const blank = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
    if (blank) {
      ctx.report('IMPORT_BAD_VALUE', 'warning', [...relative, i], `${key} has an empty entry; it was dropped`);
      return;
    }
    ctx.trackTree([...modelPath, out.length], [...relative, i], value);
    out.push(typeof value === 'string' ? value.trim() : value);
  });
  return out;
}
