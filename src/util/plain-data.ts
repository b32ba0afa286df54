/**
 * True when `JSON.parse(JSON.stringify(value))` gives back an equal value: null, booleans, strings,
 * finite numbers other than -0, dense arrays and plain objects of those, with no undefined, getter,
 * symbol key, class instance (a Date, a Map) or cycle anywhere. `ignoreSymbolsAtTop` lets the
 * outermost object carry non-enumerable symbol tags (a definition's brand), which the caller restores.
 */
export function isPlainData(value: unknown, ignoreSymbolsAtTop = false): boolean {
  return plain(value, new Set(), ignoreSymbolsAtTop);
}

function plain(value: unknown, path: Set<object>, ignoreSymbols: boolean): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (path.has(value)) return false;
  path.add(value);
  try {
    return Array.isArray(value) ? plainArray(value, path) : plainObject(value, path, ignoreSymbols);
  } finally {
    path.delete(value);
  }
}

function plainArray(array: unknown[], path: Set<object>): boolean {
  if (Object.getPrototypeOf(array) !== Array.prototype) return false;
  const keys = Reflect.ownKeys(array);
  // Only the indices and `length`: no holes, no extra properties.
  if (keys.length !== array.length + 1) return false;
  for (let i = 0; i < array.length; i++) {
    const descriptor = Object.getOwnPropertyDescriptor(array, i);
    if (!descriptor || !('value' in descriptor) || !plain(descriptor.value, path, false)) return false;
  }
  return true;
}

function plainObject(object: object, path: Set<object>, ignoreSymbols: boolean): boolean {
  if (Object.getPrototypeOf(object) !== Object.prototype) return false;
  for (const key of Reflect.ownKeys(object)) {
    const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
    if (typeof key === 'symbol') {
      if (ignoreSymbols && !descriptor.enumerable) continue;
      return false;
    }
    if (!descriptor.enumerable || !('value' in descriptor) || !plain(descriptor.value, path, false)) return false;
  }
  return true;
}
