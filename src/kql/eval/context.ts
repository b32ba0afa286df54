/**
 * What every compile step needs: the caller's options, the fixed clock, the variables in scope, the
 * way back from a node to its line and column, and the hooks that evaluate tabular expressions and
 * read database tables (injected, so scalar code reaches tabular code without an import cycle).
 */
import { KqlEvalError, positionOf, SourcePosition } from './errors';
import type { EvalOptions } from './options';
import type { KNode } from './syntax';
import type { Table } from './values/types';
import type { Compiled } from './scalar/compiled';

/** A name bound by `let`, a function parameter, or `as`. */
export type Binding =
  | { readonly kind: 'scalar'; readonly value: Compiled }
  | { readonly kind: 'table'; readonly table: () => Table };

/** Lexical scope: let statements and function parameters, innermost first. */
export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(private readonly parent?: Scope) {}

  lookup(name: string): Binding | undefined {
    return this.bindings.get(name) ?? this.parent?.lookup(name);
  }

  bind(name: string, binding: Binding): void {
    this.bindings.set(name, binding);
  }

  child(): Scope {
    return new Scope(this);
  }
}

/** What stays the same for one evaluateKql call. */
export interface EvalSession {
  readonly options: EvalOptions;
  /** now() and ago() read this fixed clock (microseconds since the epoch). */
  readonly now: number;
  readonly text: string;
  /** Evaluates a tabular expression node. */
  readonly evaluateTabular: (node: KNode, ctx: EvalContext) => Table;
  /** The rows of a database table (normalised once per call), for the table reference `node`. */
  readonly databaseTable: (name: string, node: KNode, ctx: EvalContext) => Table;
}

export class EvalContext {
  constructor(
    readonly session: EvalSession,
    readonly scope: Scope,
    /** Maps a node's offset to an offset in the query text (function bodies are separate trees). */
    private readonly mapOffset: (offset: number) => number = (offset) => offset,
  ) {}

  get options(): EvalOptions {
    return this.session.options;
  }

  get now(): number {
    return this.session.now;
  }

  evaluateTabular(node: KNode, ctx: EvalContext = this): Table {
    return this.session.evaluateTabular(node, ctx);
  }

  withScope(scope: Scope): EvalContext {
    return new EvalContext(this.session, scope, this.mapOffset);
  }

  /** A context for a called function's expanded body, whose offsets are relative to that body. */
  forFunctionBody(scope: Scope, mapOffset: (offset: number) => number): EvalContext {
    return new EvalContext(this.session, scope, mapOffset);
  }

  /** The offset in the query text of an offset in the tree being evaluated. */
  positionOffset(offset: number): number {
    return this.mapOffset(offset);
  }

  positionOf(node: KNode): SourcePosition {
    return positionOf(this.session.text, this.mapOffset(node.TextStart));
  }

  /** Throws a KqlEvalError at the node. */
  fail(node: KNode, construct: string, message: string): never {
    throw new KqlEvalError(message, this.positionOf(node), construct);
  }

  /** Throws the error for a construct the evaluator does not implement. */
  unsupported(node: KNode, construct: string, what: string): never {
    this.fail(node, construct, `${what} '${construct}' is not supported by the offline KQL evaluator`);
  }
}
