import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema } from '../../src/kql/kql-schema';

/**
 * column_ifexists(name, default) has the named column's type where the row has it (as in Kusto at
 * run time), and the default's where it has not; Kusto.Language alone always gives the default's.
 */
describe('column_ifexists typing', () => {
  const schema = new KqlSchema({ tables: [{ name: 'Probe_CL', columns: [{ name: 'Bag', type: 'dynamic' }, { name: 'Count', type: 'long' }] }] });
  const analyze = (query: string) => {
    const analysis = analyzeQuery(query, schema);
    return { errors: analysis.problems.map((p) => p.message), last: analysis.resultColumns?.at(-1) };
  };

  it('types it by the column when the row has it, so a member access on a dynamic column binds', () => {
    // The idiom of the Azure-Sentinel AuditLogs rules that Kusto.Language alone rejects.
    expect(analyze('AuditLogs | extend Init = column_ifexists("InitiatedBy", "") | extend Upn = tostring(Init.user.userPrincipalName)')).toEqual({
      errors: [],
      last: { name: 'Upn', type: 'string' },
    });
    expect(analyze('Probe_CL | project N = column_ifexists("Count", "")')).toEqual({ errors: [], last: { name: 'N', type: 'long' } });
  });

  it('does the same for the deprecated spelling columnifexists', () => {
    const query = 'AuditLogs | mv-expand TargetResources[0].modifiedProperties | extend P = columnifexists("TargetResources_0_modifiedProperties", "") | where P.displayName =~ "x"';
    expect(analyze(query).errors).toEqual([]);
  });

  it('follows a constant let for the name', () => {
    expect(analyze('let name = "Bag"; Probe_CL | extend X = column_ifexists(name, "") | extend Y = X.k').errors).toEqual([]);
  });

  it('types it by the default when the row lacks the column, so a member access on a string still fails', () => {
    expect(analyze('Probe_CL | extend X = column_ifexists("Missing", "") | project X')).toEqual({ errors: [], last: { name: 'X', type: 'string' } });
    expect(analyze('Probe_CL | extend X = column_ifexists("Missing", "") | extend Y = X.k').errors).toEqual([expect.stringMatching(/'k' does not refer/)]);
    expect(analyze('print X = column_ifexists("Missing", 1)').last).toEqual({ name: 'X', type: 'long' });
  });
});
