import type { Check, Report } from './check';
import type { LoadedDefinition } from '../load/loaded-project';
import type { PropPath } from '../load/source-locator';

/**
 * Identity must be unique across the project: rule and hunting ids (they become ARM resource names
 * and YAML ids), rule names, hunting names, watchlist aliases, custom table names and workspace
 * function names (case-sensitive, as KQL resolves them). Each later
 * occurrence is reported, naming where the first one is.
 */
export const duplicatesCheck: Check = {
  name: 'duplicates',
  finalize({ project }, report) {
    const ids = [...project.rules, ...project.huntingQueries];
    unique(ids, ['id'], (d) => String(d.props.id).toLowerCase(), 'DUPLICATE_ID', 'id', report);
    unique(project.rules, ['name'], (d) => String(d.props.name), 'DUPLICATE_NAME', 'analytics rule name', report);
    unique(project.huntingQueries, ['name'], (d) => String(d.props.name), 'DUPLICATE_NAME', 'hunting query name', report);
    unique(project.watchlists, ['alias'], (d) => String(d.props.alias).toLowerCase(), 'DUPLICATE_WATCHLIST_ALIAS', 'watchlist alias', report);
    unique(project.tables, ['name'], (d) => String(d.props.name).toLowerCase(), 'DUPLICATE_TABLE', 'custom table name', report);
    unique(project.functions, ['name'], (d) => String(d.props.name), 'DUPLICATE_FUNCTION', 'workspace function name', report);
  },
};

function unique<T extends LoadedDefinition>(items: readonly T[], path: PropPath, key: (d: T) => string, code: string, what: string, report: Report): void {
  const first = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, item);
      continue;
    }
    const where = `${earlier.source.file}:${earlier.source.locate(path).line}`;
    report.at(item, path, code, 'error', `${what} ${JSON.stringify(k)} is already used by ${earlier.source.exportName} in ${where}`, 'each must be unique: generate a new GUID or rename');
  }
}
