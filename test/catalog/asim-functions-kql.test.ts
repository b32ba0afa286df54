import { loadAsimCatalog, parseAsimCatalog } from '../../src/catalog/asim-catalog';
import { analyzeQuery } from '../../src/kql/analyze-query';
import { KqlSchema } from '../../src/kql/kql-schema';
import { kustoLanguage, toArray } from '../../src/kql/kusto-bridge';

const schema = new KqlSchema();
const analyze = (query: string, against: KqlSchema = schema) => analyzeQuery(query, against);
const errors = (query: string, against?: KqlSchema) =>
  analyze(query, against).problems.filter((p) => p.severity === 'error').map((p) => `${p.code}: ${p.message}`);

describe('ASIM parser functions in the KQL schema', () => {
  test('a filtering parser call with a named filter binds, and its result columns carry the schema types', () => {
    const analysis = analyze('_Im_NetworkSession(starttime=ago(1h)) | where DstIpAddr == "1.2.3.4" | project SrcIpAddr, DstPortNumber');
    expect(analysis.problems).toEqual([]);
    expect(analysis.resultColumns).toEqual([
      { name: 'SrcIpAddr', type: 'string' },
      { name: 'DstPortNumber', type: 'int' },
    ]);
  });

  test('a workspace parser used like a table, without parentheses, binds', () => {
    expect(analyze('imDns | where DnsQuery has "x"').problems).toEqual([]);
    expect(analyze('imDns() | where DnsQuery has "x" | project TimeGenerated').resultColumns).toEqual([{ name: 'TimeGenerated', type: 'datetime' }]);
  });

  test('unifying, source-specific and empty sub-parsers of every naming form bind', () => {
    for (const query of [
      'ASimProcessEvent | where TargetProcessName has "x"',
      '_ASim_Dns(pack=true) | summarize count() by DnsResponseCodeName',
      'imAuthentication(username_has_any=dynamic(["a"]), eventresult="Failure") | project TargetUsername, EventResult',
      '_ASim_AlertEvent_MicrosoftDefenderXDR(disabled=false) | project AlertId, AttackTactics',
      'let ips = dynamic(["10.0."]); imNetworkSession(srcipaddr_has_any_prefix=ips, dstportnumber=443) | project Dst',
      '_Im_WebSession(url_has_any=dynamic(["x.com"])) | where HttpUserAgent has "curl" | project Url, UserAgent',
      '_Im_Process_Empty | take 1',
    ]) {
      expect({ query, errors: errors(query) }).toEqual({ query, errors: [] });
    }
  });

  test('a misspelled column of an ASIM result is still an unknown-name error', () => {
    expect(errors('_Im_Dns | where DnsQueryy == "x"')).toEqual([
      "KQL_UNKNOWN_NAME: The name 'DnsQueryy' does not refer to any known column, table, variable or function. (KS142)",
    ]);
  });

  test('a parameter name the parser does not declare is an error', () => {
    expect(errors('_Im_Dns(domain_hass_any=dynamic(["a"]))')).toEqual(['KQL_SEMANTIC: The argument name does not refer to a declared parameter. (KS196)']);
    expect(errors('_Im_Dns(starttime=ago(1d), srcipaddr_has_any_prefix=dynamic(["10."]))')).toHaveLength(1);
  });

  test('a table passed for a scalar parameter is an error', () => {
    expect(errors('_Im_Dns(starttime=SigninLogs)')).toEqual(['KQL_SEMANTIC: Scalar value expected. (KS108)']);
    expect(errors('let ips = SigninLogs | project IPAddress; imDns(response_has_any_prefix=ips)')).toEqual(['KQL_SEMANTIC: Scalar value expected. (KS108)']);
  });

  test('a scalar of another type is coerced, as Kusto.Language does for every stored function', () => {
    expect(errors('_Im_Dns(domain_has_any="evil.com")')).toEqual([]);
    expect(errors('let f = (d:datetime) { print d }; f("2024-01-01")')).toEqual([]);
  });

  test('more arguments than the parser takes is an error, and a parameter-less parser takes none', () => {
    expect(errors('_Im_Dns(1,2,3,4,5,6,7,8,9,10)')).toEqual(["KQL_SEMANTIC: The function '_Im_Dns' expects 9 arguments. (KS119)"]);
    expect(errors('ASimProcessEvent(pack=true)')).toEqual(["KQL_SEMANTIC: The function 'ASimProcessEvent' expects no arguments. (KS119)"]);
  });

  test('a name that is not an ASIM parser is still unknown', () => {
    expect(errors('_Im_Dnss | take 1')).toEqual(["KQL_UNKNOWN_TABLE: unknown table or tabular function '_Im_Dnss' (KS204)"]);
    expect(errors('imNotAParser(starttime=ago(1h))')).toHaveLength(1);
    expect(errors('print x = not_a_function(1)')).toHaveLength(1);
  });

  test('a custom table of the same name as a parser wins, as it does over a catalog table', () => {
    const custom = new KqlSchema({ tables: [{ name: 'imDns', columns: [{ name: 'OnlyColumn', type: 'string' }] }] });
    expect(analyze('imDns | project OnlyColumn', custom).problems).toEqual([]);
    expect(errors('imDns | project DnsQuery', custom)).toHaveLength(1);
    expect(errors('_Im_Dns | project DnsQuery', custom)).toEqual([]);
  });
});

describe('the by-name member index of the schema database', () => {
  test('answers every look-up as Kusto.Language\'s own member scan does', () => {
    const K = kustoLanguage();
    const database = (schema.globals as any).Database;
    const scan = K.Symbols.DatabaseSymbol.prototype.GetMembers$1;
    expect(database.GetMembers$1).not.toBe(scan);
    const { SymbolMatch } = K.Symbols;
    // Bridge.NET generics: List$1(T) returns the constructor of List<T>.
    const SymbolList = (globalThis as any).System.Collections.Generic.List$1(K.Symbols.Symbol);
    const lookups = (get: (name: string | null, match: number, found: any, ignoreCase?: boolean) => void) =>
      ['SigninLogs', '_Im_Dns', 'imDns', '_GetWatchlist', 'signinlogs', 'NoSuchName', null].flatMap((name) =>
        [SymbolMatch.Function, SymbolMatch.Table, SymbolMatch.Any].flatMap((match) =>
          [false, true].map((ignoreCase) => {
            const found = new SymbolList();
            get.call(database, name, match, found, ignoreCase);
            return `${name}/${match}/${ignoreCase}: ${toArray(found).length} ${toArray(found).slice(0, 3).map((s: any) => s.Name).join(',')}`;
          }),
        ),
      );
    expect(lookups(database.GetMembers$1)).toEqual(lookups(scan));
  });
});

describe('loadAsimCatalog', () => {
  test('reads the generated file once and shares it', () => {
    const first = loadAsimCatalog();
    expect(loadAsimCatalog()).toBe(first);
    expect(first.functions.get('_Im_Dns')?.schema).toBe('Dns');
    expect(first.schemas.get('Dns')).toContainEqual({ name: 'DnsQuery', type: 'string' });
  });

  test('a malformed catalog is an error naming the file, the entry and the fix', () => {
    expect(() => parseAsimCatalog('{"schemas":{},"functions":{"f":{"schema":"Nope","parameters":[]}}}', 'a.json')).toThrow(
      'a.json: function f names schema "Nope", which the file does not define. Regenerate it with `npm run gen:asim`.',
    );
    expect(() => parseAsimCatalog('{"schemas":{"S":[["c","varchar"]]},"functions":{}}', 'a.json')).toThrow('a.json: schema S has a column that is not [name, Kusto type]: ["c","varchar"]');
    expect(() => parseAsimCatalog('{"schemas":{"S":[]},"functions":{"f":{"schema":"S","parameters":[["p",1]]}}}', 'a.json')).toThrow('a.json: function f has a parameter that is not [name, Kusto type, default?]: ["p",1]');
    expect(() => parseAsimCatalog('nope', 'a.json')).toThrow('a.json: not valid JSON');
  });
});
