import type { ReadResult } from './imported-item';
import { readArmFile } from './read-arm-file';
import { readCsvFile } from './read-csv-file';
import { readYamlFile } from './read-yaml-file';

/** The file types `import` reads, by extension. */
export const IMPORTABLE_EXTENSIONS = ['.yaml', '.yml', '.json', '.csv'] as const;

/** Reads one source file by its extension: YAML rules, ARM templates, watchlist CSV. */
export function readSourceFile(file: string, text: string): ReadResult {
  const lower = file.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return readYamlFile(file, text);
  if (lower.endsWith('.json')) return readArmFile(file, text);
  if (lower.endsWith('.csv')) return readCsvFile(file, text);
  return {
    items: [],
    skipped: [],
    diagnostics: [{ code: 'IMPORT_NOT_CONTENT', severity: 'error', message: `cannot import ${file}: expected .yaml/.yml (rules, hunting queries), .json (ARM templates) or .csv (watchlist rows)`, file, line: 1, column: 1 }],
  };
}
