import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAsimCatalog } from '../../src/catalog/asim-catalog';
import { ASIM_FUNCTIONS_JSON_PATH, buildAsimCatalog } from '../../src/catalog/generate/asim-build-catalog';
import { formatAsimCatalogReport } from '../../src/catalog/generate/asim-catalog-report';
import { ASIM_FILTERING_PARAMETERS } from '../../src/catalog/generate/asim-filtering-parameters';
import { parseAsimParameterList } from '../../src/catalog/generate/asim-parameter-list';
import { readAsimParserFunctions } from '../../src/catalog/generate/asim-parser-functions';
import { readAsimSchemaColumns } from '../../src/catalog/generate/asim-schema-columns';
import { repoRoot, resolveReferenceDir } from '../../src/catalog/generate/reference-dir';
import { describeDrift } from './generated-file-drift';

const referenceDir = resolveReferenceDir();
const build = buildAsimCatalog(referenceDir);
const catalog = parseAsimCatalog(build.files.get(ASIM_FUNCTIONS_JSON_PATH)!, ASIM_FUNCTIONS_JSON_PATH);
const column = (schema: string, name: string) => catalog.schemas.get(schema)?.find((c) => c.name === name)?.type;
const parameterNames = (fn: string) => catalog.functions.get(fn)?.parameters.map((p) => p.name);

describe('ASIM catalog generator', () => {
  test('two runs produce byte-identical files', () => {
    const again = buildAsimCatalog(referenceDir);
    expect([...again.files.keys()]).toEqual([ASIM_FUNCTIONS_JSON_PATH]);
    expect(again.files.get(ASIM_FUNCTIONS_JSON_PATH)).toBe(build.files.get(ASIM_FUNCTIONS_JSON_PATH));
  });

  test('the committed asim-functions.json equals what the generator produces now', () => {
    expect(describeDrift(repoRoot(), build.files, 'run `npm run gen:asim`')).toEqual([]);
  });

  test('every unifying parser is callable by its four names, and source parsers by both of theirs', () => {
    for (const name of ['ASimDns', '_ASim_Dns', 'imDns', '_Im_Dns', 'imNetworkSession', '_Im_NetworkSession', 'imAuthentication', 'ASimProcessEvent', 'imProcessCreate', '_Im_ProcessTerminate', 'imRegistry', '_Im_RegistryEvent']) {
      expect({ name, known: catalog.functions.has(name) }).toEqual({ name, known: true });
    }
    expect(catalog.functions.get('_ASim_AlertEvent_MicrosoftDefenderXDR')?.schema).toBe('AlertEvent');
    expect(catalog.functions.get('ASimAlertEventBitdefenderGravityZone')?.schema).toBe('AlertEvent');
    expect(catalog.functions.get('_Im_Process_Empty')?.schema).toBe('ProcessEvent');
    expect(catalog.functions.size).toBeGreaterThan(400);
  });

  test('parameter-less parsers take parser_params, filtering parsers the schema filter parameters', () => {
    expect(catalog.functions.get('_ASim_Dns')?.parameters).toEqual([{ name: 'pack', type: 'bool', defaultValue: 'False' }]);
    expect(parameterNames('_ASim_AlertEvent_BitdefenderGravityZone')).toEqual(['disabled', 'pack']);
    expect(parameterNames('_ASim_AlertEvent_MicrosoftDefenderXDR')).toEqual(['disabled']);
    expect(parameterNames('ASimProcessEvent')).toEqual([]);
    expect(catalog.functions.get('_Im_NetworkSession')?.parameters.slice(0, 2)).toEqual([
      { name: 'starttime', type: 'datetime', defaultValue: 'datetime(null)' },
      { name: 'endtime', type: 'datetime', defaultValue: 'datetime(null)' },
    ]);
    expect(catalog.functions.get('imNetworkSession')?.parameters).toContainEqual({ name: 'dstportnumber', type: 'int', defaultValue: 'int(null)' });
    expect(catalog.functions.get('_Im_Dns')?.parameters).toContainEqual({ name: 'domain_has_any', type: 'dynamic', defaultValue: 'dynamic([])' });
    expect(parameterNames('imProcessCreate')).toContain('commandline_has_any');
    expect(parameterNames('imProcessTerminate')).toContain('actorusername');
  });

  test('every unifying row of the reference has known filter parameters', () => {
    expect(build.parsers.withoutFilteringParameters).toEqual([]);
    for (const [name, list] of Object.entries(ASIM_FILTERING_PARAMETERS)) {
      expect({ name, problems: parseAsimParameterList(list).problems }).toEqual({ name, problems: [] });
    }
  });

  test('a schema has the Common fields first, then its own, each name once, typed', () => {
    const dns = catalog.schemas.get('Dns')!;
    expect(dns[0]).toEqual({ name: 'AdditionalFields', type: 'dynamic' });
    expect(column('Dns', 'TimeGenerated')).toBe('datetime');
    expect(column('Dns', 'DnsQuery')).toBe('string');
    expect(column('NetworkSession', 'DstPortNumber')).toBe('int');
    expect(column('Authentication', 'EventCount')).toBe('int');
    for (const [schema, cols] of catalog.schemas) {
      expect({ schema, size: new Set(cols.map((c) => c.name)).size }).toEqual({ schema, size: cols.length });
    }
    expect(catalog.schemas.has('Common')).toBe(false);
  });

  test('alias fields are columns, typed from the tester or from the field they alias', () => {
    expect(column('Dns', 'Domain')).toBe('string'); // alias of DnsQuery, typed by tester_type
    expect(column('DhcpEvent', 'Duration')).toBe('int');
    expect(column('WebSession', 'UserAgent')).toBe('string'); // no type at all: taken from HttpUserAgent
    expect(build.columns.typedBy.alias).toBeGreaterThan(0);
  });

  test('the report names what was typed indirectly and every sub-parser without a row', () => {
    const report = formatAsimCatalogReport(build);
    expect(report).toMatch(/^ASIM catalog: \d+ functions over 13 schemas/);
    expect(report).toContain('_Im_Dns_Empty: listed by ASimDns');
  });
});

describe('ASIM CSV readers on bad or odd input', () => {
  const fieldsHeader = 'schema,field_name,physical_type,aliased_field,tester_type\n';
  const parsersHeader = 'parser_name,equivalent_builtin,filtering_parser_name,filtering_equivalent_builtin,schema,sub_parsers,parser_params\n';

  test('a field with no resolvable type is skipped and reported, not guessed', () => {
    const result = readAsimSchemaColumns(`${fieldsHeader}Common,TimeGenerated,datetime,,\nX,Good,boolean,,\nX,Odd,varchar,,\nX,Alias,,Missing,\n`, 'f.csv');
    expect(result.schemas.get('X')).toEqual([{ name: 'TimeGenerated', type: 'datetime' }, { name: 'Good', type: 'bool' }]);
    expect(result.skipped.map((s) => `${s.field}: ${s.reason}`)).toEqual([
      'Odd: type "varchar" is not a Kusto scalar type',
      'Alias: no type, and the aliased field(s) Missing have none',
    ]);
  });

  test('a fields file without Common or with missing columns is an error naming the file', () => {
    expect(() => readAsimSchemaColumns(`${fieldsHeader}X,A,string,,\n`, 'f.csv')).toThrow('f.csv: no "Common" schema rows');
    expect(() => readAsimSchemaColumns('schema,field_name\nX,A\n', 'f.csv')).toThrow('f.csv: expected a header row with schema, field_name, physical_type, aliased_field, tester_type; missing physical_type, aliased_field, tester_type.');
  });

  test('bad parser_params items are left out and reported; unknown schemas are rejected', () => {
    const csv = `${parsersHeader}ASimX,_ASim_X,,,X,,"pack:bool=False;oops;n:varchar=1"\nASimY,_ASim_Y,,,Nope,,\n`;
    const result = readAsimParserFunctions(csv, 'p.csv', new Set(['X']));
    expect(result.functions.map((f) => `${f.name}(${f.parameters.map((p) => p.name).join(',')})`)).toEqual(['ASimX(pack)', '_ASim_X(pack)']);
    expect(result.parameterProblems.map((p) => p.note)).toEqual(['"oops" is not name:type or name:type=default', 'parameter n: type "varchar" is not a Kusto scalar type']);
    expect(result.rejected.map((r) => r.name)).toEqual(['ASimY', '_ASim_Y']);
  });

  test('a filtering parser the table does not know falls back to parser_params and is reported', () => {
    const csv = `${parsersHeader}ASimZ,_ASim_Z,imZ,_Im_Z,X,,pack:bool=False\n`;
    const result = readAsimParserFunctions(csv, 'p.csv', new Set(['X']));
    expect(result.functions.find((f) => f.name === '_Im_Z')?.parameters.map((p) => p.name)).toEqual(['pack']);
    expect(result.withoutFilteringParameters).toEqual([{ name: 'imZ', line: 2, note: 'typed with parser_params only' }]);
  });

  test('a missing reference folder names both ways to fix it', () => {
    const missing = path.join(os.tmpdir(), 'sentinel-cac-no-such-reference');
    fs.rmSync(missing, { recursive: true, force: true });
    expect(() => buildAsimCatalog(missing)).toThrow('tables/asim_fields.csv: reference file not found');
  });
});

describe('parseAsimParameterList', () => {
  test('splits on ; or , only outside brackets and quotes, and keeps defaults as KQL text', () => {
    expect(parseAsimParameterList("a:dynamic=dynamic(['x,y';'z']);b:string='p;q', c:int").parameters).toEqual([
      { name: 'a', type: 'dynamic', defaultValue: "dynamic(['x,y';'z'])" },
      { name: 'b', type: 'string', defaultValue: "'p;q'" },
      { name: 'c', type: 'int', defaultValue: undefined },
    ]);
  });

  test('accepts a KQL signature in parentheses and normalises type spellings', () => {
    expect(parseAsimParameterList('(starttime:datetime=datetime(null), pack:boolean=false)').parameters.map((p) => `${p.name}:${p.type}`)).toEqual(['starttime:datetime', 'pack:bool']);
  });

  test('an empty list has no parameters; duplicates and unbalanced text are reported', () => {
    expect(parseAsimParameterList('')).toEqual({ parameters: [], problems: [] });
    expect(parseAsimParameterList('a:int;a:long').problems).toEqual(['parameter a is listed twice; the first is kept']);
    expect(parseAsimParameterList("a:string='x").problems[0]).toMatch(/^unbalanced brackets or quotes/);
  });
});
