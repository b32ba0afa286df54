import { kustoDefaultGlobals } from './column-ifexists-typing';
import { kustoLanguage, type KustoNamespace } from './kusto-bridge';

/**
 * A database member built the first time a query names it (or something lists every member), then
 * kept: a catalog's, held for the process, is shared by every schema (the main thread's, a test's).
 */
export class LazySymbol {
  private symbol: unknown;

  constructor(
    readonly name: string,
    private readonly build: () => unknown,
  ) {}

  get(): unknown {
    this.symbol ??= this.build();
    return this.symbol;
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */

interface Slot {
  readonly name: string;
  symbol: any;
  readonly lazy?: LazySymbol;
}

/**
 * The Kusto.Language global state for one database whose ~900 catalog tables and ~450 ASIM
 * functions are only built when a query names them: a typical rule names two or three, and building
 * them all costs ~0.4 s in every process (the main thread and each analysis worker).
 *
 * Kusto resolves a name through `GetMembers$1(name, …)`, which this answers from a by-name index,
 * creating the symbol on first look-up. Anything that reads the member list itself (`Members`,
 * `Tables`, `GetMember`, a `union *`) gets every member, built then, in declaration order, so it
 * sees exactly what an eager database holds. The global state's reverse maps (symbol → database,
 * column → table), which Kusto would otherwise fill by listing every member, are seeded with the
 * members built so far and extended as each one is built.
 */
export function lazyDatabaseGlobals(databaseName: string, members: readonly unknown[]): unknown {
  const K = kustoLanguage();
  const slots: Slot[] = members.map((m) => (m instanceof LazySymbol ? { name: m.name, symbol: undefined, lazy: m } : { name: (m as any).Name, symbol: m }));
  const database: any = new K.Symbols.DatabaseSymbol.$ctor1(databaseName, slots.filter((s) => s.symbol !== undefined).map((s) => s.symbol), false);
  const globals: any = (kustoDefaultGlobals() as any).WithDatabase(database);
  const maps = seedReverseMaps(K, globals, database, slots);
  const built = (slot: Slot): any => {
    if (slot.symbol === undefined) {
      slot.symbol = slot.lazy!.get();
      maps.register(slot.symbol);
    }
    return slot.symbol;
  };
  let everyMember: unknown;
  Object.defineProperty(database, '_members', {
    configurable: true,
    get: () => (everyMember ??= K.Utils.ListExtensions.ToReadOnly(K.Symbols.Symbol, slots.map(built))),
  });
  // The binder compares each union's table list with the database's `Tables` by reference only;
  // a list built on first real use keeps that comparison from building every member.
  const tablesOf = Object.getOwnPropertyDescriptor(K.Symbols.DatabaseSymbol.prototype, 'Tables')?.get;
  if (tablesOf) {
    const tables = listBuiltOnFirstUse(() => tablesOf.call(database));
    Object.defineProperty(database, 'Tables', { configurable: true, get: () => tables });
  }
  const byName = indexSlots(slots, (name) => name);
  answerNameLookUps(K, database, slots, byName, built);
  answerTypedLookUps(K, database, byName, built);
  return globals;
}

/**
 * Stands for the object `build` returns, building it on the first access of any property. Bridge's
 * boxing check (`$boxed`, made by reference comparisons) does not count as a use.
 */
function listBuiltOnFirstUse(build: () => object): object {
  let real: object | undefined;
  const target = (): any => (real ??= build());
  return new Proxy(Object.create(null) as object, {
    get: (_, key) => (key === '$boxed' ? undefined : Reflect.get(target(), key)),
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}

/** The by-name look-up Kusto's binder makes for every name in a query, answered without listing members. */
function answerNameLookUps(K: KustoNamespace, database: any, slots: readonly Slot[], byName: SlotIndex, built: (slot: Slot) => any): void {
  const original = database.GetMembers$1;
  const matches = K.Symbols.SymbolMatchExtensions?.Matches$1;
  if (typeof original !== 'function' || typeof matches !== 'function') return;
  // Case-insensitive look-ups (Kusto's hints for a misspelt name) use a lower-case index while every
  // name is ASCII; otherwise JavaScript's and .NET's case mappings could disagree, so they list all.
  const asciiOnly = slots.every((s) => /^[\x00-\x7f]*$/.test(s.name));
  const byLowerName = asciiOnly ? indexSlots(slots, (name) => name.toLowerCase()) : undefined;
  database.GetMembers$1 = function (name: string | null, match: number, found: any, ignoreCase = false): void {
    const candidates = name == null ? undefined : !ignoreCase ? (byName.get(name) ?? []) : byLowerName && /^[\x00-\x7f]*$/.test(name) ? (byLowerName.get(name.toLowerCase()) ?? []) : undefined;
    if (candidates === undefined) return original.call(this, name, match, found, ignoreCase);
    for (const slot of candidates) {
      const symbol = built(slot);
      if (matches(symbol, name, match, ignoreCase)) found.add(symbol);
    }
  };
}

/**
 * `GetFunction(name)` and `GetTable(name)` scan the database's whole function or table list on
 * every call (and the first call builds every member to make that list). validate asks them for
 * each name a query binds to a function, built-ins included, which made them a fifth of the
 * analysis time; they are answered from the by-name index instead: the first member of that name
 * and kind, in declaration order, as Kusto's scan finds it.
 */
function answerTypedLookUps(K: KustoNamespace, database: any, byName: SlotIndex, built: (slot: Slot) => any): void {
  const Bridge = (globalThis as any).Bridge;
  const firstOfType = (name: string | null, type: unknown): any => {
    for (const slot of (name == null ? undefined : byName.get(name)) ?? []) {
      const symbol = built(slot);
      if (Bridge.is(symbol, type)) return symbol;
    }
    return null;
  };
  database.GetFunction = (name: string | null): any => firstOfType(name, K.Symbols.FunctionSymbol);
  database.GetTable = (name: string | null): any => firstOfType(name, K.Symbols.TableSymbol);
}

type SlotIndex = ReadonlyMap<string, readonly Slot[]>;

function indexSlots(slots: readonly Slot[], key: (name: string) => string): Map<string, Slot[]> {
  const index = new Map<string, Slot[]>();
  for (const slot of slots) {
    const k = key(slot.name);
    const list = index.get(k);
    if (list) list.push(slot);
    else index.set(k, [slot]);
  }
  return index;
}

/**
 * Fills `reverseDatabaseMap` and `reverseTableMap` as Kusto's GetDatabase/GetTable would, from the
 * members built so far; derived global states (WithCache, …) share these dictionaries, so adding
 * each member as it is built keeps every one of them complete.
 */
function seedReverseMaps(K: KustoNamespace, globals: any, database: any, slots: readonly Slot[]): { register(symbol: any): void } {
  const databaseMap = new SymbolMap();
  const tableMap = new SymbolMap();
  const isPlainTable = (s: any): boolean => s.Kind === K.Symbols.SymbolKind.Table && !s.IsExternal && !s.IsMaterializedView && !s.IsStoredQueryResult;
  const register = (symbol: any, owner: any = database): void => {
    databaseMap.setItem(symbol, owner);
    if (!isPlainTable(symbol)) return;
    const columns = symbol.Columns;
    for (let i = 0; i < columns.Count; i++) tableMap.setItem(columns.getItem(i), symbol);
  };
  for (let c = 0; c < globals.Clusters.Count; c++) {
    const databases = globals.Clusters.getItem(c).Databases;
    for (let d = 0; d < databases.Count; d++) {
      const other = databases.getItem(d);
      if (other === database) continue;
      for (let m = 0; m < other.Members.Count; m++) register(other.Members.getItem(m), other);
    }
  }
  for (const slot of slots) if (slot.symbol !== undefined) register(slot.symbol);
  globals.reverseDatabaseMap = databaseMap;
  globals.reverseTableMap = tableMap;
  return { register: (symbol) => register(symbol) };
}

/**
 * The part of a Bridge.NET `Dictionary<Symbol, T>` that Kusto.Language uses of its reverse maps
 * (`tryGetValue`, nothing else), over a JavaScript Map: symbols compare by reference either way,
 * and the Bridge dictionary, hashing each key through its own object hash codes, made registering
 * the ~30,000 catalog columns (when a query needs every table) cost ~0.2 s.
 */
class SymbolMap {
  private readonly map = new Map<unknown, unknown>();

  setItem(key: unknown, value: unknown): void {
    this.map.set(key, value);
  }

  tryGetValue(key: unknown, result: { v: unknown }): boolean {
    const found = this.map.has(key);
    result.v = found ? this.map.get(key) : null;
    return found;
  }
}
