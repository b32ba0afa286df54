import type { Check } from './check';
import { ShapeAssertions } from './shape-assertions';
import { COLUMN_TYPES } from '../model/column-types';
import { isKqlName } from '../kql/kql-name';

/** Custom tables: a `_CL` name Log Analytics accepts, typed columns, and the mandatory TimeGenerated. */
export const customTableCheck: Check = {
  name: 'custom-table',
  table(table, _ctx, report) {
    const a = new ShapeAssertions(table, report);
    a.pattern(['name'], /^[A-Za-z][A-Za-z0-9_]{0,59}_CL$/, 'a custom table name ending in _CL (letters, digits, _; at most 63 characters)', { required: true });
    const columns = a.object(['columns']);
    if (!columns) return void a.required(['columns']);
    for (const name of Object.keys(columns)) {
      a.oneOf(['columns', name], COLUMN_TYPES);
      if (!isKqlName(name)) a.fail(['columns', name], `column name '${name}' must start with a letter or _ and hold only letters, digits and _`);
    }
    if (columns.TimeGenerated !== 'datetime') {
      a.fail(['columns'], 'a custom table needs a TimeGenerated column of type datetime', "add TimeGenerated: 'datetime'");
    }
  },
};
