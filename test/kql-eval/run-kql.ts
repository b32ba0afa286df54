/** Test helper: evaluates a query with a fixed clock and returns its rows (and columns when asked). */
import { evaluateKql, EvalOptions, EvalResult, EvalTable } from '../../src/kql/eval';

export const NOW = new Date('2024-08-02T10:00:00Z');

export function runKql(query: string, tables: Record<string, EvalTable> = {}, extra: Partial<EvalOptions> = {}): EvalResult {
  return evaluateKql(query, { now: NOW, tables, ...extra });
}

export function rowsOf(query: string, tables: Record<string, EvalTable> = {}, extra: Partial<EvalOptions> = {}): Record<string, unknown>[] {
  return [...runKql(query, tables, extra).rows];
}

/** The error evaluateKql throws, for asserting its position and construct. */
export function errorOf(query: string, tables: Record<string, EvalTable> = {}, extra: Partial<EvalOptions> = {}): { line: number; column: number; construct: string; message: string } {
  try {
    runKql(query, tables, extra);
  } catch (error) {
    const e = error as { line: number; column: number; construct: string; message: string };
    return { line: e.line, column: e.column, construct: e.construct, message: e.message };
  }
  throw new Error(`expected the query to fail: ${query}`);
}
