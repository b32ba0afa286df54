import { isPlainData } from '../../src/util/plain-data';

describe('isPlainData: what the definition cache may store as JSON and give back equal', () => {
  it('accepts JSON values', () => {
    expect(isPlainData({ a: 'x', b: [1, 2.5, true, null, { c: [] }], d: {} })).toBe(true);
  });

  it.each([
    ['undefined property', { a: undefined }],
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', [1, , 3]],
    ['a Date', { at: new Date(0) }],
    ['a function', { f: () => 1 }],
    ['NaN', { n: Number.NaN }],
    ['-0', { n: -0 }],
    ['a Map', { m: new Map() }],
    ['a class instance', { x: new (class Thing {})() }],
    ['a symbol key', { [Symbol('s')]: 1 }],
    ['a getter', Object.defineProperty({}, 'g', { enumerable: true, get: () => 1 })],
    ['a non-enumerable property', Object.defineProperty({}, 'hidden', { value: 1, enumerable: false })],
    ['an array with extra properties', Object.assign([1], { extra: true })],
    ['a bigint', { n: 1n }],
  ])('refuses %s', (_, value) => {
    expect(isPlainData(value)).toBe(false);
  });

  it('refuses cycles but accepts the same object twice', () => {
    const shared = { a: 1 };
    expect(isPlainData({ x: shared, y: shared })).toBe(true);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(isPlainData(cyclic)).toBe(false);
  });

  it('lets only the outermost object carry a non-enumerable symbol tag (a definition brand)', () => {
    const tagged = Object.defineProperty({ a: 1 }, Symbol.for('tag'), { value: 'X', enumerable: false });
    expect(isPlainData(tagged, true)).toBe(true);
    expect(isPlainData(tagged)).toBe(false);
    expect(isPlainData({ inner: tagged }, true)).toBe(false);
  });
});
