import type { Check } from './check';
import type { LoadedRule } from '../load/loaded-project';
import type { PropPath } from '../load/source-locator';
import type { ResultColumn } from '../kql/analyze-query';

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/**
 * Every column a rule's alert settings name must be in the query's result, with a usable type:
 * entity mappings, custom details, `{{Column}}` placeholders, severity and tactics overrides and
 * dynamic properties. Sentinel would otherwise accept the rule and silently produce empty fields.
 */
export const resultColumnCheck: Check = {
  name: 'result-columns',
  rule(rule, ctx, report) {
    const analysis = ctx.analyses.get(rule);
    const columns = analysis?.resultColumns;
    if (!columns) return;
    const byName = new Map(columns.map((c) => [c.name, c]));
    const require = (path: PropPath, name: unknown, purpose: string, types?: readonly string[], dynamicIsWarning = false): void => {
      if (typeof name !== 'string') return;
      const column = byName.get(name);
      if (!column) {
        // An open result (a solution parser known by name only) may well hold the column.
        if (!analysis.resultIsOpen) report.at(rule, path, 'RESULT_COLUMN_MISSING', 'error', `${purpose} names column '${name}', which the query does not return`, `the query returns: ${listColumns(columns)}`);
      } else if (types && column.type !== 'unknown' && !types.includes(column.type)) {
        const severity = dynamicIsWarning && column.type === 'dynamic' ? 'warning' : 'error';
        report.at(rule, path, 'RESULT_COLUMN_TYPE', severity, `${purpose} column '${name}' is ${column.type}; it must be ${types.join(' or ')}`, `convert it in the query, e.g. | extend ${name} = tostring(${name})`);
      }
    };
    checkEntityColumns(rule, require);
    for (const [key, column] of Object.entries(rule.props.customDetails ?? {})) {
      require(['customDetails', key], column, `custom detail '${key}'`);
    }
    const override = rule.props.alertDetailsOverride;
    if (override) {
      for (const field of ['alertDisplayNameFormat', 'alertDescriptionFormat'] as const) {
        const format = override[field];
        if (typeof format !== 'string') continue;
        for (const match of format.matchAll(PLACEHOLDER)) require(['alertDetailsOverride', field], match[1], `placeholder {{${match[1]}}} in ${field}`);
      }
      require(['alertDetailsOverride', 'alertSeverityColumnName'], override.alertSeverityColumnName, 'the severity override', ['string']);
      require(['alertDetailsOverride', 'alertTacticsColumnName'], override.alertTacticsColumnName, 'the tactics override', ['string', 'dynamic']);
      override.alertDynamicProperties?.forEach((p, i) => require(['alertDetailsOverride', 'alertDynamicProperties', i, 'value'], p.value, `dynamic property ${p.alertProperty}`));
    }
  },
  hunting(query, ctx, report) {
    const analysis = ctx.analyses.get(query);
    const columns = analysis?.resultColumns;
    if (!columns || analysis.resultIsOpen) return;
    const names = new Set(columns.map((c) => c.name));
    query.props.entityMappings?.forEach((mapping, i) =>
      mapping.fieldMappings?.forEach((field, j) => {
        if (!names.has(field.columnName)) {
          report.at(query, ['entityMappings', i, 'fieldMappings', j, 'columnName'], 'RESULT_COLUMN_MISSING', 'error', `${mapping.entityType}.${field.identifier} names column '${field.columnName}', which the query does not return`, `the query returns: ${listColumns(columns)}`);
        }
      }),
    );
  },
};

function checkEntityColumns(rule: LoadedRule, require: (path: PropPath, name: unknown, purpose: string, types?: readonly string[], dynamicIsWarning?: boolean) => void): void {
  rule.props.entityMappings?.forEach((mapping, i) =>
    mapping.fieldMappings?.forEach((field, j) =>
      // Entity identifiers are strings in the alert. Sentinel accepts a dynamic column but maps its
      // JSON text (`["a","b"]`), so that is a warning; other types are errors.
      require(['entityMappings', i, 'fieldMappings', j, 'columnName'], field.columnName, `${mapping.entityType}.${field.identifier}`, ['string', 'guid', 'long', 'int', 'bool', 'datetime'], true),
    ),
  );
}

function listColumns(columns: readonly ResultColumn[]): string {
  const names = columns.map((c) => c.name);
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} in all)` : names.join(', ');
}
