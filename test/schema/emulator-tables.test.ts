/** The emulator's workspaces/tables resource, through the real SDK (api-version 2022-10-01). */
import { type RunningEmulator, startEmulator } from '../emulator';
import { collect, rejection } from '../emulator/sdk-clients';
import { logAnalytics, microsoftTableBody, PROD } from './workspace-fixture';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
beforeEach(() => emulator.store.clear());
afterAll(() => emulator.close());

const { resourceGroup: rg, workspace: ws } = PROD;

test('a custom table is created, read, listed, updated and deleted as the spec describes', async () => {
  const client = logAnalytics(emulator, PROD);
  const created = await client.tables.beginCreateOrUpdateAndWait(rg, ws, 'Fic_CL', { schema: { name: 'Fic_CL', columns: [{ name: 'TimeGenerated', type: 'dateTime' }, { name: 'User', type: 'string' }] }, retentionInDays: 45 });
  expect(created).toMatchObject({
    name: 'Fic_CL',
    type: 'Microsoft.OperationalInsights/workspaces/tables',
    id: `/subscriptions/${PROD.subscriptionId}/resourcegroups/${rg}/providers/Microsoft.OperationalInsights/workspaces/${ws}/tables/Fic_CL`,
    retentionInDays: 45,
    provisioningState: 'Succeeded',
    schema: { name: 'Fic_CL', tableType: 'CustomLog', source: 'customer', standardColumns: [{ name: 'TenantId', type: 'guid', isHidden: true }] },
  });
  expect(created.schema!.columns!.map((c) => `${c.name}:${c.type}`)).toEqual(['TimeGenerated:dateTime', 'User:string']);
  emulator.store.set(emulator.ids.table(PROD, 'SigninLogs'), microsoftTableBody('SigninLogs', [{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Status', type: 'dynamic' }]));
  expect((await collect(client.tables.listByWorkspace(rg, ws))).map((t) => t.name)).toEqual(['Fic_CL', 'SigninLogs']);
  expect((await client.tables.get(rg, ws, 'SigninLogs')).schema?.standardColumns?.map((c) => c.type)).toEqual(['dateTime', 'dynamic']);

  const updated = await client.tables.beginCreateOrUpdateAndWait(rg, ws, 'Fic_CL', { schema: { columns: [{ name: 'TimeGenerated', type: 'dateTime' }, { name: 'Ip', type: 'string' }] } });
  expect(updated.schema!.columns!.map((c) => c.name)).toEqual(['TimeGenerated', 'Ip']);
  expect(updated.retentionInDays).toBe(45);
  await client.tables.beginDeleteAndWait(rg, ws, 'Fic_CL');
  expect(await rejection(client.tables.get(rg, ws, 'Fic_CL'))).toMatchObject({ statusCode: 404, code: 'NotFound' });
});

test('what Azure refuses: a new non-_CL table, no TimeGenerated, a type outside the enum, deleting a Microsoft table', async () => {
  const client = logAnalytics(emulator, PROD);
  expect(await rejection(client.tables.beginCreateOrUpdateAndWait(rg, ws, 'Fic', { schema: { columns: [{ name: 'TimeGenerated', type: 'dateTime' }] } }))).toMatchObject({ statusCode: 400, message: expect.stringContaining('must end with _CL') });
  expect(await rejection(client.tables.beginCreateOrUpdateAndWait(rg, ws, 'Fic_CL', { schema: { columns: [{ name: 'User', type: 'string' }] } }))).toMatchObject({ statusCode: 400, message: expect.stringContaining('needs a TimeGenerated column') });
  expect(await rejection(client.tables.beginCreateOrUpdateAndWait(rg, ws, 'Fic_CL', { schema: { columns: [{ name: 'TimeGenerated', type: 'datetime' as 'dateTime' }] } }))).toMatchObject({
    statusCode: 400,
    message: 'Invalid data model. [properties.schema.columns.0.type: "datetime" is not one of the allowed values: string, int, long, real, boolean, dateTime, guid, dynamic]',
  });
  emulator.store.set(emulator.ids.table(PROD, 'SigninLogs'), microsoftTableBody('SigninLogs', [{ name: 'TimeGenerated', type: 'datetime' }]));
  expect(await rejection(client.tables.beginDeleteAndWait(rg, ws, 'SigninLogs'))).toMatchObject({ statusCode: 400 });
});

test('tables answer only their own api-version', async () => {
  const url = `${emulator.url}/subscriptions/${PROD.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.OperationalInsights/workspaces/${ws}/tables?api-version=2020-08-01`;
  const response = await fetch(url, { headers: { authorization: 'Bearer t' } });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    error: { code: 'NoRegisteredProviderFound', message: "No registered resource provider found for API version '2020-08-01' and type 'workspaces/tables' in namespace 'Microsoft.OperationalInsights'. The supported api-versions are '2022-10-01'." },
  });
});
