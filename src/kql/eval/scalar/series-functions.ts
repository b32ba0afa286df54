/**
 * Functions that return several values at once, assigned with `extend (A, B, ...) = f(...)`:
 * series_fit_line. The values follow its reference page: rsquare, slope, variance (of the input,
 * n - 1 denominator), rvariance (of the residuals, likewise), interception and line_fit (the line
 * at each index), fitted by least squares over the indexes 0 … n-1.
 */
import type { Compiled, RowFn } from './compiled';

/** A tuple function: its compiled arguments to one row's values, in the order its columns are bound. */
export type TupleFunction = (args: readonly Compiled[]) => RowFn;

function numbers(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN));
}

export function fitLine(series: readonly number[]): [number, number, number, number, number, number[]] | null {
  const n = series.length;
  if (n < 2 || series.some((v) => !Number.isFinite(v))) return null;
  const meanX = (n - 1) / 2;
  const meanY = series.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let sst = 0;
  series.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
    sst += (y - meanY) ** 2;
  });
  const slope = sxy / sxx;
  const interception = meanY - slope * meanX;
  const line = series.map((_, x) => interception + slope * x);
  const ssr = series.reduce((a, y, x) => a + (y - line[x]) ** 2, 0);
  const rsquare = sst === 0 ? 1 : 1 - ssr / sst;
  return [rsquare, slope, sst / (n - 1), ssr / (n - 1), interception, line];
}

const seriesFitLine: TupleFunction = (args) => {
  const series = args[0].fn;
  return (row) => {
    const values = numbers(series(row));
    return fitLine(values ?? []) ?? [null, null, null, null, null, null];
  };
};

export const TUPLE_FUNCTIONS: ReadonlyMap<string, { readonly arity: number; readonly compile: TupleFunction }> = new Map([
  ['series_fit_line', { arity: 1, compile: seriesFitLine }],
]);
