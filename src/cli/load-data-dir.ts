import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { TableColumn } from '../catalog/table-catalog';

/** A problem with the --data folder or one of its files, phrased for the user. */
export class DataDirError extends Error {}

export interface DataTable {
  readonly name: string;
  readonly rows: Record<string, unknown>[];
}

/**
 * Reads `<Table>.json` (an array of rows, or `{ "rows": [...] }`) and `<Table>.csv` (header row)
 * files from a folder, for `sentinel-cac run --data`. The file name is the table name.
 */
export function loadDataDir(dir: string): DataTable[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new DataDirError(`--data ${dir}: no such folder`);
  const entries = fs.readdirSync(dir).filter((f) => /\.(json|csv)$/i.test(f)).sort();
  if (entries.length === 0) throw new DataDirError(`${dir} holds no .json or .csv table files (name each file after its table, e.g. AzureActivity.json)`);
  return entries.map((file) => {
    const full = path.join(dir, file);
    const name = file.replace(/\.(json|csv)$/i, '');
    const text = fs.readFileSync(full, 'utf8');
    if (/\.csv$/i.test(file)) {
      try {
        return { name, rows: parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, unknown>[] };
      } catch (error) {
        const err = error as { message: string; lines?: number };
        throw new DataDirError(`${full}:${err.lines ?? 1}:1: not valid CSV: ${err.message}`);
      }
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new DataDirError(`${full}:${jsonErrorPosition(text, (error as Error).message)}: not valid JSON: ${(error as Error).message}`);
    }
    const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) throw new DataDirError(`${full}: expected an array of rows or { "rows": [...] }`);
    return { name, rows: rows as Record<string, unknown>[] };
  });
}

/**
 * The rows each `externaldata` URL returns, for `sentinel-cac run --external-data`: a JSON object
 * of URL -> array of rows (values by column name).
 */
export function loadExternalData(file: string): Record<string, Record<string, unknown>[]> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new DataDirError(`--external-data ${file}: cannot read the file`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DataDirError(`${file}:${jsonErrorPosition(text, (error as Error).message)}: not valid JSON: ${(error as Error).message}`);
  }
  const shape = `expected an object of URL -> array of rows, e.g. { "https://example.com/iocs.csv": [{ "Ip": "203.0.113.7" }] }`;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new DataDirError(`${file}: ${shape}`);
  for (const [url, rows] of Object.entries(parsed)) {
    if (!Array.isArray(rows) || rows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) throw new DataDirError(`${file}: ${JSON.stringify(url)}: ${shape}`);
  }
  return parsed as Record<string, Record<string, unknown>[]>;
}

/** "line:column" of the offset V8 names in a JSON.parse error ("… at position 17"). */
function jsonErrorPosition(text: string, message: string): string {
  const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** Column types for a table the catalog does not know, inferred from its rows. */
export function inferColumns(rows: readonly Record<string, unknown>[]): TableColumn[] {
  const types = new Map<string, TableColumn['type']>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) {
      const type = inferType(value);
      const known = types.get(name);
      types.set(name, known === undefined || known === type ? type : 'dynamic');
    }
  }
  return [...types].map(([name, type]) => ({ name, type }));
}

function inferType(value: unknown): TableColumn['type'] {
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'real';
  if (typeof value === 'boolean') return 'bool';
  if (value !== null && typeof value === 'object') return 'dynamic';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return 'datetime';
  return 'string';
}
