/**
 * Aggregation functions for summarize. Each compiles to an accumulator: `init` per group, `add` per
 * row (returns the new state), `finish` writes the output values into the output row. Nulls are ignored, and an empty
 * group gives Kusto's documented defaults (0 for counts and sums, [] for make_*, null otherwise).
 */
import { EvalContext } from '../context';
import { Compiled } from '../scalar/compiled';
import { elementsOf, KNode, nodeClass, simpleName } from '../syntax';
import { comparerFor, keyOf } from '../values/compare';
import { dynamicKey, isBag, toDynamicValue } from '../values/dynamic';
import { Column, DynamicValue, Row, ScalarType } from '../values/types';
import { compileIn, compileTyped } from './table';

export interface Aggregate {
  /** Output columns, in order (names are assigned by summarize from the bound result). */
  readonly types: readonly ScalarType[];
  init(): unknown;
  add(state: unknown, row: Row): unknown;
  /** Writes the output values (one per type) into `out` from position `at`. */
  finish(state: unknown, out: Row, at: number): void;
}

interface AggregateRequest {
  readonly call: KNode;
  readonly name: string;
  readonly args: KNode[];
  readonly input: readonly Column[];
  /** The bound output columns this aggregate produces (more than one for arg_max/arg_min/take_any). */
  readonly output: readonly Column[];
  readonly ctx: EvalContext;
}

type AggregateFactory = (request: AggregateRequest) => Aggregate;

function compileArg(request: AggregateRequest, index: number): Compiled {
  return compileIn(request.args[index], request.input, request.ctx);
}

function maxSize(request: AggregateRequest, index: number): number {
  if (request.args.length <= index) return 1_048_576;
  const value = compileArg(request, index).fn([]);
  return typeof value === 'number' && value > 0 ? value : 1_048_576;
}

const isTrue = (predicate: Compiled | null, row: Row): boolean => predicate === null || predicate.fn(row) === true;

function counter(predicateIndex: number | null): AggregateFactory {
  return (request) => {
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    return { types: ['long'], init: () => 0, add: (n, row) => (isTrue(predicate, row) ? (n as number) + 1 : n), finish: (n, out, at) => { out[at] = n; } };
  };
}

/** dcount is exact here (Kusto's is a HyperLogLog estimate, equal to the exact count for small sets). */
function distinctCounter(predicateIndex: number | null): AggregateFactory {
  return (request) => {
    const value = compileArg(request, 0);
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    return {
      types: ['long'],
      init: () => new Set<unknown>(),
      add: (set, row) => {
        if (!isTrue(predicate, row)) return set;
        const v = value.fn(row);
        if (v !== null && v !== undefined) (set as Set<unknown>).add(keyOf(v, value.type));
        return set;
      },
      finish: (set, out, at) => { out[at] = (set as Set<unknown>).size; },
    };
  };
}

function summer(predicateIndex: number | null): AggregateFactory {
  return (request) => {
    const value = compileArg(request, 0);
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    const whole = request.output[0].type === 'long' || request.output[0].type === 'int';
    return {
      types: [request.output[0].type],
      init: () => 0,
      add: (sum, row) => {
        if (!isTrue(predicate, row)) return sum;
        const v = value.fn(row);
        return typeof v === 'number' ? (sum as number) + v : sum;
      },
      finish: (sum, out, at) => { out[at] = whole ? Math.round(sum as number) : sum; },
    };
  };
}

function averager(predicateIndex: number | null): AggregateFactory {
  return (request) => {
    const value = compileArg(request, 0);
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    return {
      types: [request.output[0].type],
      init: () => ({ sum: 0, count: 0 }),
      add: (state, row) => {
        const s = state as { sum: number; count: number };
        if (!isTrue(predicate, row)) return s;
        const v = value.fn(row);
        if (typeof v === 'number') { s.sum += v; s.count++; }
        return s;
      },
      finish: (state, out, at) => {
        const s = state as { sum: number; count: number };
        out[at] = s.sum / s.count; // 0/0 is NaN, as Kusto documents for an empty input
      },
    };
  };
}

function extreme(sign: 1 | -1, predicateIndex: number | null): AggregateFactory {
  return (request) => {
    const value = compileArg(request, 0);
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    const compare = comparerFor(value.type);
    const skip = value.type === 'string' ? (v: unknown) => v === '' : (v: unknown) => v === null || v === undefined;
    return {
      types: [request.output[0].type],
      init: () => null,
      add: (best, row) => {
        if (!isTrue(predicate, row)) return best;
        const v = value.fn(row);
        if (skip(v)) return best;
        return best === null || sign * compare(v, best) > 0 ? v : best;
      },
      finish: (best, out, at) => { out[at] = best === null && value.type === 'string' ? '' : best; },
    };
  };
}

/**
 * The expressions a multi-column aggregate returns (arg_max's after the first, take_any's): each
 * explicit expression gives one column; `*` gives the input columns the binder listed for it.
 */
function returnedExpressions(request: AggregateRequest, from: number, outputOffset: number): Compiled[] {
  const out: Compiled[] = [];
  let column = outputOffset;
  const explicitCount = request.args.slice(from).filter((a) => nodeClass(a) !== 'StarExpression').length;
  const starWidth = request.output.length - outputOffset - explicitCount;
  for (const arg of request.args.slice(from)) {
    if (nodeClass(arg) === 'StarExpression') {
      const names = starColumns(request.call, outputOffset, request.output.length).slice(column - outputOffset, column - outputOffset + starWidth);
      for (const name of names) {
        const index = request.input.findIndex((c) => c.name === name);
        out.push(index < 0 ? { fn: () => null, type: 'dynamic', constant: true } : { fn: (row) => row[index], type: request.input[index].type, constant: false });
      }
      column += starWidth;
    } else {
      out.push(compileTyped(arg, request.input, request.ctx));
      column++;
    }
  }
  return out;
}

/** The source column names of a tuple-typed aggregate (arg_max(x, *) lists the input columns it returns). */
function starColumns(call: KNode, from: number, to: number): string[] {
  const tuple = call.ResultType;
  const names: string[] = [];
  const count = tuple?.Columns?.Count ?? 0;
  for (let i = 0; i < count; i++) names.push(String(tuple.Columns.getItem(i).Name));
  return names.slice(from, to);
}

function argExtreme(sign: 1 | -1): AggregateFactory {
  return (request) => {
    const by = compileIn(request.args[0], request.input, request.ctx);
    const returned = returnedExpressions(request, 1, 1);
    const compare = comparerFor(by.type);
    interface State { best: unknown; row: Row | null }
    return {
      types: [by.type, ...returned.map((r) => r.type)],
      init: (): State => ({ best: null, row: null }),
      add: (state, row) => {
        const s = state as State;
        const v = by.fn(row);
        if (v === null || v === undefined) { if (s.row === null) s.row = row; return s; }
        if (s.best === null || sign * compare(v, s.best) > 0) { s.best = v; s.row = row; }
        return s;
      },
      finish: (state, out, at) => {
        const s = state as State;
        out[at] = s.best;
        for (let i = 0; i < returned.length; i++) {
          out[at + 1 + i] = s.row === null ? (returned[i].type === 'string' ? '' : null) : returned[i].fn(s.row);
        }
      },
    };
  };
}

function collector(unique: boolean, predicateIndex: number | null, sizeIndex: number): AggregateFactory {
  return (request) => {
    const value = compileArg(request, 0);
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    const limit = maxSize(request, sizeIndex);
    interface State { values: DynamicValue[]; seen: Set<string> | null }
    const push = (s: State, v: DynamicValue): void => {
      if (s.values.length >= limit) return;
      if (s.seen) { const key = dynamicKey(v); if (s.seen.has(key)) return; s.seen.add(key); }
      s.values.push(v);
    };
    return {
      types: ['dynamic'],
      init: (): State => ({ values: [], seen: unique ? new Set() : null }),
      add: (state, row) => {
        const s = state as State;
        if (!isTrue(predicate, row)) return s;
        const v = value.fn(row);
        if (v === null || v === undefined) return s;
        // make_set of an array collects its elements (as Kusto documents); make_list keeps the array.
        if (unique && Array.isArray(v)) for (const element of v) push(s, element);
        else push(s, toDynamicValue(v, value.type));
        return s;
      },
      finish: (state, out, at) => { out[at] = (state as State).values; },
    };
  };
}

/** take_any(a, b, ...): the values of one row, preferring a row where the first value is not empty. */
const takeAny: AggregateFactory = (request) => {
  const returned = returnedExpressions(request, 0, 0);
  const first = returned[0];
  const empty = (v: unknown): boolean => v === null || v === undefined || v === '';
  return {
    types: returned.map((r) => r.type),
    init: () => null,
    add: (chosen, row) => (chosen === null || (empty(first.fn(chosen as Row)) && !empty(first.fn(row))) ? row : chosen),
    finish: (chosen, out, at) => {
      returned.forEach((r, i) => { out[at + i] = chosen === null ? (r.type === 'string' ? '' : null) : r.fn(chosen as Row); });
    },
  };
};

/**
 * make_bag(bag [, maxSize]) / make_bag_if: the property bags of the group merged into one; a key
 * seen again keeps its first value (Kusto keeps an arbitrary one). Values that are not bags are
 * ignored, as nulls are.
 */
function bagMerger(predicateIndex: number | null, sizeIndex: number): AggregateFactory {
  return (request) => {
    const value = compileArg(request, 0);
    const predicate = predicateIndex === null ? null : compileArg(request, predicateIndex);
    const limit = maxSize(request, sizeIndex);
    interface State { bag: Record<string, DynamicValue>; size: number }
    return {
      types: ['dynamic'],
      init: (): State => ({ bag: {}, size: 0 }),
      add: (state, row) => {
        const s = state as State;
        if (!isTrue(predicate, row)) return s;
        const v = value.fn(row);
        if (!isBag(v)) return s;
        for (const [key, entry] of Object.entries(v)) {
          if (key in s.bag || s.size >= limit) continue;
          s.bag[key] = entry;
          s.size++;
        }
        return s;
      },
      finish: (state, out, at) => { out[at] = (state as State).bag; },
    };
  };
}

const AGGREGATES: ReadonlyMap<string, AggregateFactory> = new Map(Object.entries({
  count: counter(null), countif: counter(0),
  dcount: distinctCounter(null), dcountif: distinctCounter(1),
  sum: summer(null), sumif: summer(1),
  avg: averager(null), avgif: averager(1),
  min: extreme(-1, null), max: extreme(1, null), minif: extreme(-1, 1), maxif: extreme(1, 1),
  arg_max: argExtreme(1), arg_min: argExtreme(-1),
  make_set: collector(true, null, 1), make_set_if: collector(true, 1, 2),
  make_list: collector(false, null, 1), make_list_if: collector(false, 1, 2),
  // The deprecated spellings, still common in older rules.
  makeset: collector(true, null, 1), makelist: collector(false, null, 1),
  make_bag: bagMerger(null, 1), make_bag_if: bagMerger(1, 2),
  take_any: takeAny, any: takeAny,
}));

/** The number of output columns an aggregate call produces, from its bound (tuple) type. */
export function aggregateWidth(call: KNode): number {
  const type = call.ResultType;
  return type && nodeClass(type) === 'TupleSymbol' ? type.Columns.Count : 1;
}

export function isAggregateCall(node: KNode): boolean {
  return nodeClass(node) === 'FunctionCallExpression' && AGGREGATES.has(String(node.ReferencedSymbol?.Name ?? '')) && !node.GetCalledFunctionBody?.();
}

export function compileAggregate(call: KNode, input: readonly Column[], output: readonly Column[], ctx: EvalContext): Aggregate {
  if (nodeClass(call) !== 'FunctionCallExpression') ctx.fail(call, nodeClass(call), 'summarize needs an aggregation function call here');
  const name = String(call.ReferencedSymbol?.Name ?? simpleName(call.Name));
  const factory = AGGREGATES.get(name);
  if (!factory) return ctx.unsupported(call, name, 'aggregation function');
  return factory({ call, name, args: elementsOf(call.ArgumentList.Expressions), input, output, ctx });
}
