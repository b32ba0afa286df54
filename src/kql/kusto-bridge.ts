/**
 * Loads Kusto.Language (the Bridge.NET build in @kusto/language-service-next) once per process.
 *
 * The package is not a CommonJS module: its two scripts assign the globals `Bridge`, `System`
 * and `Kusto`. Loading them costs ~250 ms, so it happens lazily, on first use, never on import.
 */

import { kustoIsLoaded } from './kusto-snapshot.cjs';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type KustoNamespace = any;

let kusto: KustoNamespace | undefined;
let loadMs = 0;

export function kustoLanguage(): KustoNamespace {
  if (kusto === undefined) {
    const started = performance.now();
    // Already there when the process started from the CLI's snapshot (kusto-snapshot.cjs).
    if (!kustoIsLoaded()) {
      require('@kusto/language-service-next/bridge.min.js');
      require('@kusto/language-service-next/Kusto.Language.Bridge.min.js');
    }
    kusto = (globalThis as any).Kusto.Language;
    loadMs = performance.now() - started;
  }
  return kusto;
}

/** How long the one-time load took in this process (0 if it has not happened). */
export function kustoLoadMilliseconds(): number {
  return loadMs;
}

/** Converts a Bridge.NET IReadOnlyList to a JS array. */
export function toArray<T = any>(list: any): T[] {
  if (!list) return [];
  const out: T[] = [];
  const n = list.Count;
  for (let i = 0; i < n; i++) out.push(list.getItem(i));
  return out;
}

/** The Bridge.NET class name of a syntax node or symbol, e.g. "FilterOperator". */
export function kindOf(node: any): string {
  const full: string = node?.constructor?.$$name ?? '';
  return full.slice(full.lastIndexOf('.') + 1);
}
