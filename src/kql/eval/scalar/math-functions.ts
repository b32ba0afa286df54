/** Math functions: abs, round, tohex, max_of, min_of. */
import { expectArity, FunctionImpl, pure } from './function-library';

/**
 * round(number, precision): half away from zero at `precision` decimal digits (negative: to tens,
 * hundreds, ...). Scaled through the number's decimal text, so that 2.15 rounds to 2.2 as Kusto's
 * reference page shows, where binary scaling (2.15 × 10 = 21.499…) would give 2.1.
 */
export function roundTo(value: number, precision: number): number {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const scaled = text.includes('e') ? magnitude * 10 ** precision : Number(`${text}e${precision}`);
  const rounded = Math.round(scaled);
  const result = text.includes('e') ? rounded / 10 ** precision : Number(`${rounded}e${-precision}`);
  return value < 0 ? -result : result;
}

/** tohex(value, minLength): two's-complement hex digits (32 bits for an int, 64 for a long), lower case, zero-padded. */
function toHex(bits: 32 | 64, value: unknown, minLength: unknown): string | null {
  if (value === null || typeof value !== 'number' || !Number.isInteger(value)) return null;
  const digits = BigInt.asUintN(bits, BigInt(value)).toString(16);
  return typeof minLength === 'number' && minLength > digits.length ? digits.padStart(minLength, '0') : digits;
}

/** max_of / min_of: the largest or smallest argument, nulls ignored; null when all are null. */
function extremeOf(pick: (a: unknown, b: unknown) => boolean): FunctionImpl {
  return (call) => {
    expectArity(call, 1, 64);
    return pure(call, (...values: unknown[]) => {
      let best: unknown = null;
      for (const value of values) if (value !== null && value !== undefined && (best === null || pick(value, best))) best = value;
      return best;
    });
  };
}

const greater = (a: unknown, b: unknown): boolean => (a as number | string) > (b as number | string);
const less = (a: unknown, b: unknown): boolean => (a as number | string) < (b as number | string);

export const MATH_FUNCTIONS: Readonly<Record<string, FunctionImpl>> = {
  abs: (call) => {
    expectArity(call, 1);
    return pure(call, (value) => (value === null ? null : Math.abs(value as number)));
  },
  round: (call) => {
    expectArity(call, 1, 2);
    return pure(call, (value, precision) => (value === null ? null : roundTo(value as number, (precision as number | null | undefined) ?? 0)));
  },
  tohex: (call) => {
    expectArity(call, 1, 2);
    const bits = call.args[0].type === 'int' ? 32 : 64;
    return pure(call, (value, minLength) => toHex(bits, value, minLength), 'string');
  },
  max_of: extremeOf(greater),
  min_of: extremeOf(less),
};
