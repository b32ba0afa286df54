/**
 * Microsoft.OperationalInsights/workspaces/tables (api-version 2022-10-01, specs/Tables_OperationalInsights_2022-10-01.json),
 * the schema of every table a workspace has. As the spec says: the list is one page without
 * nextLink, a table keeps Microsoft's columns in `schema.standardColumns` and the customer's in
 * `schema.columns`, and there is no etag.
 *
 * Decisions where Azure's behaviour is not in the spec (see README):
 * - PUT/PATCH answer 200 with the table at once (the spec allows 200 besides the async 202).
 * - A PUT that creates a table needs a name ending in `_CL` and a `TimeGenerated` dateTime column;
 *   the new table gets `tableType: CustomLog` and Azure's hidden `TenantId` standard column.
 * - A PUT or PATCH of an existing table replaces its custom columns and retention/plan settings;
 *   the standard columns, type and solutions stay. PATCH of a missing table is 404.
 * - DELETE of a custom table 200, of a missing one 204, of a Microsoft table 400.
 * Microsoft tables come from the test's own seeding (`store.set(ids.table(...), body)`).
 */
import { badRequest, methodNotAllowed, notFound } from '../cloud-error';
import { clone, type ResourceBody } from '../store/emulator-store';
import { type HandlerContext, type HandlerResult, objectBody } from './handler-context';

const CUSTOM_TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}_CL$/;

/** Azure lists the workspace's tenant id as a hidden standard column of each custom table it creates. */
const CUSTOM_TABLE_STANDARD_COLUMNS = [{ name: 'TenantId', type: 'guid', isHidden: true, isDefaultDisplay: false }];

export function handleTables(ctx: HandlerContext): HandlerResult {
  const { route, store } = ctx;
  const tables = store.collection('tables', route.scope);
  if (route.name === undefined) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method, route.armType);
    return { status: 200, body: { value: [...tables.values()].map(clone) } };
  }
  const name = route.name;
  const existing = tables.get(name.toLowerCase());
  switch (ctx.method) {
    case 'GET':
      if (!existing) throw notFound(`Table '${name}'`);
      return { status: 200, body: clone(existing) };
    case 'PATCH':
      if (!existing) throw notFound(`Table '${name}'`);
      return { status: 200, body: store.write('tables', route.scope, name, updated(existing, objectBody(ctx))) };
    case 'PUT': {
      const body = objectBody(ctx);
      const next = existing ? updated(existing, body) : created(name, body);
      return { status: 200, body: store.write('tables', route.scope, name, next) };
    }
    case 'DELETE':
      if (!existing) return { status: 204 };
      if (existing.properties?.schema?.tableType === 'Microsoft') throw badRequest(`Table '${name}' is a Microsoft table and cannot be deleted; only custom (_CL) tables can.`, 'InvalidParameter');
      store.remove('tables', route.scope, name);
      return { status: 200 };
    default:
      throw methodNotAllowed(ctx.method, route.armType);
  }
}

interface ColumnBody {
  name?: unknown;
  type?: unknown;
}

function requestColumns(body: ResourceBody): ColumnBody[] | undefined {
  const columns = body.properties?.schema?.columns;
  return Array.isArray(columns) ? columns : undefined;
}

/** The stored form of a column: what the client sent plus the two read-only flags Azure adds. */
function storedColumn(column: ColumnBody): ResourceBody {
  return { ...(column as ResourceBody), isHidden: false, isDefaultDisplay: false };
}

function retention(body: ResourceBody, previous: ResourceBody | undefined): ResourceBody {
  const props = body.properties ?? {};
  const retentionInDays = props.retentionInDays ?? previous?.retentionInDays ?? 30;
  const totalRetentionInDays = props.totalRetentionInDays ?? previous?.totalRetentionInDays ?? retentionInDays;
  return {
    retentionInDays,
    totalRetentionInDays,
    archiveRetentionInDays: Math.max(0, totalRetentionInDays - retentionInDays),
    retentionInDaysAsDefault: props.retentionInDays === undefined && previous?.retentionInDaysAsDefault !== false,
    totalRetentionInDaysAsDefault: props.totalRetentionInDays === undefined && previous?.totalRetentionInDaysAsDefault !== false,
    plan: props.plan ?? previous?.plan ?? 'Analytics',
    provisioningState: 'Succeeded',
  };
}

function created(name: string, body: ResourceBody): ResourceBody {
  if (!CUSTOM_TABLE_NAME.test(name)) {
    throw badRequest(`Table '${name}' does not exist, and only custom tables can be created: the name must end with _CL (letters, digits and _, at most 63 characters).`, 'InvalidParameter');
  }
  const columns = requestColumns(body) ?? [];
  if (!columns.some((c) => c.name === 'TimeGenerated' && c.type === 'dateTime')) {
    throw badRequest(`Table '${name}': a custom table needs a TimeGenerated column of type dateTime in properties.schema.columns.`, 'InvalidParameter');
  }
  return {
    properties: {
      ...retention(body, undefined),
      schema: {
        name,
        tableType: 'CustomLog',
        tableSubType: 'DataCollectionRuleBased',
        source: 'customer',
        columns: columns.map(storedColumn),
        standardColumns: clone(CUSTOM_TABLE_STANDARD_COLUMNS),
        solutions: [],
        ...pick(body.properties?.schema, ['displayName', 'description']),
      },
    },
  };
}

function updated(existing: ResourceBody, body: ResourceBody): ResourceBody {
  const current = existing.properties ?? {};
  const columns = requestColumns(body);
  return {
    properties: {
      ...current,
      ...retention(body, current),
      schema: { ...current.schema, ...(columns && { columns: columns.map(storedColumn) }), ...pick(body.properties?.schema, ['displayName', 'description']) },
    },
  };
}

function pick(source: ResourceBody | undefined, keys: readonly string[]): ResourceBody {
  return Object.fromEntries(keys.filter((k) => source?.[k] !== undefined).map((k) => [k, source![k]]));
}
